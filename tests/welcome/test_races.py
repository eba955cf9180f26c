"""The newcomer pipeline's periodic commands, two at the same moment on
PostgreSQL: nothing crashes, each overdue step is told once, each project is
anonymised once (and counted once)."""

import time
from datetime import timedelta

import pytest
from django.utils import timezone

from activity.models import Notification
from tests.concurrency import all_at_once, commands_at_once, postgresql_only
from tests.welcome.conftest import submit
from welcome import services
from welcome.models import ChecklistItem, InstallationProject, Stage

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    postgresql_only,
]


def _slowly(monkeypatch, owner, name):
    """Each item takes a while, inside its transaction: the runs overlap for sure."""
    real = getattr(owner, name)

    def slow(*args, **kwargs):
        time.sleep(0.05)
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, slow)


@pytest.fixture
def late_steps(sponsored, monkeypatch):
    sponsored.checklist.update(due_on=timezone.localdate() - timedelta(days=3))
    _slowly(monkeypatch, services.notices, "item_overdue")
    return sponsored.checklist.count()


def _told_once(steps):
    told = Notification.objects.filter(kind="welcome_overdue")
    assert told.count() == 2 * steps  # the sponsor and the référent, once a step
    assert len(set(told.values_list("recipient", "text"))) == told.count()
    assert not ChecklistItem.objects.filter(overdue_told_on__isnull=True).exists()


def test_overlapping_overdue_runs_tell_each_step_once(late_steps):
    told = all_at_once(lambda _: services.overdue_notify(), [1, 2, 3])
    assert sum(told) == late_steps
    _told_once(late_steps)


def test_two_overdue_commands_at_once_never_crash_and_tell_once(late_steps):
    outputs = commands_at_once(("notify_overdue_steps",), ("notify_overdue_steps",))
    assert sorted(outputs) == [
        f"{late_steps} overdue step(s) told.\n",
        "notify_overdue_steps: already running, skipped.\n",
    ]
    _told_once(late_steps)


@pytest.fixture
def abandoned(team_member, settings, monkeypatch):
    settings.WELCOME_RETENTION_DAYS = 30
    projects = [submit(email=f"famille{n}@example.net") for n in range(5)]
    for project in projects:
        services.project_move(
            project=project, by=team_member, to=Stage.ABANDONED, reason="Reporté"
        )
    InstallationProject.objects.update(
        stage_changed_at=timezone.now() - timedelta(days=31)
    )
    _slowly(monkeypatch, services, "project_anonymise")
    return projects


def _anonymised_once(projects):
    done = InstallationProject.objects.filter(anonymised_at__isnull=False)
    assert done.count() == len(projects)
    assert {p.email for p in done} == {f"projet-{p.pk}@anonyme.invalid" for p in done}


def test_overlapping_anonymise_runs_count_each_project_once(abandoned):
    counts = all_at_once(lambda _: services.anonymise_expired(), [1, 2, 3])
    assert sum(counts) == len(abandoned)
    _anonymised_once(abandoned)


def test_two_anonymise_commands_at_once_never_crash(abandoned):
    outputs = commands_at_once(("anonymise_projects",), ("anonymise_projects",))
    assert sorted(outputs) == [
        "5 project(s) anonymised (abandoned more than 30 days ago).\n",
        "anonymise_projects: already running, skipped.\n",
    ]
    _anonymised_once(abandoned)
