"""The chat through faults, driven from outside: two daphne processes sharing a
Redis of their own, PostgreSQL behind a proxy the drill can cut, and ten members
in one room sending numbered messages while, one at a time, a daphne is killed
and restarted, Redis restarts and PostgreSQL goes away for a few seconds.

Every tab follows the rules of `static/js/chat.js` (`bench/chat_client.py`). At
the end: every acknowledged message is stored once, every send was acknowledged
in the end (the failed ones were retried with their key, never doubled), and every
tab shows exactly the room's history, in order.

It runs once, on the production stack (PostgreSQL and `redis-server`): about two
minutes and a half.
"""

import asyncio
import shutil
import time

import pytest
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection

from bench.chat_client import Tab
from bench.faults import Layout
from chat.models import Message, Room
from tests.factories import UserFactory

pytestmark = [
    pytest.mark.drill,
    # serialized_rollback: the flush after it must not recreate the content types
    # that the next serialized tests restore.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql" or not shutil.which("redis-server"),
        reason="the drill runs on the production stack: PostgreSQL and Redis",
    ),
]

MEMBERS = 10
RATE = 1.0  # messages per member per second
SCHEDULE = [  # (second, fault)
    (15, "kill daphne"),
    (20, "restart daphne"),
    (40, "restart redis"),
    (65, "cut postgresql"),
]
SENDING = 85  # seconds
SETTLE = 60  # seconds for every tab to converge


def _session(user) -> str:
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


async def _sender(tab: Tab, number: int, until: float) -> None:
    await tab.wait_connected()
    count = 0
    while time.monotonic() < until:
        count += 1
        await tab.send(f"membre {number} message {count}")
        await asyncio.sleep(1 / RATE)


def _stored(room: Room) -> list[tuple[int, int, str]]:
    return list(
        Message.objects.filter(room=room)
        .order_by("seq")
        .values_list("seq", "pk", "body")
    )


def _stored_from_a_thread(room: Room) -> list[tuple[int, int, str]]:
    try:
        return _stored(room)
    finally:
        connection.close()  # the test database is dropped at the end


def test_every_tab_converges_through_faults():
    room = Room.objects.create(kind=Room.Kind.NETWORK, name="Exercice", slug="drill")
    members = [UserFactory() for _ in range(MEMBERS)]
    cookies = [_session(member) for member in members]
    asyncio.run(_drill(room, cookies))
    stored = _stored(room)
    # Stored once: one row per (author, key), and each numbered text once.
    bodies = [body for _seq, _pk, body in stored]
    assert len(bodies) == len(set(bodies)), "a message was stored twice"
    assert [seq for seq, _pk, _body in stored] == list(range(1, len(stored) + 1))


async def _drill(room: Room, cookies: list[str]) -> None:
    async with Layout(2) as layout:
        tabs = [
            Tab(f"tab{n}", cookie, room.pk, layout.ports_for(n), ping_every=5)
            for n, cookie in enumerate(cookies)
        ]
        runners = [asyncio.create_task(tab.run()) for tab in tabs]
        try:
            await _faults(layout, tabs)
            await _converge(room, tabs)
        finally:
            for tab in tabs:
                tab.stop()
            await asyncio.gather(*runners, return_exceptions=True)


async def _faults(layout: Layout, tabs: list[Tab]) -> None:
    start = time.monotonic()
    senders = [
        asyncio.create_task(_sender(tab, n, start + SENDING))
        for n, tab in enumerate(tabs)
    ]
    first = layout.daphnes.ports[0]
    for second, fault in SCHEDULE:
        await asyncio.sleep(max(0, start + second - time.monotonic()))
        if fault == "kill daphne":
            layout.daphnes.kill(first)
        elif fault == "restart daphne":
            await asyncio.to_thread(layout.daphnes.start, first)
        elif fault == "restart redis":
            await asyncio.to_thread(layout.redis.restart)
        elif fault == "cut postgresql":
            await layout.proxy.cut(3)
    await asyncio.gather(*senders)


async def _converge(room: Room, tabs: list[Tab]) -> None:
    deadline = time.monotonic() + SETTLE
    while True:
        stored = await asyncio.to_thread(_stored_from_a_thread, room)
        history = [body for _seq, _pk, body in stored]
        done = all(not tab.pending and tab.bodies() == history for tab in tabs)
        if done or time.monotonic() > deadline:
            break
        await asyncio.sleep(2)
    ids = {pk for _seq, pk, _body in stored}
    for tab in tabs:
        assert not tab.pending, f"{tab.name}: sends never acknowledged"
        assert set(tab.acknowledged.values()) <= ids, f"{tab.name}: acked, not stored"
        assert tab.bodies() == history, f"{tab.name} does not show the room's history"
