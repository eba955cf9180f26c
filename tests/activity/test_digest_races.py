"""Two `send_digests` at the same moment on PostgreSQL: nothing crashes and each
member gets one digest, with the lock (one copy skips) and without it (each
member's period is claimed by its unique row)."""

import time
from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail

from activity import digests, emails, notifications
from activity.models import SentDigest
from activity.notices import POST_COMMENT
from tests.concurrency import all_at_once, commands_at_once, postgresql_only
from tests.factories import UserFactory

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    postgresql_only,
]


@pytest.fixture
def people():
    """Five daily readers, each with a notification kept for yesterday's digest."""
    found = []
    for _ in range(5):
        person = UserFactory()
        digests.frequency_set(user=person, frequency="daily")
        kept = notifications.notify(person, POST_COMMENT, text="Un commentaire")
        kept.__class__.objects.filter(pk=kept.pk).update(
            created_at=digests.period_end("daily") - timedelta(hours=1)
        )
        found.append(person)
    return found


@pytest.fixture
def slow_sending():
    """Each e-mail takes a while, inside its transaction, as over SMTP: the runs
    overlap for sure."""
    real = emails.send_digest

    def slow(*args, **kwargs):
        time.sleep(0.05)
        real(*args, **kwargs)

    with mock.patch.object(emails, "send_digest", slow):
        yield


def _each_once(people):
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in people)
    assert SentDigest.objects.count() == len(people)


def test_overlapping_runs_send_each_digest_once(people, slow_sending):
    sent = all_at_once(lambda _: digests.send_all("daily"), [1, 2, 3])
    assert sum(sent) == len(people)
    _each_once(people)


def test_two_commands_at_once_never_crash_and_send_once(people, slow_sending):
    outputs = commands_at_once(("send_digests", "--daily"), ("send_digests", "--daily"))
    assert all(isinstance(out, str) for out in outputs), outputs
    assert sorted(outputs) == [
        "5 daily digest(s) sent.\n",
        "send_digests --daily: already running, skipped.\n",
    ]
    _each_once(people)
