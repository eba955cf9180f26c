"""Answers to meetups: places, guests, the waiting list and its promotions."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from activity import activity
from activity.models import Notification
from events import selectors, services
from events.models import Rsvp
from tests.factories import EventPageFactory, UserFactory

GOING, WAITLIST, NOT_GOING = (
    Rsvp.Status.GOING,
    Rsvp.Status.WAITLIST,
    Rsvp.Status.NOT_GOING,
)


def answer(event, user, going=True, guests=0):
    return services.rsvp_set(event=event, user=user, going=going, guests=guests)


def status_of(event, user):
    return Rsvp.objects.get(event=event, user=user).status


@pytest.fixture
def event(db):
    return EventPageFactory(capacity=3, guests_allowed=2)


def test_going_takes_a_place_with_guests(event, member):
    rsvp = answer(event, member, guests=2)
    assert rsvp.status == GOING
    assert selectors.places_taken(event=event) == 3
    assert selectors.places_free(event=event) == 0


def test_a_full_meetup_puts_the_next_member_on_the_waiting_list(event):
    first, second = UserFactory(), UserFactory()
    answer(event, first, guests=2)
    rsvp = answer(event, second)
    assert rsvp.status == WAITLIST
    assert selectors.waitlist_position(rsvp=rsvp) == 1
    assert selectors.places_taken(event=event) == 3


def test_cancelling_promotes_the_first_on_the_waiting_list_and_tells_them(event):
    first, second, third = UserFactory(), UserFactory(), UserFactory()
    answer(event, first, guests=2)
    answer(event, second)
    answer(event, third)
    answer(event, first, going=False)
    assert status_of(event, second) == GOING
    assert status_of(event, third) == GOING
    assert selectors.places_taken(event=event) == 2
    notice = Notification.objects.get(recipient=second, kind="event_promoted")
    assert event.title in notice.text and "place" in notice.text
    assert Rsvp.objects.get(event=event, user=second).promoted_at is not None


def test_fewer_guests_frees_places_for_the_waiting_list(event):
    first, second = UserFactory(), UserFactory()
    answer(event, first, guests=2)
    answer(event, second)
    answer(event, first, guests=1)
    assert status_of(event, second) == GOING
    assert selectors.places_taken(event=event) == 3


def test_a_party_too_large_keeps_its_rank_while_a_smaller_one_behind_goes(event):
    first, big, small = UserFactory(), UserFactory(), UserFactory()
    answer(event, first, guests=1)  # 2 of 3 taken
    big_rsvp = answer(event, big, guests=2)  # needs 3: waits
    answer(event, small, guests=1)  # needs 2: waits behind
    assert big_rsvp.status == WAITLIST
    assert status_of(event, small) == WAITLIST  # only 1 place free
    answer(event, first, going=False)  # 3 free: the first in line fits
    assert status_of(event, big) == GOING
    assert status_of(event, small) == WAITLIST
    assert (
        selectors.waitlist_position(rsvp=Rsvp.objects.get(event=event, user=small)) == 1
    )


def test_the_waiting_list_is_first_come_first_served(event):
    holder = UserFactory()
    answer(event, holder, guests=2)
    waiting = [UserFactory() for _ in range(3)]
    for user in waiting:
        answer(event, user)
    positions = [
        selectors.waitlist_position(rsvp=Rsvp.objects.get(event=event, user=u))
        for u in waiting
    ]
    assert positions == [1, 2, 3]
    answer(event, holder, guests=1)
    assert [status_of(event, u) for u in waiting] == [GOING, WAITLIST, WAITLIST]


def test_changing_guests_on_the_waiting_list_keeps_the_rank(event):
    holder, a, b = UserFactory(), UserFactory(), UserFactory()
    answer(event, holder, guests=2)
    answer(event, a, guests=1)
    answer(event, b)
    answer(event, a, guests=2)
    rsvp = Rsvp.objects.get(event=event, user=a)
    assert rsvp.status == WAITLIST and selectors.waitlist_position(rsvp=rsvp) == 1


def test_a_going_member_asking_for_more_guests_than_fit_keeps_their_place(event):
    first, second = UserFactory(), UserFactory()
    answer(event, first)
    answer(event, second, guests=1)  # full
    with pytest.raises(ValidationError) as error:
        answer(event, first, guests=2)
    assert error.value.code == "full"
    assert "0" in error.value.messages[0]
    rsvp = Rsvp.objects.get(event=event, user=first)
    assert (rsvp.status, rsvp.guests) == (GOING, 0)


def test_no_limit_means_everyone_goes(db):
    event = EventPageFactory(capacity=None)
    for _ in range(5):
        assert answer(event, UserFactory()).status == GOING
    assert selectors.places_free(event=event) is None


def test_a_larger_capacity_promotes_the_waiting_list_on_publication(
    event, network_editor
):
    holder, waiting = UserFactory(), UserFactory()
    answer(event, holder, guests=2)
    answer(event, waiting)
    event.capacity = 10
    event.save_revision(user=network_editor).publish(user=network_editor)
    assert status_of(event, waiting) == GOING


@pytest.mark.parametrize("guests", [-1, 3, 99])
def test_guests_outside_the_meetups_limit_are_refused(event, member, guests):
    with pytest.raises(ValidationError) as error:
        answer(event, member, guests=guests)
    assert error.value.code == "guests"
    assert not Rsvp.objects.exists()


def test_a_meetup_without_guests_says_so(db, member):
    event = EventPageFactory(guests_allowed=0)
    with pytest.raises(ValidationError, match="does not take guests|n'accepte pas"):
        answer(event, member, guests=1)


def test_answers_close_after_the_deadline_but_leaving_stays_possible(db, member):
    event = EventPageFactory(capacity=2)
    answer(event, member)
    event.rsvp_deadline = timezone.now() - timedelta(hours=1)
    event.save()
    with pytest.raises(ValidationError) as error:
        answer(event, UserFactory())
    assert error.value.code == "deadline"
    assert answer(event, member, going=False).status == NOT_GOING


def test_a_past_meetup_takes_no_answer(db, member):
    start = timezone.now() - timedelta(days=2)
    event = EventPageFactory(start=start, end=start + timedelta(hours=2))
    with pytest.raises(ValidationError) as error:
        answer(event, member)
    assert error.value.code == "past"
    with pytest.raises(ValidationError):
        answer(event, member, going=False)
    assert not Rsvp.objects.exists()


def test_an_unpublished_meetup_takes_no_answer(event, member):
    event.unpublish()
    with pytest.raises(ValidationError) as error:
        answer(event, member)
    assert error.value.code == "unpublished"


def test_going_is_in_the_feed_and_leaving_takes_it_back(event, member):
    answer(event, member)
    assert activity.actions_of(member).filter(verb=activity.GOING).count() == 1
    answer(event, member)  # the same answer again records nothing new
    assert activity.actions_of(member).filter(verb=activity.GOING).count() == 1
    answer(event, member, going=False)
    assert not activity.actions_of(member).filter(verb=activity.GOING).exists()


def test_nobody_is_promoted_once_the_meetup_started(db):
    event = EventPageFactory(capacity=1)
    holder, waiting = UserFactory(), UserFactory()
    answer(event, holder)
    answer(event, waiting)
    event.start = timezone.now() + timedelta(minutes=1)
    event.save()
    answer(event, holder, going=False)
    assert status_of(event, waiting) == GOING  # a minute before: still promoted
    assert Notification.objects.filter(recipient=waiting).exists()


def test_end_before_start_is_refused_in_the_editor(db):
    start = timezone.now() + timedelta(days=3)
    event = EventPageFactory.build(start=start, end=start - timedelta(hours=1))
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert "end" in error.value.message_dict


def test_a_deadline_after_the_start_is_refused_in_the_editor(db):
    start = timezone.now() + timedelta(days=3)
    event = EventPageFactory.build(
        start=start, end=start + timedelta(hours=1), rsvp_deadline=start + timedelta(1)
    )
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert "rsvp_deadline" in error.value.message_dict


def test_an_all_day_meetup_runs_from_midnight_to_midnight(db):
    start = timezone.now() + timedelta(days=3)
    event = EventPageFactory.build(start=start, end=start, all_day=True)
    event.clean()
    local = timezone.localtime(event.start)
    assert (local.hour, local.minute) == (0, 0)
    assert event.last_day == local.date()


def test_a_meetup_under_a_committee_belongs_to_it(db, committee):
    event = EventPageFactory(parent=committee)
    assert event.committee == committee
    assert EventPageFactory().committee is None
