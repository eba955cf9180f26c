"""iCalendar files and reminders."""

import io
from datetime import timedelta
from zoneinfo import ZoneInfo

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from activity.models import Notification
from events import services
from events.models import Rsvp
from members import services as member_services
from tests.factories import (
    CommitteeMembershipFactory,
    CommitteePageFactory,
    EventPageFactory,
    UserFactory,
)

PARIS = ZoneInfo("Europe/Paris")


def parse(response) -> Calendar:
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def test_an_event_ics_is_valid_with_its_timezone(client_member):
    event = EventPageFactory(title="Afterwork à Auch", capacity=20)
    response = client_member.get(reverse("events:ics", args=[event.pk]))
    assert "attachment" in response["Content-Disposition"]
    calendar = parse(response)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    timezones = calendar.walk("VTIMEZONE")
    assert [str(tz["TZID"]) for tz in timezones] == ["Europe/Paris"]
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Afterwork à Auch"
    assert vevent["DTSTART"].params["TZID"] == "Europe/Paris"
    assert vevent["DTSTART"].dt == event.start.astimezone(PARIS)
    assert vevent["DTEND"].dt == event.end.astimezone(PARIS)
    assert "Auch" in str(vevent["LOCATION"]) and vevent["UID"] and vevent["DTSTAMP"]
    assert event.url in str(vevent["URL"])


def test_an_all_day_event_uses_dates_with_an_exclusive_end(client_member):
    start = timezone.now() + timedelta(days=10)
    event = EventPageFactory(all_day=True, start=start, end=start + timedelta(days=1))
    event.clean()
    event.save()
    (vevent,) = parse(client_member.get(reverse("events:ics", args=[event.pk]))).walk(
        "VEVENT"
    )
    first = timezone.localtime(event.start).date()
    assert vevent["DTSTART"].dt == first
    assert vevent["DTEND"].dt == first + timedelta(days=2)


def test_the_personal_feed_holds_my_answers_and_my_committees_meetups(
    client, member, committee
):
    CommitteeMembershipFactory(user=member, committee=committee)
    answered = EventPageFactory(title="Coworking à Fleurance")
    services.rsvp_set(event=answered, user=member, going=True)
    local = EventPageFactory(title="Soirée d'accueil", parent=committee)
    elsewhere = EventPageFactory(title="Ailleurs", parent=CommitteePageFactory())
    network = EventPageFactory(title="Rencontre annuelle")
    token = member_services.feed_token_for(user=member).key
    response = client.get(reverse("events:calendar_feed", args=[token]))  # no login
    titles = {str(v["SUMMARY"]) for v in parse(response).walk("VEVENT")}
    assert titles == {answered.title, local.title, network.title}
    assert elsewhere.title not in titles


def test_a_wrong_token_gets_nothing(client, member):
    member_services.feed_token_for(user=member)
    response = client.get(reverse("events:calendar_feed", args=["not-a-token"]))
    assert response.status_code == 404


def test_an_unpublished_event_has_no_ics(client_member):
    event = EventPageFactory()
    event.unpublish()
    assert client_member.get(reverse("events:ics", args=[event.pk])).status_code == 404


def test_reminders_go_once_to_going_members_the_day_before(
    db, django_capture_on_commit_callbacks
):
    soon = EventPageFactory(
        title="Afterwork", start=timezone.now() + timedelta(hours=20),
        end=timezone.now() + timedelta(hours=23),
    )  # fmt: skip
    later = EventPageFactory(start=timezone.now() + timedelta(days=3))
    french, english, absent = UserFactory(), UserFactory(language="en"), UserFactory()
    for user in (french, english):
        services.rsvp_set(event=soon, user=user, going=True)
        services.rsvp_set(event=later, user=user, going=True)
    services.rsvp_set(event=soon, user=absent, going=False)
    mail.outbox.clear()

    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_event_reminders", stdout=out)
    assert "2 reminder" in out.getvalue()
    assert sorted(m.to[0] for m in mail.outbox) == sorted([french.email, english.email])
    by_address = {m.to[0]: m for m in mail.outbox}
    assert "Rappel" in by_address[french.email].body
    assert "Reminder" in by_address[english.email].body
    assert Rsvp.objects.filter(event=soon, reminded_at__isnull=False).count() == 2

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_event_reminders", stdout=out)
    assert len(mail.outbox) == 2  # never twice
    assert Notification.objects.filter(kind="event_reminder").count() == 2


def test_a_member_who_turned_reminders_off_gets_none(db, member):
    from activity import notifications

    notifications.preference_set(user=member, kind="event_reminder", channel="off")
    event = EventPageFactory(start=timezone.now() + timedelta(hours=5))
    services.rsvp_set(event=event, user=member, going=True)
    assert services.reminders_send() == 1  # claimed, as the member chose: nothing
    assert not mail.outbox and not Notification.objects.exists()
    assert services.reminders_send() == 0
