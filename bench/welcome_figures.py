"""How long the programme's figures and board take as projects pile up.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_welcome \\
        .venv/bin/python bench/welcome_figures.py --projects 12000

Builds (once, in the database given; default: a throw-away SQLite file) the demo
network with its ~120 installation projects, then copies them, with their stage
history, up to `--projects` (written straight into the tables: the services would
send thousands of e-mails). Times, for a programme team member, the figures page
and the board (median and 95th percentile over 10 requests, through Django's test
client, with the number of SQL queries of one request), and `stats.figures()` alone.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intranet.settings")
os.environ.setdefault("DATABASE_URL", "sqlite:////tmp/sohosolo-bench-welcome.sqlite3")


def _timed(function, runs: int = 10) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--projects", type=int, default=12_000)
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from committees.models import CommitteePage
    from members.models import User
    from welcome import stats
    from welcome.models import InstallationProject, StageChange

    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    if not CommitteePage.objects.exists():
        call_command("seed_demo", verbosity=0)
    originals = list(InstallationProject.objects.filter(anonymised_at__isnull=True))
    history = {}
    for change in StageChange.objects.filter(project__in=originals):
        history.setdefault(change.project_id, []).append(change)
    missing = args.projects - InstallationProject.objects.count()
    if missing > 0:
        print(f"copying projects: {missing} more…", flush=True)
    while missing > 0:
        batch = originals[: min(len(originals), missing)]
        copies = []
        for project in batch:
            copy = InstallationProject(
                **{f.attname: getattr(project, f.attname)
                   for f in InstallationProject._meta.concrete_fields
                   if f.attname not in ("id", "prospect_id", "conversation_id")}
            )  # fmt: skip
            copies.append(copy)
        InstallationProject.objects.bulk_create(copies, batch_size=1000)
        if connection.vendor == "sqlite":  # bulk_create sets no ids there
            copies = list(InstallationProject.objects.order_by("-pk")[: len(batch)])[
                ::-1
            ]
        StageChange.objects.bulk_create(
            [StageChange(project=copy, from_stage=c.from_stage, to_stage=c.to_stage,
                         by_id=c.by_id, at=c.at, reason=c.reason)
             for project, copy in zip(batch, copies, strict=True)
             for c in history.get(project.pk, [])],
            batch_size=5000,
        )  # fmt: skip
        missing -= len(batch)

    claire = User.objects.get(email__startswith="claire.dubosc")
    client = Client()
    client.force_login(claire)
    count = InstallationProject.objects.count()
    changes = StageChange.objects.count()
    print(f"{count} projects, {changes} stage changes, on {connection.vendor}")
    for label, url in (
        ("figures page", "/nouveaux-arrivants/chiffres/"),
        ("figures page, one year", "/nouveaux-arrivants/chiffres/?annee=2025"),
        ("board", "/nouveaux-arrivants/"),
        ("funnel CSV", "/nouveaux-arrivants/chiffres/funnel.csv"),
    ):
        queries = []
        with connection.execute_wrapper(
            lambda execute, sql, *rest, seen=queries: (
                seen.append(sql) or execute(sql, *rest)
            )
        ):
            assert client.get(url).status_code == 200
        p50, p95 = _timed(lambda url=url: client.get(url))
        print(f"{label:24} p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  "
              f"{len(queries)} queries")  # fmt: skip
    p50, p95 = _timed(stats.figures)
    print(f"{'stats.figures() alone':24} p50 {p50:7.1f} ms  p95 {p95:7.1f} ms")


if __name__ == "__main__":
    main()
