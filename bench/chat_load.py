"""The chat under load on the production layout, optionally through faults.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_load \\
        .venv/bin/python bench/chat_load.py                     # 20 × 2/s, 2 min
    ... bench/chat_load.py --members 20 --rate 2 --seconds 120 --faults

Two daphne processes serve the project (`intranet.asgi`) with its production
settings: PostgreSQL (through a proxy the bench can cut), `RedisPubSubChannelLayer`
on a Redis of the bench's own. N members sit in one room, each in a tab of
`bench/chat_client.py` (the rules of chat.js), sockets spread over both servers,
and each sends numbered messages at the given rate. With `--faults`, the drill's
faults happen one at a time: a daphne killed (SIGKILL) and restarted, Redis
restarted, PostgreSQL cut for 3 s.

It prints, for the messages sent:
- acknowledgement: from the send to its `sent`, p50 and p99 (first attempts);
- delivery to all: from the send to the moment the last tab has it, p50 and p99;
- what was stored, lost, doubled, and the tabs that do not show the room's exact
  history at the end;
- the CPU used while sending by the bench's own client and by each daphne (the
  client shares the machine's cores: when it nears 100 %, the latencies are the
  client's as much as the servers').
Each member sends on a schedule of their own, offset from the others, so the
room gets a steady stream rather than bursts of N messages at once.
The chat's rate limit is lifted for the run (`CHAT_MESSAGES_PER_10_SECONDS`).
"""

import argparse
import asyncio
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intranet.settings")
os.environ.setdefault(
    "DATABASE_URL", "postgres://postgres@127.0.0.1:5432/sohosolo_bench_load"
)


def prepare(count: int) -> tuple[list[str], int]:
    """The members, a session each (as cookies), and a fresh room."""
    import django

    django.setup()
    from bench.faults import ensure_database

    ensure_database()
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command

    from chat.models import Room
    from members.models import User

    call_command("migrate", verbosity=0)
    have = User.objects.filter(email__startswith="charge-").count()
    User.objects.bulk_create(
        User(email=f"charge-{n}@example.org", first_name="Charge", last_name=f"N{n}")
        for n in range(have, count)
    )
    cookies = []
    for user in User.objects.filter(email__startswith="charge-").order_by("pk")[:count]:
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        cookies.append(f"{settings.SESSION_COOKIE_NAME}={session.session_key}")
    room = Room.objects.create(kind=Room.Kind.NETWORK, name=f"Charge {time.time()}")
    return cookies, room.pk


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if values else 0


async def run(args, cookies: list[str], room_id: int) -> dict:
    from bench.chat_client import Tab
    from bench.faults import Layout

    async with Layout(2, {"CHAT_MESSAGES_PER_10_SECONDS": str(10**9)}) as layout:
        tabs = [
            Tab(f"tab{n}", cookie, room_id, layout.ports_for(n))
            for n, cookie in enumerate(cookies)
        ]
        runners = [asyncio.create_task(tab.run()) for tab in tabs]
        try:
            return await _load(args, layout, tabs)
        finally:
            for tab in tabs:
                tab.stop()
            await asyncio.gather(*runners, return_exceptions=True)


async def _load(args, layout, tabs) -> dict:
    sends: dict[str, float] = {}
    for tab in tabs:
        await tab.wait_connected()
    start = time.monotonic()
    client_cpu = time.process_time()
    layout.daphnes.cpu()  # from now on

    async def sender(tab, number):
        # Each member on a schedule of their own, spread over the first period,
        # so that sends arrive as a steady stream rather than in bursts of N.
        period = 1 / args.rate
        due = start + period * number / len(tabs)
        count = 0
        while due < start + args.seconds:
            await asyncio.sleep(max(0.0, due - time.monotonic()))
            count += 1
            key = await tab.send(f"membre {number} message {count}")
            sends[key] = time.monotonic()
            due += period

    senders = [asyncio.create_task(sender(tab, n)) for n, tab in enumerate(tabs)]
    if args.faults:
        step = args.seconds / 5
        await asyncio.sleep(step)
        layout.daphnes.kill(layout.daphnes.ports[0])
        await asyncio.sleep(5)
        await asyncio.to_thread(layout.daphnes.start, layout.daphnes.ports[0])
        await asyncio.sleep(step)
        await asyncio.to_thread(layout.redis.restart)
        await asyncio.sleep(step)
        await layout.proxy.cut(3)
    await asyncio.gather(*senders)
    cpu = {"bench client": time.process_time() - client_cpu, **layout.daphnes.cpu()}
    cpu = {name: seconds / (time.monotonic() - start) for name, seconds in cpu.items()}
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and any(tab.pending for tab in tabs):
        await asyncio.sleep(1)
    await asyncio.sleep(20)  # a ping or two: the last catch-ups
    return {"tabs": tabs, "sends": sends, "cpu": cpu}


def report(result: dict, room_id: int) -> None:
    from chat.models import Message

    tabs, sends = result["tabs"], result["sends"]
    acks = [latency for tab in tabs for latency in tab.latencies]
    ids = {}
    for tab in tabs:
        ids.update(tab.acknowledged)
    deliveries = []
    for key, message_id in ids.items():
        seen = [tab.arrivals.get(message_id) for tab in tabs]
        if None not in seen and key in sends:
            deliveries.append(max(seen) - sends[key])
    stored = list(
        Message.objects.filter(room_id=room_id).order_by("seq").values_list("body")
    )
    history = [body for (body,) in stored]
    print(f"members {len(tabs)}, messages sent {len(sends)}, stored {len(history)}")
    print(
        f"acknowledgement ms: p50 {1000 * percentile(acks, 0.5):.0f}, "
        f"p99 {1000 * percentile(acks, 0.99):.0f} ({len(acks)} first attempts)"
    )
    print(
        f"delivery to all ms: p50 {1000 * percentile(deliveries, 0.5):.0f}, "
        f"p99 {1000 * percentile(deliveries, 0.99):.0f}"
    )
    print(f"never acknowledged: {sum(len(tab.pending) for tab in tabs)}")
    print(f"acknowledged after a retry: {sum(tab.retried for tab in tabs)}, "
          f"reconnections: {sum(tab.connections - 1 for tab in tabs)}, "
          f"error frames: {sum(len(tab.errors) for tab in tabs)}")  # fmt: skip
    print(f"stored twice: {len(history) - len(set(history))}")
    print(f"tabs not showing the exact history: "
          f"{sum(tab.bodies() != history for tab in tabs)}")  # fmt: skip
    if acks:
        print(f"mean acknowledgement ms: {1000 * statistics.mean(acks):.0f}")
    print("CPU while sending, share of one core: " + ", ".join(
        f"{name} {share:.0%}" for name, share in result["cpu"].items()
    ))  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--members", type=int, default=20)
    parser.add_argument("--rate", type=float, default=2.0, help="per member, per s")
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--faults", action="store_true")
    args = parser.parse_args()
    cookies, room_id = prepare(args.members)
    result = asyncio.run(run(args, cookies, room_id))
    report(result, room_id)


if __name__ == "__main__":
    main()
