"""Faults on this machine only, for the chat drill and the load bench.

- `Redis`: a `redis-server` of its own on another port (never the machine's),
  that can be restarted;
- `Proxy`: a TCP proxy in front of PostgreSQL; `cut()` drops every connection
  and refuses new ones for a while, as a restarting PostgreSQL does, without
  touching the server that other databases on the machine use;
- `Daphnes`: the project's ASGI application served by several daphne processes,
  each killable with SIGKILL and restartable on its port.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing listens on port {port}")


def ensure_database() -> None:
    """Create the bench's PostgreSQL database (the settings' DATABASE_URL) when it
    does not exist yet."""
    import psycopg
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] != "django.db.backends.postgresql":
        raise SystemExit("This bench runs on PostgreSQL: set DATABASE_URL.")
    params = {"host": database["HOST"] or "127.0.0.1", "user": database["USER"],
              "port": database["PORT"] or 5432, "dbname": "postgres",
              "autocommit": True}  # fmt: skip
    with psycopg.connect(**params) as connection:
        found = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [database["NAME"]]
        ).fetchone()
        if not found:
            connection.execute(f'CREATE DATABASE "{database["NAME"]}"')


class Redis:
    def __init__(self) -> None:
        self.port = free_port()
        self.folder = tempfile.mkdtemp(prefix="sohosolo-redis-")
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        binary = shutil.which("redis-server") or "/usr/bin/redis-server"
        self.process = subprocess.Popen(
            [binary, "--port", str(self.port), "--bind", "127.0.0.1",
             "--save", "", "--appendonly", "no", "--dir", self.folder],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        wait_for_port(self.port)

    def stop(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.wait()
            self.process = None

    def restart(self, down: float = 2.0) -> None:
        self.stop()
        time.sleep(down)
        self.start()


class Proxy:
    """Forwards 127.0.0.1:<port> to a target; runs in the caller's event loop."""

    def __init__(self, target_port: int = 5432) -> None:
        self.port = free_port()
        self.target_port = target_port
        self.refusing = False
        self.server: asyncio.Server | None = None
        self.links: set[asyncio.StreamWriter] = set()

    async def start(self) -> None:
        self.server = await asyncio.start_server(self._link, "127.0.0.1", self.port)

    async def _link(self, reader, writer) -> None:
        if self.refusing:
            writer.close()
            return
        try:
            up_reader, up_writer = await asyncio.open_connection(
                "127.0.0.1", self.target_port
            )
        except OSError:
            writer.close()
            return
        self.links.update((writer, up_writer))

        async def pipe(source, sink):
            with contextlib.suppress(Exception):
                while data := await source.read(65536):
                    sink.write(data)
                    await sink.drain()
            sink.close()

        await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))
        self.links.difference_update((writer, up_writer))

    async def cut(self, down: float = 3.0) -> None:
        """Drop every open connection and refuse new ones for `down` seconds."""
        self.refusing = True
        for writer in list(self.links):
            with contextlib.suppress(Exception):
                writer.transport.abort()
        self.links.clear()
        await asyncio.sleep(down)
        self.refusing = False

    async def stop(self) -> None:
        if self.server is not None:
            self.server.close()
            for writer in list(self.links):
                writer.transport.abort()
            await self.server.wait_closed()


class Daphnes:
    """The project served by `count` daphne processes, one port each."""

    def __init__(self, count: int, env: dict[str, str]) -> None:
        self.ports = [free_port() for _ in range(count)]
        self.env = {**os.environ, **env, "PYTHONPATH": str(ROOT)}
        self.processes: dict[int, subprocess.Popen] = {}
        self._cpu: dict[int, float] = {}
        # What the servers log (the outages they meet), kept for a look afterwards.
        self.log = Path(tempfile.mkdtemp(prefix="sohosolo-daphne-")) / "daphne.log"

    def start(self, port: int | None = None) -> None:
        for each in [port] if port else self.ports:
            self._cpu.pop(each, None)
            with self.log.open("a") as log:
                self.processes[each] = subprocess.Popen(
                    [str(Path(sys.executable).parent / "daphne"), "-v", "0",
                     "-b", "127.0.0.1", "-p", str(each), "intranet.asgi:application"],
                    env=self.env,
                    cwd=ROOT,
                    stdout=subprocess.DEVNULL,
                    stderr=log,
                )  # fmt: skip
        for each in [port] if port else self.ports:
            wait_for_port(each)

    def cpu(self) -> dict[str, float]:
        """CPU seconds each running daphne used since the previous call."""
        ticks = os.sysconf("SC_CLK_TCK")
        used = {}
        for port, process in self.processes.items():
            try:
                fields = Path(f"/proc/{process.pid}/stat").read_text().rsplit(")", 1)[1]
            except FileNotFoundError:
                continue
            utime, stime = (int(value) for value in fields.split()[11:13])
            total = (utime + stime) / ticks
            used[f"daphne :{port}"] = total - self._cpu.get(port, 0.0)
            self._cpu[port] = total
        return used

    def kill(self, port: int) -> None:
        """SIGKILL: no goodbye to the sockets, as a crash."""
        process = self.processes.pop(port)
        process.send_signal(signal.SIGKILL)
        process.wait()

    def stop(self) -> None:
        for process in self.processes.values():
            process.send_signal(signal.SIGTERM)
        for process in self.processes.values():
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self.processes.clear()


class Layout:
    """The production layout on this machine, with its faults at hand: `count`
    daphne processes on the Django settings' PostgreSQL database (through a
    `Proxy`) and a `Redis` of their own. Use as `async with Layout(2) as layout:`."""

    def __init__(self, count: int = 2, env: dict[str, str] | None = None) -> None:
        self.count, self.extra = count, env or {}

    async def __aenter__(self) -> Layout:
        from django.conf import settings

        database = settings.DATABASES["default"]
        self.redis = Redis()
        self.redis.start()
        self.proxy = Proxy(target_port=int(database.get("PORT") or 5432))
        await self.proxy.start()
        self.daphnes = Daphnes(
            self.count,
            {
                "DATABASE_URL": f"postgres://{database['USER']}@127.0.0.1:"
                f"{self.proxy.port}/{database['NAME']}",
                "REDIS_URL": self.redis.url,
                "DJANGO_SECRET_KEY": settings.SECRET_KEY,
                "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
                **self.extra,
            },
        )
        await asyncio.to_thread(self.daphnes.start)
        return self

    def ports_for(self, n: int) -> list[int]:
        """The servers for the n-th client: spread, each with the others after."""
        ports = self.daphnes.ports
        return ports[n % len(ports) :] + ports[: n % len(ports)]

    async def __aexit__(self, *exc) -> None:
        await asyncio.to_thread(self.daphnes.stop)
        await self.proxy.stop()
        self.redis.stop()
