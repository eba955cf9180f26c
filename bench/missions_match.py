"""The matching of a mission against 28,000 members (100 × the network), issue #24.

    .venv/bin/python bench/missions_match.py              # grow once, then measure
    .venv/bin/python bench/missions_match.py --members 28000 --runs 20

Data: a PostgreSQL database of the bench's own (`DATABASE_URL`, default
`sohosolo_bench_missions`, created when missing), migrated, then grown with bulk
SQL (`INSERT … SELECT … generate_series`, a few seconds) to `--members` active
members, each with a profile in a random commune of the Gers (one in ten shows it
to their committees only, one in twenty to nobody) and up to 4 skills drawn from
a vocabulary of 80 with a steep skew (`floor(80 × u × v)`, u and v uniform: the
most common skill is held by about 7 % of the members, like « Anglais » in a
real network, the bench prints how many), and 4,000 missions (100 × the
demo's 40), their skills drawn the same way. Rerunning reuses what is there.
ANALYZE follows the growth.

Measured, for two missions in Auch (the worst: the three most common skills;
a typical one: three skills of the middle of the vocabulary), as a member sees
the mission page (with the field-privacy filter of the viewer) and as the
notification after posting runs it (`members_to_tell`):
- `EXPLAIN (ANALYZE, BUFFERS)` of each query once (warm);
- the database time of `--runs` executions (the round trip included, timed
  through `connection.execute_wrapper`): median and max;
and the list of open missions, best matches first, for a member with 4 skills.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intranet.settings")
os.environ.setdefault(
    "DATABASE_URL", "postgres://postgres@127.0.0.1:5432/sohosolo_bench_missions"
)
os.environ.setdefault("DJANGO_VAR_DIR", "/tmp/sohosolo-bench-missions-var")

SKILLS = 80
SKILLS_EACH = 4
MISSIONS = 4000


def grow(members: int) -> None:
    from django.db import connection, transaction

    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM members_skill WHERE slug LIKE 'bench-%%'")
        if cursor.fetchone()[0] < SKILLS:
            cursor.execute(
                "INSERT INTO members_skill (name, slug) SELECT 'Bench ' || k, "
                "'bench-' || k FROM generate_series(0, %s) k "
                "ON CONFLICT DO NOTHING",
                [SKILLS - 1],
            )
        cursor.execute("SELECT count(*) FROM members_user WHERE is_active")
        have = cursor.fetchone()[0]
        if have < members:
            print(f"growing: {have} → {members} members…", flush=True)
            cursor.execute("SELECT coalesce(max(id), 0) FROM members_user")
            start = cursor.fetchone()[0] + 1
            cursor.execute(
                "INSERT INTO members_user (id, password, is_superuser, first_name, "
                "last_name, is_staff, is_active, date_joined, email, language) "
                "SELECT n, '!', false, 'Membre', 'n°' || n, false, true, now(), "
                "'bench' || n || '@sohosolo.example', 'fr' "
                "FROM generate_series(%s::int, %s::int) n",
                [start, start + members - have - 1],
            )
            cursor.execute(
                "SELECT setval(pg_get_serial_sequence('members_user', 'id'), "
                "(SELECT max(id) FROM members_user))"
            )
            cursor.execute(
                "INSERT INTO members_profile (user_id, display_name, headline, "
                "profession, bio, offers, needs, commune_id, languages, phone, "
                "website, linkedin, other_link, open_to_collaborate, "
                "helps_newcomers, photo, photo_thumbnail, email_visibility, "
                "phone_visibility, commune_visibility, updated_at) "
                "SELECT u.id, '', '', '', '', '', '', "
                "(SELECT id FROM communes_commune ORDER BY id "
                " OFFSET floor(random() * 458 + u.id * 0)::int LIMIT 1), "
                "'[]', '', '', '', '', random() < 0.3, false, '', '', 'members', "
                "'nobody', CASE WHEN random() < 0.05 THEN 'nobody' "
                "WHEN random() < 0.1 THEN 'committees' ELSE 'members' END, now() "
                "FROM members_user u WHERE u.id >= %s",
                [start],
            )
            # 4 draws each, skewed: floor(80 × u × v) favours the first skills.
            cursor.execute(
                "WITH drawn AS MATERIALIZED (SELECT p.id AS profile_id, "
                "floor(%s * random() * random())::int AS k FROM members_profile p "
                "CROSS JOIN generate_series(1, %s) i WHERE p.user_id >= %s) "
                "INSERT INTO members_taggedskill (content_object_id, tag_id) "
                "SELECT DISTINCT d.profile_id, s.id FROM drawn d "
                "JOIN members_skill s ON s.slug = 'bench-' || d.k",
                [SKILLS, SKILLS_EACH, start],
            )
        cursor.execute("SELECT count(*) FROM missions_mission")
        if cursor.fetchone()[0] < MISSIONS:
            print(f"adding {MISSIONS} missions…", flush=True)
            cursor.execute(
                "INSERT INTO missions_mission (author_id, title, description, kind, "
                "commune_id, starts_on, duration, budget, closes_on, status, "
                "created_at, updated_at, answer_count) "
                "SELECT (SELECT min(id) FROM members_user) + n, 'Mission n°' || n, "
                "'Une mission du bench.', 'team', "
                "(SELECT id FROM communes_commune ORDER BY id "
                " OFFSET floor(random() * 458 + n * 0)::int LIMIT 1), "
                "current_date, 'weeks', '', current_date + (n %% 60) - 20, "
                "CASE WHEN n %% 2 = 0 THEN 'open' ELSE 'filled' END, "
                "now() - n * interval '2 hours', now(), 0 "
                "FROM generate_series(1, %s) n",
                [MISSIONS],
            )
            cursor.execute(
                "WITH drawn AS MATERIALIZED (SELECT m.id AS mission_id, "
                "floor(%s * random() * random())::int AS k FROM missions_mission m "
                "CROSS JOIN generate_series(1, 3) i) "
                "INSERT INTO missions_mission_skills (mission_id, skill_id) "
                "SELECT DISTINCT d.mission_id, s.id FROM drawn d "
                "JOIN members_skill s ON s.slug = 'bench-' || d.k",
                [SKILLS],
            )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def explain(queryset) -> str:
    from django.db import connection

    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


def timed(run, runs: int) -> tuple[float, float, float, int]:
    """Median and max database ms of `run()` over `runs` (each query timed from
    the client, the round trip included), the CPU ms per run of the PostgreSQL
    backend that served them (/proc: what the machine's other work does not
    inflate), and the number of queries of a run."""
    from django.db import connection

    spent: list[float] = []

    def clock(execute, sql, params, many, context):
        begun = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            spent.append((time.perf_counter() - begun) * 1000)

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        backend = cursor.fetchone()[0]
    totals = []
    cpu_before = _cpu_ms(backend)
    for _ in range(runs):
        spent.clear()
        with connection.execute_wrapper(clock):
            run()
        totals.append(sum(spent))
    cpu = (_cpu_ms(backend) - cpu_before) / runs
    return statistics.median(totals), max(totals), cpu, len(spent)


def _cpu_ms(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=28_000)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()

    import django

    from bench.faults import ensure_database

    django.setup()
    ensure_database()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    grow(args.members)

    from django.db import connection

    from communes.models import Commune
    from members.models import Skill, User
    from missions import selectors, services
    from missions.models import Mission

    auch = Commune.objects.get(name="Auch")
    viewer = User.objects.filter(is_active=True, profile__isnull=False).last()
    author = User.objects.filter(is_active=True).first()
    print(
        f"{User.objects.filter(is_active=True).count()} members, "
        f"{Mission.objects.count()} missions, "
        f"{Skill.objects.filter(slug__startswith='bench-').count()} skills"
    )
    cases = {
        "worst (the 3 commonest skills)": ["bench-0", "bench-1", "bench-2"],
        "one common skill (ordered by distance only)": ["bench-0"],
        "typical (3 middle skills)": ["bench-20", "bench-30", "bench-40"],
    }
    for label, slugs in cases.items():
        mission = Mission(author=author, commune=auch, title=label)
        skills = list(Skill.objects.filter(slug__in=slugs))
        ids = [skill.pk for skill in skills]
        holders = (
            User.objects.filter(profile__tagged_skills__tag_id__in=ids)
            .distinct()
            .count()
        )
        print(f"\n=== {label}: {holders} members hold one of them ===")
        shown, told = selectors.MATCHES_SHOWN, services.TOLD_MAX

        def page(mission=mission, ids=ids, shown=shown):
            return selectors.candidates(
                mission=mission, limit=shown, viewer=viewer, skill_ids=ids
            )[:shown]

        def tell(mission=mission, ids=ids, told=told):
            return selectors.candidates(
                mission=mission, limit=told, skill_ids=ids
            ).values_list("user_id", flat=True)[:told]

        for name, query in (("mission page", page), ("members to tell", tell)):
            list(query())  # warm
            print(f"\n--- {name}: EXPLAIN (ANALYZE, BUFFERS) of the ordered query")
            print(explain(query()))
            median, worst, cpu, count = timed(lambda q=query: list(q()), args.runs)
            print(
                f"{name}: {count} queries, database time median {median:.1f} ms, "
                f"max {worst:.1f} ms; PostgreSQL CPU {cpu:.1f} ms a run "
                f"({args.runs} runs)"
            )
    listed = selectors.open_missions(user=viewer)[: selectors.PER_PAGE]
    list(listed)
    print("\n--- open missions, best matches first: EXPLAIN (ANALYZE, BUFFERS)")
    print(explain(listed))
    median, worst, cpu, count = timed(lambda: list(listed.all()), args.runs)
    print(
        f"open missions list: {count} queries (with the skills' prefetch), "
        f"database time median {median:.1f} ms, max {worst:.1f} ms; "
        f"PostgreSQL CPU {cpu:.1f} ms a run"
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    print(f"\nload average while measuring: {os.getloadavg()[0]:.1f} (2 cores)")


if __name__ == "__main__":
    main()
