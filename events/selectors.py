"""Reads of the meetups, with their joins and counts done in the database."""

import calendar
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.core.paginator import Page, Paginator
from django.db.models import (
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Cast, Coalesce, Left, Length
from django.http import HttpRequest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from activity import activity
from committees import rights
from committees.models import CommitteePage
from committees.selectors import committee_ids_of
from communes.selectors import commune_choices
from events.models import CarpoolOffer, CarpoolSeat, EventPage, RideRequest, Rsvp
from intranet.prepared import Prepared
from intranet.shell import menu
from members import selectors as member_selectors
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


def listing(
    *, events: QuerySet[EventPage], user: User, with_committee: bool = True
) -> QuerySet[EventPage]:
    """Meetups as lists show them (`includes/event_item.html`): places, the
    reader's answer, the commune, and the committee unless the list hides it."""
    related = ("commune", "committee") if with_committee else ("commune",)
    return with_answer(events=with_places(events=events), user=user).select_related(
        *related
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


COMMITTEE_UPCOMING = 4  # the meetups a committee's page lists


def _committee_upcoming(committee: int, user: int, now: datetime) -> QuerySet:
    events = visible_events().filter(end__gte=now, committee=committee)
    listed = listing(events=events, user=User(pk=user), with_committee=False)
    return listed.order_by("start", "pk")[:COMMITTEE_UPCOMING]


# Every committee page, for every reader: its SQL is built once per process.
_COMMITTEE_UPCOMING = Prepared(
    _committee_upcoming, committee=int, user=int, now=datetime
)


def committee_upcoming(*, committee: CommitteePage, user: User) -> list[EventPage]:
    """The next meetups of one committee, for its page (which names it already)."""
    return _COMMITTEE_UPCOMING.objects(
        committee=committee.pk, user=user.pk, now=timezone.now()
    )


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


def can_organise(
    *,
    user: User | AnonymousUser,
    event: EventPage,
    organisers: list[User] | None = None,
) -> bool:
    """Its organisers, the référents of its committee, and whoever may edit it
    (`organisers`: the meetup's, when the caller has them loaded)."""
    if not user.is_authenticated:
        return False
    if organisers is not None:
        if any(person.pk == user.pk for person in organisers):
            return True
    elif event.organisers.filter(member=user.pk).exists():
        return True
    committee = event.committee  # None, with no query, when it has none
    if committee is not None and rights.is_referent(user=user, committee=committee):
        return True
    # Editing happens in the admin: without access to it, no page to edit.
    return (
        rights.can_use_admin(user=user) and event.permissions_for_user(user).can_edit()
    )


def answers(*, event: EventPage, status: str) -> QuerySet[Rsvp]:
    """Every answer of a kind, in its order (the waiting list's for WAITLIST)."""
    order = ("waitlisted_at", "pk") if status == WAITLIST else ("created_at", "pk")
    return (
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


@dataclass(frozen=True)
class AnswerCounts:
    going: int  # members going
    guests: int  # the guests they bring
    waitlist: int  # members on the waiting list

    @property
    def taken(self) -> int:
        return self.going + self.guests


def answer_counts(*, event: EventPage) -> AnswerCounts:
    """The answers counted in one query (an index-only range of the event's)."""
    going, waiting = Q(status=GOING), Q(status=WAITLIST)
    row = Rsvp.objects.filter(event=event, status__in=[GOING, WAITLIST]).aggregate(
        going=Count("pk", filter=going),
        guests=Coalesce(Sum("guests", filter=going), 0),
        waitlist=Count("pk", filter=waiting),
    )
    return AnswerCounts(**row)


#: Going members the meetup page names before its link to the full list.
GOING_SHOWN = 12
ATTENDEES_PER_PAGE = 50


def going_first(
    *, event: EventPage, viewer: User, limit: int = GOING_SHOWN
) -> list[Rsvp]:
    """The going members to name first: those the viewer follows (`known` set
    on them), then the latest to answer. Two small indexed queries: one with an
    OR between them reads every answer of the meetup (9,500 rows at 100 ×)."""
    followed = (
        activity.followed_ids(viewer, User)
        .annotate(member=Cast("object_id", IntegerField()))
        .values("member")
    )
    going = Rsvp.objects.filter(event=event, status=GOING).select_related(
        "user__profile"
    )
    known = list(going.filter(user_id__in=followed).order_by("-created_at")[:limit])
    for row in known:
        row.known = True
    seen = {row.pk for row in known}
    latest = [
        row
        for row in going.order_by("-created_at", "-pk")[:limit]
        if row.pk not in seen
    ]
    return (known + latest)[:limit]


def attendees_page(
    *, event: EventPage, viewer: User, status: str, number: str | int | None
) -> Page:
    """A page of the full list of an answer kind, each answer's member with
    `commune_shown` (their commune where they let the viewer see it); raises
    `django.core.paginator.InvalidPage` for a page that does not exist."""
    page_obj = Paginator(answers(event=event, status=status), ATTENDEES_PER_PAGE).page(
        number or 1
    )
    rows = list(page_obj.object_list)
    profiles = [r.user.profile for r in rows if hasattr(r.user, "profile")]
    visible = member_selectors.visible_fields(profiles=profiles, viewer=viewer)
    for row in rows:
        profile = getattr(row.user, "profile", None)
        row.commune_shown = (
            profile.commune
            if profile is not None and visible[profile.user_id]["commune"]
            else None
        )
    page_obj.object_list = rows
    return page_obj


def event_page_context(
    *, event: EventPage, user: User | AnonymousUser
) -> dict[str, Any]:
    """Everything the meetup's page shows its reader: counts, the first going
    members that matter and the reader's own answer; never the whole list
    (`attendees_page`, on its own page)."""
    organisers = [o.member for o in event.organisers.select_related("member__profile")]
    counts = answer_counts(event=event)
    context = {
        "organisers": organisers,
        "counts": counts,
        "taken": counts.taken,
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
    organiser = can_organise(user=user, event=event, organisers=organisers)
    context.update(
        answer=answer,
        # Waiting while places are left: the party is larger than what is left.
        too_many=_too_many(event=event, answer=answer, taken=counts.taken),
        position=waitlist_position(rsvp=answer)
        if answer and answer.status == WAITLIST
        else None,
        going=going_first(event=event, viewer=user) if counts.going else [],
        can_organise=organiser,
        waitlist=list(answers(event=event, status=WAITLIST)[:GOING_SHOWN])
        if organiser and counts.waitlist
        else [],
        guest_choices=range(event.guests_allowed + 1),
        carpool=carpool_of(event=event, user=user, answer=answer),
    )
    return context


def _too_many(*, event: EventPage, answer: Rsvp | None, taken: int) -> dict | None:
    """For a member waiting while some places are left: how many are left, how
    many they are, and the guests they could bring in what is left."""
    if answer is None or answer.status != WAITLIST or event.capacity is None:
        return None
    free = max(event.capacity - taken, 0)
    if not 0 < free < answer.seats:
        return None
    return {"free": free, "seats": answer.seats, "guests_fitting": free - 1}


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
        "communes": commune_choices() if answer is not None else [],
        # (Read only for the forms of a member who answered.)
        "home_commune_id": getattr(getattr(user, "profile", None), "commune_id", None)
        if answer is not None
        else None,
    }


def _prefetch_seats(queryset: QuerySet[CarpoolSeat]) -> Prefetch:
    return Prefetch("seat_requests", queryset=queryset, to_attr="open_seats")
