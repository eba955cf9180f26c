"""The mixed page set through the production layout: nginx (TLS) + gunicorn (2 sync
workers) + PostgreSQL + Redis, started from `deploy/` as CI's drill starts it.

    .venv/bin/python bench/production.py [--seconds 20] [--clients 4]

A demo member logged in asks for the main pages in turn, `--clients` at a time,
for `--seconds`, once with `Accept-Encoding: gzip` and once without. It prints
requests per second, p50 and p99 latency, and the HTML bytes on the wire per
page. Client, nginx, gunicorn and PostgreSQL share the machine's cores.
"""

import argparse
import statistics
import sys
import threading
import time
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from deploy import drill, smoke_test  # noqa: E402

PAGES = [
    ("dashboard", "/"),
    ("my feed", "/fil/"),
    ("network feed", "/fil/reseau/"),
    ("directory", "/membres/"),
    ("search « fibre »", "/recherche/?q=fibre"),
    ("chat rooms", "/discussions/"),
    ("agenda", "/agenda/"),
    ("forums", "/forums/"),
    ("notifications", "/notifications/"),
]


def load(member, seconds: float, clients: int, encoding: str) -> dict:
    """Every client walks the pages in turn until time is up."""
    latencies: list[float] = []
    wire: dict[str, list[int]] = {name: [] for name, _path in PAGES}
    errors = 0
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def client(offset: int) -> None:
        nonlocal errors
        session = smoke_test.Member(member.base, verify=False)
        session.http.cookies.update(member.http.cookies)
        turn = offset
        while time.monotonic() < deadline:
            name, path = PAGES[turn % len(PAGES)]
            turn += 1
            started = time.monotonic()
            answer = session.get(
                path, headers={"Accept-Encoding": encoding}, stream=True
            )
            body = answer.raw.read(decode_content=False)
            elapsed = time.monotonic() - started
            with lock:
                if answer.status_code != 200:
                    errors += 1
                    continue
                latencies.append(elapsed)
                wire[name].append(len(body))

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    took = time.monotonic() - started
    latencies.sort()
    return {
        "requests": len(latencies),
        "errors": errors,
        "rps": len(latencies) / took,
        "p50": statistics.median(latencies) * 1000,
        "p99": latencies[int(len(latencies) * 0.99)] * 1000,
        "wire": {
            name: statistics.median(sizes) for name, sizes in wire.items() if sizes
        },
    }


def main() -> None:
    import urllib3

    urllib3.disable_warnings()
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--clients", type=int, default=4)
    args = parser.parse_args()
    with ExitStack() as stack:
        layout = drill.production_layout(stack)
        user, _other, password = drill.two_members(layout.env)
        member = smoke_test.Member(drill.BASE, verify=False)
        if not member.log_in(user, password):
            sys.exit("could not log in")
        for _name, path in PAGES:  # warm each worker's caches
            for _ in range(3):
                member.get(path)
        drill.step(f"{args.clients} clients, {args.seconds:.0f} s per encoding")
        results = {
            encoding: load(member, args.seconds, args.clients, encoding)
            for encoding in ("gzip", "identity")
        }
    print("\n| encoding | requests | errors | req/s | p50 ms | p99 ms |")
    print("| --- | --: | --: | --: | --: | --: |")
    for encoding, result in results.items():
        figures = [result["requests"], result["errors"], f"{result['rps']:.1f}",
                   f"{result['p50']:.0f}", f"{result['p99']:.0f}"]  # fmt: skip
        print(f"| {encoding} | {' | '.join(map(str, figures))} |")
    print("\n| page | KB on the wire, gzip | KB, identity |")
    print("| --- | --: | --: |")
    for name, _path in PAGES:
        sizes = [results[encoding]["wire"].get(name) for encoding in results]
        cells = [f"{size / 1024:.1f}" if size else "–" for size in sizes]
        print(f"| {name} | {' | '.join(cells)} |")


if __name__ == "__main__":
    main()
