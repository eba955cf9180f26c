"""No overbooking, ever: concurrent requests for the last places on PostgreSQL;
and reminders sent once, however many runs overlap."""

import time
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from activity.models import Notification
from events import selectors, services
from events.models import CarpoolSeat, Rsvp
from tests.concurrency import all_at_once, commands_at_once, postgresql_only
from tests.factories import EventPageFactory, UserFactory

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    postgresql_only,
]


def test_concurrent_requests_for_the_last_place_give_exactly_one_seat():
    event = EventPageFactory(capacity=5)
    for _ in range(4):
        services.rsvp_set(event=event, user=UserFactory(), going=True)
    people = [UserFactory() for _ in range(10)]
    clients = []
    for person in people:
        client = Client()
        client.force_login(person)
        clients.append(client)

    url = reverse("events:rsvp", args=[event.pk])
    answers = all_at_once(
        lambda client: client.post(url, {"going": "yes", "guests": "0"}).status_code,
        clients,
    )
    assert answers == [302] * 10
    assert selectors.places_taken(event=event) == 5
    statuses = list(
        Rsvp.objects.filter(user__in=people).values_list("status", flat=True)
    )
    assert statuses.count(Rsvp.Status.GOING) == 1
    assert statuses.count(Rsvp.Status.WAITLIST) == 9


def test_concurrent_cancellations_and_answers_never_overbook():
    event = EventPageFactory(capacity=6, guests_allowed=2)
    holders = [UserFactory() for _ in range(3)]
    for holder in holders:
        services.rsvp_set(event=event, user=holder, going=True, guests=1)
    newcomers = [UserFactory() for _ in range(8)]

    def act(item):
        user, going, guests = item
        services.rsvp_set(event=event, user=user, going=going, guests=guests)

    work = [(h, False, 0) for h in holders] + [
        (u, True, n % 3) for n, u in enumerate(newcomers)
    ]
    all_at_once(act, work)
    assert selectors.places_taken(event=event) <= 6
    # Whatever the order, no place stays free while someone who fits waits.
    free = selectors.places_free(event=event)
    waiting = Rsvp.objects.filter(event=event, status=Rsvp.Status.WAITLIST)
    assert all(rsvp.seats > free for rsvp in waiting)


def test_concurrent_accepts_never_exceed_the_car(monkeypatch):
    event = EventPageFactory(capacity=40)
    driver = UserFactory()
    services.rsvp_set(event=event, user=driver, going=True)
    car = services.offer_create(
        event=event, driver=driver, commune=event.commune, departure="18:00", seats=2
    )
    seats = []
    for _ in range(12):
        passenger = UserFactory()
        services.rsvp_set(event=event, user=passenger, going=True)
        seats.append(services.seat_request(offer=car, passenger=passenger))

    # Widen the window between counting the seats and taking one, as a slow
    # database would: without the offer's lock, every driver's click would win.
    count = services._accepted

    def slow_count(offer):
        taken = count(offer)
        time.sleep(0.05)
        return taken

    monkeypatch.setattr(services, "_accepted", slow_count)

    def accept(seat):
        try:
            services.seat_decide(seat=seat, by=driver, accept=True)
        except Exception as error:  # the car is full: the expected refusal
            return getattr(error, "code", repr(error))
        return "accepted"

    results = all_at_once(accept, seats)
    assert results.count("accepted") == 2
    assert results.count("full") == 10
    assert car.seat_requests.filter(status=CarpoolSeat.Status.ACCEPTED).count() == 2


@pytest.fixture
def going_tomorrow(monkeypatch):
    """Six members going to a meetup that starts within a day; each reminder takes
    a while, inside its transaction, so that two runs overlap for sure."""
    event = EventPageFactory(start=timezone.now() + timedelta(hours=20))
    people = [UserFactory() for _ in range(6)]
    for person in people:
        services.rsvp_set(event=event, user=person, going=True)
    mail.outbox.clear()
    remind = services.notices.reminder

    def slow_reminder(rsvp):
        time.sleep(0.05)
        remind(rsvp)

    monkeypatch.setattr(services.notices, "reminder", slow_reminder)
    return people


def _reminded_once(people):
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in people)
    assert Notification.objects.filter(kind="event_reminder").count() == len(people)


def test_overlapping_reminder_runs_remind_each_member_once(going_tomorrow):
    sent = all_at_once(lambda _: services.reminders_send(), [1, 2, 3])
    assert sum(sent) == len(going_tomorrow)
    _reminded_once(going_tomorrow)


def test_two_reminder_commands_at_once_never_crash_and_remind_once(going_tomorrow):
    outputs = commands_at_once(("send_event_reminders",), ("send_event_reminders",))
    assert sorted(outputs) == [
        "6 reminder(s) sent.\n",
        "send_event_reminders: already running, skipped.\n",
    ]
    _reminded_once(going_tomorrow)
