"""A chat tab in Python: the `/ws/` protocol with the rules of `static/js/chat.js`.

The fault drill (`tests/chat/test_drill.py`) and the load bench
(`bench/chat_load.py`) drive many of these against real daphne processes:

- messages are kept by their place in the room (`seq`); a message or a `pong`
  that names a place past the last contiguous one starts a `catchup`, paged until
  `more` is false; edits and deletions come back in `changed`;
- every send carries its own key; a send not acknowledged within the time-out, or
  cut by a closed socket, is marked failed and sent again (same key) once
  connected, as the page's « Réessayer » and its retry on reconnection do;
- a closed socket reconnects to the next server of the list (as nginx moves a
  socket to another daphne), after a short back-off.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
import uuid
from dataclasses import dataclass, field


@dataclass
class Pending:
    body: str
    sent_at: float = 0.0  # when the last attempt left
    failed: bool = False
    attempts: int = 0


@dataclass
class Tab:
    """One member's tab on one room."""

    name: str
    cookie: str  # "sessionid=…"
    room: int
    ports: list[int]  # local daphne processes, tried in turn…
    origin: str = "http://127.0.0.1"
    urls: list[str] = field(default_factory=list)  # …or these (through nginx)
    ssl: object = None  # an ssl.SSLContext for wss://
    send_timeout: float = 10.0
    ping_every: float = 15.0
    messages: dict[int, dict] = field(default_factory=dict)  # seq -> message
    pending: dict[str, Pending] = field(default_factory=dict)  # key -> send
    acknowledged: dict[str, int] = field(default_factory=dict)  # key -> id
    latencies: list[float] = field(default_factory=list)  # send -> `sent`
    arrivals: dict[int, float] = field(default_factory=dict)  # id -> first seen
    errors: list[dict] = field(default_factory=list)
    upto: int = 0  # every place up to this one is here
    latest: int = 0  # the last place heard of
    synced: str = ""
    connections: int = 0
    retried: int = 0  # sends acknowledged after more than one attempt

    def __post_init__(self) -> None:
        self._socket = None
        self.user_id = None
        self._fetching = False
        self._port_index = 0
        self._stop = asyncio.Event()
        self._connected = asyncio.Event()

    # The rules of chat.js

    def _advance(self) -> None:
        while self.upto + 1 in self.messages:
            self.upto += 1

    def _place(self, messages: list[dict]) -> None:
        now = time.monotonic()
        for message in messages:
            self.messages[message["seq"]] = message
            self.arrivals.setdefault(message["id"], now)
            self.latest = max(self.latest, message["seq"])
            key = message.get("key")
            if key in self.pending and message["author"]["id"] == self.user_id:
                self._settle(key, message["id"])
        self._advance()

    def _settle(self, key: str, message_id: int) -> None:
        sent = self.pending.pop(key)
        self.acknowledged[key] = message_id
        if not sent.failed and sent.attempts == 1:
            self.latencies.append(time.monotonic() - sent.sent_at)
        else:
            self.retried += 1

    async def _frame(self, frame: dict) -> None:
        if self._socket is not None:
            with contextlib.suppress(Exception):
                await self._socket.send(json.dumps(frame))

    async def _catch_up(self) -> None:
        if self._fetching or self._socket is None or self.latest <= self.upto:
            return
        self._fetching = True
        await self._frame(
            {"type": "catchup", "room": self.room, "after": self.upto,
             "since": self.synced}
        )  # fmt: skip

    async def _caught_up(self, frame: dict) -> None:
        self._fetching = False
        self._place(frame.get("changed", []))
        self._place(frame["messages"])
        self.latest = max(self.latest, frame.get("latest", 0))
        self.synced = frame.get("synced") or self.synced
        if frame.get("more") or self.latest > self.upto:
            await self._catch_up()

    async def _transmit(self, key: str) -> None:
        sent = self.pending[key]
        sent.failed, sent.sent_at = False, time.monotonic()
        sent.attempts += 1
        if self._socket is None:
            sent.failed = True
            return
        await self._frame(
            {"type": "send", "room": self.room, "body": sent.body, "key": key,
             "ref": key}
        )  # fmt: skip

    async def _handle(self, frame: dict) -> None:
        kind = frame["type"]
        if kind == "hello":
            self.user_id = frame["user"]
            self._connected.set()  # as the page: ready once the server said hello
            self._fetching = True
            await self._frame(
                {"type": "subscribe", "room": self.room, "after": self.upto,
                 "since": self.synced}
            )  # fmt: skip
            for key in list(self.pending):
                await self._transmit(key)
        elif kind in ("subscribed", "catchup"):
            await self._caught_up(frame)
        elif kind in ("message", "edited", "deleted", "sent"):
            self._place([frame["message"]])
            await self._catch_up()
        elif kind == "pong":
            room = (frame.get("rooms") or {}).get(str(self.room))
            if room:
                self.latest = max(self.latest, room["latest"])
                await self._catch_up()
        elif kind == "error":
            self.errors.append(frame)
            if frame.get("room") == self.room and frame.get("code") == "unavailable":
                self._fetching = False
            key = frame.get("ref")
            if key in self.pending:
                self.pending[key].failed = True

    # The connection

    async def run(self) -> None:
        """Stay connected until `stop()`, reconnecting as the page does."""
        from websockets.asyncio.client import connect

        attempts = 0
        while not self._stop.is_set():
            urls = self.urls or [f"ws://127.0.0.1:{port}/ws/" for port in self.ports]
            try:
                async with connect(
                    urls[self._port_index % len(urls)],
                    additional_headers={"Cookie": self.cookie},
                    ssl=self.ssl,
                    origin=self.origin,
                    open_timeout=5,
                    ping_interval=None,
                    max_size=2**24,
                ) as socket:
                    self._socket = socket
                    self.connections += 1
                    attempts = 0
                    await self._listen(socket)
            except Exception:  # refused, reset, closed: try again
                pass
            self._socket = None
            self._fetching = False
            self._connected.clear()
            for sent in self.pending.values():
                sent.failed = True
            self._port_index += 1
            attempts += 1
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stop.wait(), min(2.0, 0.2 * 2**attempts))

    async def _listen(self, socket) -> None:
        pinger = asyncio.create_task(self._pings())
        timer = asyncio.create_task(self._time_outs())
        try:
            async for text in socket:
                await self._handle(json.loads(text))
                if self._stop.is_set():
                    break
        finally:
            pinger.cancel()
            timer.cancel()

    async def _pings(self) -> None:
        while True:
            await asyncio.sleep(self.ping_every)
            await self._frame({"type": "ping", "rooms": [self.room]})

    async def _time_outs(self) -> None:
        """A send unanswered for too long is marked failed, then retried (the
        member presses « Réessayer »)."""
        while True:
            await asyncio.sleep(1)
            now = time.monotonic()
            for key, sent in list(self.pending.items()):
                if sent.failed or now - sent.sent_at > self.send_timeout:
                    await self._transmit(key)

    # What a test or a bench does with a tab

    async def wait_connected(self, timeout: float = 20) -> None:
        await asyncio.wait_for(self._connected.wait(), timeout)

    async def send(self, body: str) -> str:
        key = str(uuid.uuid4())
        self.pending[key] = Pending(body)
        await self._transmit(key)
        return key

    def stop(self) -> None:
        self._stop.set()
        if self._socket is not None:
            asyncio.ensure_future(self._socket.close())

    def bodies(self) -> list[str]:
        """The room's messages as this tab shows them, in their order."""
        return [self.messages[seq]["body"] for seq in sorted(self.messages)]
