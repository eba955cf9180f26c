"""Overdue checklist steps: on the sponsor's and référent's dashboards, and told
once in their digest."""

from datetime import timedelta

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from activity import digests
from tests.factories import UserFactory
from welcome import selectors, services
from welcome.models import ChecklistItem, Stage


def _late(project, days=3, **changes):
    item = project.checklist.order_by("position").first()
    item.due_on = timezone.localdate() - timedelta(days=days)
    for name, value in changes.items():
        setattr(item, name, value)
    item.save()
    return item


def test_overdue_is_open_and_past_its_date(sponsored):
    item = _late(sponsored)
    assert item.is_overdue()
    assert not item.is_overdue(today=item.due_on)  # due today is not late yet
    for status in ("done", "skipped"):
        item.status = status
        assert not item.is_overdue()
    item.status, item.due_on = "doing", None
    assert not item.is_overdue()


def test_the_sponsor_and_the_referents_see_what_is_late(
    sponsored, referent, volunteer, member
):
    item = _late(sponsored)
    _late_done = sponsored.checklist.order_by("position")[1]
    _late_done.due_on, _late_done.status = item.due_on, "done"
    _late_done.save()
    for person in (referent, volunteer):
        assert list(selectors.overdue_items(user=person)) == [item]
    assert list(selectors.overdue_items(user=member)) == []


def test_dashboards_show_the_late_steps(client, sponsored, volunteer, referent):
    _late(sponsored)
    for person in (volunteer, referent):
        client.force_login(person)
        page = client.get("/").content.decode()
        assert "Logement" in page and "famille Martin" in page
        board = client.get("/nouveaux-arrivants/").content.decode()
        assert "Logement" in board


def test_a_closed_project_has_nothing_late(sponsored, volunteer, team_member):
    _late(sponsored)
    services.project_move(
        project=sponsored, by=team_member, to=Stage.ABANDONED, reason="Reporté"
    )
    assert not selectors.overdue_items(user=volunteer).exists()
    assert services.overdue_notify() == 0


def test_late_steps_are_told_once_and_again_after_a_new_date(
    sponsored, referent, volunteer, team_member
):
    item = _late(sponsored)
    assert services.overdue_notify() == 1
    assert services.overdue_notify() == 0
    told = {n.recipient for n in volunteer.notifications.model.objects.filter(
        kind="welcome_overdue")}  # fmt: skip
    assert told == {referent, volunteer}
    assert "Logement" in volunteer.notifications.get(kind="welcome_overdue").text
    # A new date that passes too is told again.
    services.checklist_item_update(
        item=item, by=volunteer, status="doing", owner=volunteer,
        due_on=timezone.localdate() - timedelta(days=1), notes="",
    )  # fmt: skip
    assert services.overdue_notify() == 1


def test_the_holder_is_told_too(sponsored, team_member):
    holder = UserFactory()
    _late(sponsored, owner=holder)
    services.overdue_notify()
    assert holder.notifications.filter(kind="welcome_overdue").exists()


def test_late_steps_reach_the_weekly_digest(sponsored, volunteer):
    _late(sponsored)
    call_command("notify_overdue_steps")
    mail.outbox.clear()
    assert digests.send_all("weekly", timezone.now() + timedelta(days=8)) >= 1
    digest = next(m for m in mail.outbox if m.to == [volunteer.email])
    assert "Logement" in digest.body and "famille Martin" in digest.body


def test_items_due_on_the_fly_stay_quiet(sponsored):
    assert not ChecklistItem.objects.filter(due_on__lt=timezone.localdate()).exists()
    assert services.overdue_notify() == 0
