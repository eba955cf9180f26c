"""Expired entries close themselves: read as closed at once, written down by
`manage.py close_expired_help`, which two copies may run at the same moment."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from intranet import ratelimit
from mutualaid import services
from mutualaid.models import HelpEntry
from tests.concurrency import all_at_once, commands_at_once, postgresql_only
from tests.mutualaid.conftest import post


def _expire(entries):
    HelpEntry.objects.filter(pk__in=[e.pk for e in entries]).update(
        expires_at=timezone.now() - timedelta(minutes=5)
    )


def test_the_command_closes_the_expired_and_only_them(asker):
    expired = [post(asker, title=f"Ancienne {n}") for n in range(3)]
    fresh = post(asker, title="Récente")
    _expire(expired)
    assert HelpEntry.objects.open().count() == 1  # read as closed at once
    assert HelpEntry.objects.filter(status="open").count() == 4
    out = io.StringIO()
    call_command("close_expired_help", stdout=out)
    assert out.getvalue() == "3 help entries closed.\n"
    assert set(
        HelpEntry.objects.filter(status="closed").values_list("pk", flat=True)
    ) == {e.pk for e in expired}
    assert all(e.closed_at for e in HelpEntry.objects.filter(status="closed"))
    fresh.refresh_from_db()
    assert fresh.is_open
    out = io.StringIO()
    call_command("close_expired_help", stdout=out)  # again: nothing left
    assert out.getvalue() == "0 help entries closed.\n"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@postgresql_only
def test_two_commands_at_once_close_each_entry_once(asker):
    with ratelimit.suspended():
        entries = [post(asker, title=f"Ancienne {n}") for n in range(20)]
    _expire(entries)
    outputs = commands_at_once(("close_expired_help",), ("close_expired_help",))
    assert all(isinstance(out, str) for out in outputs), outputs
    assert sorted(outputs) in (
        ["0 help entries closed.\n", "20 help entries closed.\n"],
        ["20 help entries closed.\n", "close_expired_help already running, skipped.\n"],
    )
    assert HelpEntry.objects.filter(status="closed").count() == 20


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@postgresql_only
def test_services_racing_close_each_entry_once(asker):
    with ratelimit.suspended():
        entries = [post(asker, title=f"Ancienne {n}") for n in range(30)]
    _expire(entries)
    closed = all_at_once(lambda _: services.close_expired(), [1, 2, 3])
    assert sum(closed) == 30
    assert HelpEntry.objects.filter(status="closed").count() == 30
