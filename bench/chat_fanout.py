"""How fast one message reaches everyone in a chat room, against a bare Channels relay.

    .venv/bin/python bench/chat_fanout.py                       # everything
    .venv/bin/python bench/chat_fanout.py --setup embedded --n 280
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_chat \\
        .venv/bin/python bench/chat_fanout.py --setup redis pubsub

N members are logged in (real sessions) and connected to one room, each on their
own WebSocket; one of them sends messages, one at a time: the next leaves when
every socket has received the previous one. For each message the bench notes when
the last socket got it ("all received"), and prints per run:

- p50 and p99 of that latency, and deliveries per second;
- the servers' CPU per delivery (user + system time of the daphne processes over
  the sending phase, divided by the deliveries), and Redis's apart;
- the servers' memory per connection (resident memory after connecting N
  sockets, minus before, divided by N);
- lost deliveries (a message not received by every socket within 10 s).

Two programs run on the same servers and layer: `chat`, our `/ws/` (the message is
stored, then broadcast after the commit, as in production), and `relay`, the
baseline: a bare Channels consumer relaying each frame to its group
(`bench/chat_asgi.py`). Setups: `embedded` (one daphne, in-memory layer, the
default install), `redis` and `pubsub` (two daphne processes sharing Redis through
`RedisChannelLayer` or `RedisPubSubChannelLayer`, sockets spread over both), and
`stock`: `embedded` with Channels' own in-memory layer instead of ours
(`intranet/layers.py`). Each run starts fresh servers. The client is this
process (asyncio, `websockets`).
"""

import argparse
import asyncio
import os
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.chat_settings")
os.environ.setdefault("DATABASE_URL", "sqlite:////tmp/sohosolo-bench-chat.sqlite3")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14")
CLOCK = os.sysconf("SC_CLK_TCK")
TIMEOUT = 10.0  # seconds for one message to reach everyone
SETUPS = {
    "embedded": ("memory", 1),
    "stock": ("memory-stock", 1),
    "redis": ("redis", 2),
    "pubsub": ("pubsub", 2),
}


def prepare(count: int) -> tuple[list[str], int]:
    """Members with a session each, and the room; returns the session keys."""
    import django

    django.setup()
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command

    from chat.models import Room
    from members.models import User

    call_command("migrate", verbosity=0)
    have = User.objects.filter(email__startswith="banc-").count()
    User.objects.bulk_create(
        User(email=f"banc-{n}@example.org", first_name="Banc", last_name=f"N{n}")
        for n in range(have, count)
    )
    keys = []
    users = User.objects.filter(email__startswith="banc-").order_by("pk")[:count]
    for user in users:
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        keys.append(session.session_key)
    room, _created = Room.objects.get_or_create(
        slug="banc-d-essai", defaults={"kind": Room.Kind.NETWORK, "name": "Banc"}
    )
    return keys, room.pk


# The servers


def start_servers(layer: str, count: int, base_port: int) -> list[subprocess.Popen]:
    env = {**os.environ, "BENCH_LAYER": layer, "PYTHONPATH": str(ROOT)}
    if layer != "memory":
        env["REDIS_URL"] = REDIS_URL
    servers = [
        subprocess.Popen(
            [
                str(Path(sys.executable).parent / "daphne"),
                "-v",
                "0",
                "-b",
                "127.0.0.1",
                "-p",
                str(base_port + i),
                "bench.chat_asgi:application",
            ],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        for i in range(count)
    ]
    for i in range(count):
        wait_for_port(base_port + i)
    return servers


def wait_for_port(port: int) -> None:
    import socket

    for _attempt in range(300):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"daphne did not start on port {port}")


def stop_servers(servers) -> None:
    for server in servers:
        server.send_signal(signal.SIGTERM)
    for server in servers:
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def cpu_seconds(pids) -> float:
    total = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / CLOCK


def rss_bytes(pids) -> int:
    total = 0
    for pid in pids:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1]) * 1024
    return total


def redis_cpu() -> float:
    import redis

    info = redis.Redis.from_url(REDIS_URL).info("cpu")
    return info["used_cpu_user"] + info["used_cpu_sys"]


# The clients


class Run:
    """One program (chat or relay), N sockets, M messages."""

    MARK = "banc "

    def __init__(self, program, ports, keys, room, messages):
        self.program, self.ports, self.keys = program, ports, keys
        self.room, self.messages = room, messages
        self.counts: dict[int, int] = {}
        self.last: dict[int, float] = {}
        self.done: dict[int, asyncio.Event] = {}
        self.sockets = []

    def seen(self, text: str) -> None:
        start = text.find(self.MARK)
        if start < 0:
            return
        end = start + len(self.MARK)
        while end < len(text) and text[end].isdigit():
            end += 1
        seq = int(text[start + len(self.MARK) : end])
        count = self.counts.get(seq, 0) + 1
        self.counts[seq] = count
        if count == len(self.sockets):
            self.last[seq] = time.perf_counter()
            self.done[seq].set()

    async def open(self, index: int, key: str, gate) -> None:
        from websockets.asyncio.client import connect

        port = self.ports[index % len(self.ports)]
        path = "/ws/relay/" if self.program == "relay" else "/ws/"
        async with gate:
            socket = await connect(
                f"ws://127.0.0.1:{port}{path}",
                origin=f"http://127.0.0.1:{port}",
                additional_headers={"Cookie": f"sessionid={key}"},
                max_size=2**20,
                ping_interval=None,
                compression=None,
            )
            if self.program == "chat":
                await socket.recv()  # hello
                await socket.send(
                    f'{{"type": "subscribe", "room": {self.room}, "after": 2147483647}}'
                )
                while '"subscribed"' not in await socket.recv():
                    pass
        self.sockets.append(socket)

    async def listen(self, socket) -> None:
        try:
            async for text in socket:
                self.seen(text)
        except Exception:  # the run is over and the socket closed
            return

    def frame(self, seq: int) -> str:
        if self.program == "relay":
            return f"{self.MARK}{seq}"
        return f'{{"type": "send", "room": {self.room}, "body": "{self.MARK}{seq}"}}'

    async def send_one(self, seq: int) -> float | None:
        self.done[seq] = asyncio.Event()
        sent = time.perf_counter()
        await self.sockets[0].send(self.frame(seq))
        try:
            await asyncio.wait_for(self.done[seq].wait(), TIMEOUT)
        except TimeoutError:
            return None
        return self.last[seq] - sent


async def measure(program, ports, pids, keys, room, messages, warmup=5) -> dict:
    run = Run(program, ports, keys, room, messages)
    rss_before = rss_bytes(pids)
    gate = asyncio.Semaphore(25)
    await asyncio.gather(*(run.open(i, key, gate) for i, key in enumerate(keys)))
    listeners = [asyncio.create_task(run.listen(s)) for s in run.sockets]
    await asyncio.sleep(0.5)
    rss_after = rss_bytes(pids)
    for seq in range(warmup):
        await run.send_one(seq)
    cpu, redis_before = cpu_seconds(pids), (redis_cpu() if len(pids) > 1 else 0)
    began = time.perf_counter()
    latencies, lost = [], 0
    measured = range(warmup, warmup + messages)
    for seq in measured:
        latency = await run.send_one(seq)
        if latency is None:
            lost += len(keys) - run.counts.get(seq, 0)
        else:
            latencies.append(latency)
    elapsed = time.perf_counter() - began
    cpu = cpu_seconds(pids) - cpu
    redis_used = (redis_cpu() - redis_before) if len(pids) > 1 else 0
    for socket in run.sockets:
        await socket.close()
    for task in listeners:
        task.cancel()
    deliveries = sum(run.counts.get(seq, 0) for seq in measured)
    latencies.sort()
    return {
        "p50": statistics.median(latencies) * 1000 if latencies else float("nan"),
        "p99": latencies[int(len(latencies) * 0.99) - 1] * 1000
        if latencies
        else float("nan"),
        "per_s": deliveries / elapsed,
        "cpu_us": cpu / max(deliveries, 1) * 1e6,
        "redis_us": redis_used / max(deliveries, 1) * 1e6,
        "kb_per_conn": (rss_after - rss_before) / len(keys) / 1024,
        "lost": lost,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--setup", nargs="+", choices=SETUPS, default=list(SETUPS))
    parser.add_argument("--n", type=int, nargs="+", default=[50, 280, 1000])
    parser.add_argument("--messages", type=int, default=100)
    parser.add_argument("--programs", nargs="+", default=["relay", "chat"])
    parser.add_argument("--port", type=int, default=8790)
    args = parser.parse_args()

    keys, room = prepare(max(args.n))
    print(f"database {os.environ['DATABASE_URL']}, {os.cpu_count()} cores", flush=True)
    print(f"{'setup':9} {'program':7} {'N':>5} {'p50 ms':>8} {'p99 ms':>8} "
          f"{'deliv/s':>8} {'CPU µs':>7} {'Redis µs':>8} {'KB/conn':>8} lost",
          flush=True)  # fmt: skip
    for setup in args.setup:
        layer, count = SETUPS[setup]
        for n in args.n:
            for program in args.programs:
                servers = start_servers(layer, count, args.port)
                try:
                    ports = [args.port + i for i in range(count)]
                    figures = asyncio.run(
                        measure(program, ports, [s.pid for s in servers],
                                keys[:n], room, args.messages)
                    )  # fmt: skip
                finally:
                    stop_servers(servers)
                print(f"{setup:9} {program:7} {n:5} {figures['p50']:8.1f} "
                      f"{figures['p99']:8.1f} {figures['per_s']:8.0f} "
                      f"{figures['cpu_us']:7.0f} {figures['redis_us']:8.0f} "
                      f"{figures['kb_per_conn']:8.1f} {figures['lost']}",
                      flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
