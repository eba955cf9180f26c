"""Running things at the same moment, for the race tests (on PostgreSQL: SQLite
serialises writers, so a race there proves nothing)."""

import io
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection, connections

postgresql_only = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"),
    reason="SQLite serialises writers; the race needs PostgreSQL",
)


def all_at_once(function, items):
    """Run `function` on every item in its own thread, released together."""
    barrier = threading.Barrier(len(items))

    def run(item):
        try:
            connection.ensure_connection()  # connected first, released together
            barrier.wait()
            return function(item)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=len(items)) as pool:
        return list(pool.map(run, items))


def commands_at_once(*commands: tuple[str, ...]) -> list[str | BaseException]:
    """Run management commands together (one thread each); each gives what it
    printed, or the exception it raised."""

    def run(command):
        out = io.StringIO()
        try:
            call_command(*command, stdout=out)
        except BaseException as error:  # a crash is an answer too
            return error
        return out.getvalue()

    return all_at_once(run, list(commands))
