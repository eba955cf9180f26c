"""Reads of the meetups, with their joins and counts done in the database."""

import calendar
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db.models import (
    Exists,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce, Left, Length
from django.http import HttpRequest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from committees import rights
from committees.models import CommitteePage
from committees.selectors import committee_ids_of
from communes.models import Commune
from events.models import CarpoolOffer, CarpoolSeat, EventPage, RideRequest, Rsvp
from intranet.shell import menu
from members.models import User

GOING, WAITLIST = Rsvp.Status.GOING, Rsvp.Status.WAITLIST
CALENDAR_PAST = timedelta(days=90)


def visible_events() -> QuerySet[EventPage]:
    """What members may open and answer: published, with no Wagtail restriction on
    the page or above it. Like `.public()`, in a subquery rather than a query of
    every restriction first (these lists appear on many pages)."""
    restricted = PageViewRestriction.objects.filter(
        page__path=Left(OuterRef("path"), Length("page__path"))
    )
    return EventPage.objects.live().exclude(Exists(restricted))


# Places


def places_taken(*, event: EventPage, excluding: User | None = None) -> int:
    going = Rsvp.objects.filter(event=event, status=GOING)
    if excluding is not None:
        going = going.exclude(user=excluding)
    return going.aggregate(n=Coalesce(Sum(F("guests") + 1), 0))["n"]


def places_free(*, event: EventPage, excluding: User | None = None) -> int | None:
    """Places left (None: no limit), as if `excluding` had not answered."""
    if event.capacity is None:
        return None
    return max(event.capacity - places_taken(event=event, excluding=excluding), 0)


def with_places(*, events: QuerySet[EventPage]) -> QuerySet[EventPage]:
    """Adds `taken` (members going and their guests) to each meetup, in one query."""
    going = (
        Rsvp.objects.filter(event=OuterRef("pk"), status=GOING)
        .values("event")
        .annotate(n=Sum(F("guests") + 1))
        .values("n")
    )
    return events.annotate(taken=Coalesce(Subquery(going), Value(0)))


def with_answer(*, events: QuerySet[EventPage], user: User) -> QuerySet[EventPage]:
    """Adds `my_status`: the reader's answer, or None."""
    mine = Rsvp.objects.filter(event=OuterRef("pk"), user=user.pk).values("status")
    return events.annotate(my_status=Subquery(mine[:1]))


def listing(*, events: QuerySet[EventPage], user: User) -> QuerySet[EventPage]:
    return with_answer(events=with_places(events=events), user=user).select_related(
        "commune", "committee"
    )


# Lists


def upcoming(
    *, user: User, committee: CommitteePage | None = None
) -> QuerySet[EventPage]:
    events = visible_events().filter(end__gte=timezone.now())
    if committee is not None:
        events = events.filter(committee=committee)
    return listing(events=events, user=user).order_by("start", "pk")


def past(*, user: User, committee: CommitteePage | None = None) -> QuerySet[EventPage]:
    events = visible_events().filter(end__lt=timezone.now())
    if committee is not None:
        events = events.filter(committee=committee)
    return listing(events=events, user=user).order_by("-start", "-pk")


def for_member(*, user: User, limit: int = 5) -> list[EventPage]:
    """The next meetups of the network and of the member's committees, and any
    other they answered."""
    mine = committee_ids_of(user=user)
    answered = Rsvp.objects.filter(user=user.pk, status__in=[GOING, WAITLIST])
    return list(
        upcoming(user=user).filter(
            Q(committee__isnull=True)
            | Q(committee_id__in=mine)
            | Q(pk__in=answered.values("event_id"))
        )[:limit]
    )


def committee_upcoming(
    *, committee: CommitteePage, user: User, limit: int = 4
) -> list[EventPage]:
    return list(upcoming(user=user, committee=committee)[:limit])


@dataclass
class Day:
    day: date
    in_month: bool
    events: list[EventPage] = field(default_factory=list)

    @property
    def is_today(self) -> bool:
        return self.day == timezone.localdate()


def month_grid(
    *, user: User, year: int, month: int, committee: CommitteePage | None = None
) -> list[list[Day]]:
    """The weeks (Monday first) of a month, each day with the meetups on it (a
    meetup over several days shows on each of them)."""
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    first, last = weeks[0][0], weeks[-1][-1]
    events = visible_events().filter(
        start__lt=timezone.make_aware(
            datetime.combine(last + timedelta(days=1), time())
        ),
        end__gte=timezone.make_aware(datetime.combine(first, time())),
    )
    if committee is not None:
        events = events.filter(committee=committee)
    days = {day: Day(day, day.month == month) for week in weeks for day in week}
    for event in listing(events=events, user=user).order_by("start", "pk"):
        day = max(timezone.localtime(event.start).date(), first)
        while day <= min(event.last_day, last):
            days[day].events.append(event)
            day += timedelta(days=1)
    return [[days[day] for day in week] for week in weeks]


def calendar_of(*, user: User) -> list[EventPage]:
    """The personal calendar feed: what the member answered, and the meetups of
    their committees and of the whole network, from three months back."""
    answered = Rsvp.objects.filter(user=user.pk, status__in=[GOING, WAITLIST])
    mine = committee_ids_of(user=user)
    events = visible_events().filter(
        Q(pk__in=answered.values("event_id"))
        | Q(committee_id__in=mine)
        | Q(committee__isnull=True),
        end__gte=timezone.now() - CALENDAR_PAST,
    )
    return list(
        with_answer(events=events, user=user)
        .select_related("commune")
        .order_by("start")
    )


# One meetup


def can_organise(*, user: User | AnonymousUser, event: EventPage) -> bool:
    """Its organisers, the référents of its committee, and whoever may edit it."""
    if not user.is_authenticated:
        return False
    if event.organisers.filter(member=user.pk).exists():
        return True
    # (`event.committee` is None, with no query, when the meetup has no committee.)
    if event.committee is not None and rights.is_referent(
        user=user, committee=event.committee
    ):
        return True
    return event.permissions_for_user(user).can_edit()


def answers(*, event: EventPage, status: str) -> list[Rsvp]:
    order = ("waitlisted_at", "pk") if status == WAITLIST else ("created_at", "pk")
    return list(
        Rsvp.objects.filter(event=event, status=status)
        .select_related("user__profile__commune")
        .order_by(*order)
    )


def waitlist_position(*, rsvp: Rsvp) -> int:
    ahead = Rsvp.objects.filter(event=rsvp.event_id, status=WAITLIST).filter(
        Q(waitlisted_at__lt=rsvp.waitlisted_at)
        | Q(waitlisted_at=rsvp.waitlisted_at, pk__lt=rsvp.pk)
    )
    return ahead.count() + 1


def event_page_context(
    *, event: EventPage, user: User | AnonymousUser
) -> dict[str, Any]:
    """Everything the meetup's page shows its reader."""
    context = {
        "organisers": [
            o.member for o in event.organisers.select_related("member__profile")
        ],
        "taken": places_taken(event=event),
        "series": list(
            visible_events()
            .filter(series=event.series_id)
            .exclude(pk=event.pk)
            .order_by("start")
            .only("title", "start", "end", "all_day", "url_path")
        )
        if event.series_id
        else [],
    }
    if not user.is_authenticated:
        return context
    answer = Rsvp.objects.filter(event=event, user=user).first()
    going = answers(event=event, status=GOING)
    organiser = can_organise(user=user, event=event)
    context.update(
        answer=answer,
        position=waitlist_position(rsvp=answer)
        if answer and answer.status == WAITLIST
        else None,
        going=going,
        guest_count=sum(rsvp.guests for rsvp in going),
        can_organise=organiser,
        waitlist=answers(event=event, status=WAITLIST) if organiser else [],
        guest_choices=range(event.guests_allowed + 1),
        carpool=carpool_of(event=event, user=user, answer=answer),
    )
    return context


def agenda_url(*, request: HttpRequest) -> str:
    """The agenda's address, from the main navigation's cache."""
    return menu.section_url(request, "events.EventIndexPage")


# Carpooling


@dataclass
class Offer:
    offer: CarpoolOffer
    accepted: list[CarpoolSeat]
    pending: list[CarpoolSeat]
    distance: float | None = None

    @property
    def left(self) -> int:
        return max(self.offer.seats - len(self.accepted), 0)


def carpool_of(*, event: EventPage, user: User, answer: Rsvp | None) -> dict[str, Any]:
    """The open offers (nearest first for a member who asks for a ride), who asks
    for a ride (nearest first for a driver), and the reader's own part."""
    offers = []
    open_seats = CarpoolSeat.objects.filter(
        status__in=[CarpoolSeat.Status.PENDING, CarpoolSeat.Status.ACCEPTED]
    ).select_related("passenger")
    found = (
        CarpoolOffer.objects.filter(event=event, cancelled_at__isnull=True)
        .select_related("driver", "commune")
        .prefetch_related(_prefetch_seats(open_seats))
    )
    for offer in found:
        seats = offer.open_seats
        offers.append(
            Offer(
                offer,
                accepted=[s for s in seats if s.status == CarpoolSeat.Status.ACCEPTED],
                pending=[s for s in seats if s.status == CarpoolSeat.Status.PENDING],
            )
        )
    rides = list(
        RideRequest.objects.filter(event=event).select_related("user", "commune")
    )
    my_offer = next((o for o in offers if o.offer.driver_id == user.pk), None)
    my_ride = next((r for r in rides if r.user_id == user.pk), None)
    my_seat = next(
        (
            s
            for o in offers
            for s in o.accepted + o.pending
            if s.passenger_id == user.pk
        ),
        None,
    )
    if my_ride is not None:
        start = my_ride.commune
        offers.sort(key=lambda o: start.distance_km(o.offer.commune))
        for o in offers:
            o.distance = start.distance_km(o.offer.commune)
    if my_offer is not None:
        start = my_offer.offer.commune
        rides = sorted(rides, key=lambda r: r.commune.distance_km(start))
        for ride in rides:
            ride.distance = ride.commune.distance_km(start)
    return {
        "offers": offers,
        "rides": [r for r in rides if r.user_id != user.pk],
        "my_offer": my_offer,
        "my_ride": my_ride,
        "my_seat": my_seat,
        "can_join": answer is not None and answer.status == GOING,
        "communes": Commune.objects.only("name") if answer is not None else [],
        "home_commune_id": getattr(getattr(user, "profile", None), "commune_id", None),
    }


def _prefetch_seats(queryset: QuerySet[CarpoolSeat]) -> Prefetch:
    return Prefetch("seat_requests", queryset=queryset, to_attr="open_seats")
