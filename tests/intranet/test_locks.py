"""One copy at a time of each periodic command (`intranet.locks.run_once`): a
second copy says so in one line and exits 0, on SQLite (a file lock) and on
PostgreSQL (an advisory lock), down to two real processes at once."""

import io
import os
import subprocess
import sys
import threading
from contextlib import contextmanager
from datetime import timedelta
from urllib.parse import quote

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.db import connection, connections

from activity import digests, notifications
from activity.models import SentDigest
from activity.notices import POST_COMMENT
from intranet import locks
from tests.concurrency import postgresql_only
from tests.factories import UserFactory
from tests.intranet.test_settings import ROOT, VARIABLES


@contextmanager
def held_elsewhere(name: str):
    """`name` taken by another thread (its own connection) until the block ends."""
    taken, release, answers = threading.Event(), threading.Event(), []

    def hold():
        try:
            with locks.run_once(name) as mine:
                answers.append(mine)
                taken.set()
                release.wait(30)
        finally:
            connections.close_all()

    thread = threading.Thread(target=hold)
    thread.start()
    try:
        assert taken.wait(30) and answers == [True]
        yield
    finally:
        release.set()
        thread.join()


@pytest.mark.django_db
def test_a_second_copy_is_told_at_once_and_the_lock_comes_back():
    with held_elsewhere("send_digests.daily"):
        with locks.run_once("send_digests.daily") as mine:
            assert mine is False
        with locks.run_once("send_digests.weekly") as mine:
            assert mine is True  # another name is another lock
    with locks.run_once("send_digests.daily") as mine:
        assert mine is True


@pytest.mark.django_db
def test_the_lock_is_released_when_the_block_fails():
    with pytest.raises(RuntimeError):
        with locks.run_once("anonymise_projects"):
            raise RuntimeError("SMTP went away")
    with held_elsewhere("anonymise_projects"):
        pass  # taken again by someone else: it was released


def test_without_postgresql_the_lock_is_a_file_under_var(settings):
    if connection.vendor == "postgresql":
        pytest.skip("PostgreSQL uses an advisory lock")
    with locks.run_once("send_digests.daily"):
        assert (settings.VAR_DIR / "locks" / "send_digests.daily.lock").exists()


@pytest.mark.parametrize(
    "command, lock",
    [
        (["send_digests", "--daily"], "send_digests.daily"),
        (["send_digests", "--weekly"], "send_digests.weekly"),
        (["send_event_reminders"], "send_event_reminders"),
        (["notify_overdue_steps"], "notify_overdue_steps"),
        (["anonymise_projects"], "anonymise_projects"),
    ],
)
@pytest.mark.django_db
def test_each_periodic_command_skips_while_another_copy_runs(command, lock, member):
    digests.frequency_set(user=member, frequency="daily")
    found = notifications.notify(member, POST_COMMENT, text="Un commentaire")
    found.__class__.objects.filter(pk=found.pk).update(
        created_at=digests.period_end("daily") - timedelta(hours=1)
    )
    out = io.StringIO()
    with held_elsewhere(lock):
        call_command(*command, stdout=out)  # returns: the exit code is 0
    label = " ".join(command)
    assert out.getvalue() == f"{label}: already running, skipped.\n"
    assert mail.outbox == [] and not SentDigest.objects.exists()


def _database_url() -> str:
    db = settings.DATABASES["default"]
    user = quote(db["USER"] or "", safe="")
    password = f":{quote(db['PASSWORD'], safe='')}" if db["PASSWORD"] else ""
    return (
        f"postgres://{user}{password}@{db['HOST'] or '127.0.0.1'}:"
        f"{db['PORT'] or 5432}/{db['NAME']}"
    )


@postgresql_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_processes_at_once_one_sends_and_the_other_exits_0(tmp_path, smtp_server):
    people = [UserFactory() for _ in range(3)]
    for person in people:
        digests.frequency_set(user=person, frequency="daily")
        found = notifications.notify(person, POST_COMMENT, text="Un commentaire")
        found.__class__.objects.filter(pk=found.pk).update(
            created_at=digests.period_end("daily") - timedelta(hours=1)
        )
    server = smtp_server()
    server.hold.clear()  # the first copy waits in the middle of its first e-mail
    env = {k: v for k, v in os.environ.items() if k not in VARIABLES}
    env.update(
        DJANGO_SETTINGS_MODULE="intranet.settings",
        DJANGO_VAR_DIR=str(tmp_path),
        DATABASE_URL=_database_url(),
        EMAIL_URL=f"smtp://127.0.0.1:{server.server_address[1]}",
    )
    command = [sys.executable, "manage.py", "send_digests", "--daily"]
    options = {"cwd": ROOT, "env": env, "text": True}
    first = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **options
    )
    try:
        assert server.data_seen.wait(60), first.communicate(timeout=5)
        second = subprocess.run(command, capture_output=True, timeout=60, **options)
    finally:
        server.hold.set()
        out, err = first.communicate(timeout=60)
    assert (second.returncode, second.stdout, second.stderr) == (
        0, "send_digests --daily: already running, skipped.\n", ""
    )  # fmt: skip
    assert (first.returncode, out) == (0, "3 daily digest(s) sent.\n"), err
    recipients = sorted(message["To"] for message, _tls in server.messages)
    assert recipients == sorted(person.email for person in people)
