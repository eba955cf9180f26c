"""Where a page's CPU goes: cProfile of warm requests in this process (issue #19).

    .venv/bin/python bench/profile_page.py / [--runs 30] [--sort tottime]
    .venv/bin/python bench/profile_page.py all      # CPU a request of every page

Uses the database of `bench/pages.py` (run it once first) and its member; prints
the functions that take the most time, then the time per request by package.
"""

import argparse
import cProfile
import os
import pstats
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.pages_settings"
os.environ.setdefault(
    "DATABASE_URL", "postgres://postgres@127.0.0.1:5432/sohosolo_bench_pages"
)
os.environ.setdefault("DJANGO_VAR_DIR", "/tmp/sohosolo-bench-pages-var")
os.environ.pop("DJANGO_DEBUG", None)


def package(filename: str) -> str:
    if "site-packages/" in filename:
        parts = filename.split("site-packages/")[1].split("/")
        if parts[0] in ("django", "wagtail") and len(parts) > 2:
            return "/".join(parts[:2])  # django/db, django/template…
        return parts[0]
    if filename.startswith(str(ROOT)):
        parts = Path(filename).relative_to(ROOT).parts
        return f"project:{parts[0]}"
    if filename.startswith("~") or filename.startswith("<"):
        return "builtins"
    return "stdlib"


def cpu(client, path: str, runs: int) -> float:
    """CPU milliseconds a warm request of `path`, in this process."""
    for _ in range(3):
        response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    started = time.process_time()
    for _ in range(runs):
        client.get(path)
    return 1000 * (time.process_time() - started) / runs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("path")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--sort", default="cumulative")
    parser.add_argument("--limit", type=int, default=45)
    args = parser.parse_args()

    import django

    django.setup()
    from django.test import Client

    from bench.pages import choose_pages, session_cookie

    member, _pages = choose_pages()
    name, value = session_cookie(member).split("=", 1)
    client = Client(HTTP_HOST="127.0.0.1")
    client.cookies[name] = value
    if args.path == "all":
        for title, path in _pages:
            print(f"{title:40} {cpu(client, path, args.runs):6.1f} ms CPU a request")
        return
    plain = cpu(client, args.path, args.runs)
    profile = cProfile.Profile(time.process_time)
    profile.enable()
    for _ in range(args.runs):
        client.get(args.path)
    profile.disable()
    stats = pstats.Stats(profile)
    stats.sort_stats(args.sort).print_stats(args.limit)
    by_package: dict[str, float] = defaultdict(float)
    for (filename, _line, _func), row in stats.stats.items():  # type: ignore[attr-defined]
        by_package[package(filename)] += row[2]  # own time
    total = sum(by_package.values())
    print(f"{args.path}: {plain:.1f} ms CPU a request without the profiler")
    for key, own in sorted(by_package.items(), key=lambda item: -item[1])[:15]:
        print(f"  {key:30} {100 * own / total:5.1f} %")


if __name__ == "__main__":
    main()
