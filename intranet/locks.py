"""One copy at a time of a periodic command.

`run_once(name)` takes a lock held until the block ends, or until the process dies:
a PostgreSQL advisory lock (per database, so test databases and other sites on the
same server do not collide) or, on SQLite, an exclusive `flock` on
`var/locks/<name>.lock`. It never waits: the second copy is told at once.

    with run_once("send_digests.daily") as mine:
        if not mine:
            return  # another copy is running

The lock only spares the work; what must never happen twice (an e-mail sent, a
notice stored) is also claimed item by item in the services, so that two copies
that do overlap (a lock lost with its connection, say) still cannot repeat it.
"""

import fcntl
import hashlib
import re
from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.db import connection

# What a command says when it finds another copy running (for the operator's log).
ALREADY_RUNNING = "already running, skipped."


def _key(name: str) -> int:
    """A stable signed 64-bit key for `name` (what advisory locks take)."""
    digest = hashlib.blake2b(name.encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


@contextmanager
def _advisory(name: str) -> Iterator[bool]:
    key = _key(name)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
        (mine,) = cursor.fetchone()
    try:
        yield mine
    finally:
        if mine and connection.connection is not None:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [key])


@contextmanager
def _file(name: str) -> Iterator[bool]:
    folder = settings.VAR_DIR / "locks"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{re.sub(r'[^A-Za-z0-9_.-]', '_', name)}.lock"
    with open(path, "a") as handle:  # closing the file releases the lock
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            mine = False
        else:
            mine = True
        yield mine


@contextmanager
def run_once(name: str) -> Iterator[bool]:
    """Yield True while this process alone runs `name`, False when another copy
    already does (nothing is held then)."""
    lock = _advisory if connection.vendor == "postgresql" else _file
    with lock(name) as mine:
        yield mine
