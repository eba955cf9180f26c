"""Writes of the meetups: answers and the waiting list, reminders, carpooling and
series. Every answer to a meetup locks its row first, so places are counted by
one writer at a time and the last place goes to exactly one member."""

import calendar
from datetime import date, datetime, time, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from activity import activity
from communes.models import Commune
from events import notices, selectors
from events.models import (
    MAX_CAR_SEATS,
    REMINDER_AHEAD,
    CarpoolOffer,
    CarpoolSeat,
    EventPage,
    EventSeries,
    RideRequest,
    Rsvp,
)
from members.models import User

GOING, WAITLIST, NOT_GOING = (
    Rsvp.Status.GOING,
    Rsvp.Status.WAITLIST,
    Rsvp.Status.NOT_GOING,
)


def _locked(event: EventPage) -> EventPage:
    """The meetup, re-read with its row locked until the transaction ends
    (PostgreSQL; SQLite writes one transaction at a time anyway)."""
    return EventPage.objects.select_for_update(of=("self",)).get(pk=event.pk)


def _check_can_answer(event: EventPage, *, going: bool) -> None:
    if not selectors.visible_events().filter(pk=event.pk).exists():
        raise ValidationError(
            _("This meetup is not published: it takes no answers."), code="unpublished"
        )
    now = timezone.now()
    if event.start <= now:
        raise ValidationError(
            _("This meetup has already started: answers are closed."), code="past"
        )
    # Saying you no longer come stays possible until the start: it frees a place.
    if going and now > event.deadline:
        raise ValidationError(
            _("Answers closed on %(date)s.")
            % {
                "date": date_format(
                    timezone.localtime(event.deadline), "DATETIME_FORMAT"
                )
            },
            code="deadline",
        )


def _check_guests(event: EventPage, guests: int) -> None:
    if guests < 0:
        raise ValidationError(
            _("The number of guests cannot be negative."), code="guests"
        )
    if guests > event.guests_allowed:
        message = (
            ngettext(
                "You may bring at most %(count)d guest to this meetup.",
                "You may bring at most %(count)d guests to this meetup.",
                event.guests_allowed,
            )
            % {"count": event.guests_allowed}
            if event.guests_allowed
            else _("This meetup does not take guests.")
        )
        raise ValidationError(message, code="guests")


@transaction.atomic
def rsvp_set(*, event: EventPage, user: User, going: bool, guests: int = 0) -> Rsvp:
    """Answer a meetup. Going takes a place when one fits (with the guests), or a
    spot on the waiting list; leaving, or bringing fewer guests, frees places that
    go to the waiting list at once."""
    event = _locked(event)
    _check_can_answer(event, going=going)
    guests = guests if going else 0
    _check_guests(event, guests)
    now = timezone.now()
    rsvp = Rsvp.objects.filter(event=event, user=user).first() or Rsvp(
        event=event, user=user, created_at=now
    )
    before = rsvp.status if rsvp.pk else None
    if not going:
        status = NOT_GOING
    else:
        free = selectors.places_free(event=event, excluding=user)
        if free is None or 1 + guests <= free:
            status = GOING
        elif before == GOING:
            # They hold a place: asking for more guests than fit must not lose it.
            raise ValidationError(
                ngettext(
                    "Only %(count)d place is left: you can bring at most "
                    "%(guests)d guests.",
                    "Only %(count)d places are left: you can bring at most "
                    "%(guests)d guests.",
                    free,
                )
                % {"count": free, "guests": max(free - 1, 0)},
                code="full",
            )
        else:
            status = WAITLIST
    if status == WAITLIST and before != WAITLIST:
        rsvp.waitlisted_at = now
    elif status != WAITLIST:
        rsvp.waitlisted_at = None
    rsvp.status, rsvp.guests, rsvp.updated_at = status, guests, now
    rsvp.save()
    if status == GOING and before != GOING:
        activity.record(user, activity.GOING, target=event)
    elif before == GOING and status != GOING:
        activity.unrecord(user, activity.GOING, target=event)
        _leave_carpools(event, user)
    _promote(event)
    return rsvp


def _promote(event: EventPage) -> list[Rsvp]:
    """Give freed places to the waiting list, in order: each member whose party
    fits is promoted and told (a party too large for what is left keeps its
    rank while smaller ones behind it go). The caller holds the event's lock."""
    if event.start <= timezone.now():
        return []
    free = selectors.places_free(event=event)
    promoted = []
    waiting = Rsvp.objects.filter(event=event, status=WAITLIST).select_related("user")
    for rsvp in waiting.order_by("waitlisted_at", "pk"):
        if free is not None and free <= 0:
            break
        if free is None or rsvp.seats <= free:
            Rsvp.objects.filter(pk=rsvp.pk).update(
                status=GOING, waitlisted_at=None, promoted_at=timezone.now()
            )
            rsvp.status = GOING
            if free is not None:
                free -= rsvp.seats
            activity.record(rsvp.user, activity.GOING, target=event)
            rsvp.event = event
            notices.promoted(rsvp)
            promoted.append(rsvp)
    return promoted


@transaction.atomic
def event_published(*, event: EventPage, by: User | None) -> None:
    """On every publication: announce the meetup in the feeds the first time, and
    give the waiting list the places a larger capacity opened."""
    if by is not None and not activity.recorded(activity.SCHEDULED, event):
        activity.record(
            by, activity.SCHEDULED, action_object=event, target=event.committee
        )
    _promote(_locked(event))


def reminders_send(*, now: datetime | None = None) -> int:
    """Remind going members of the meetups starting within a day. Each answer is
    claimed (its `reminded_at` set) in the transaction that stores the notice, so
    a second run, even a concurrent one, never reminds anyone twice."""
    now = now or timezone.now()
    due = (
        Rsvp.objects.filter(
            status=GOING,
            reminded_at__isnull=True,
            event__live=True,
            event__start__gt=now,
            event__start__lte=now + REMINDER_AHEAD,
        )
        .select_related("user", "event", "event__commune")
        .order_by("event__start", "pk")
    )
    sent = 0
    for rsvp in due:
        with transaction.atomic():
            claimed = Rsvp.objects.filter(
                pk=rsvp.pk, status=GOING, reminded_at__isnull=True
            ).update(reminded_at=now)
            if claimed:
                notices.reminder(rsvp)
                sent += 1
    return sent


# Carpooling


def _check_carpool_open(event: EventPage) -> None:
    if event.start <= timezone.now() or not event.live:
        raise ValidationError(
            _("This meetup has already started: carpooling is closed."), code="past"
        )


def _require_going(event: EventPage, user: User) -> None:
    if not Rsvp.objects.filter(event=event, user=user, status=GOING).exists():
        raise ValidationError(
            _("Carpooling is for those who go: answer “I'm going” first."),
            code="not_going",
        )


@transaction.atomic
def offer_create(
    *,
    event: EventPage,
    driver: User,
    commune: Commune,
    departure: time,
    seats: int,
    note: str = "",
) -> CarpoolOffer:
    _check_carpool_open(event)
    _require_going(event, driver)
    if not 1 <= seats <= MAX_CAR_SEATS:
        raise ValidationError(
            _("Offer between 1 and %(max)d seats.") % {"max": MAX_CAR_SEATS},
            code="seats",
        )
    if CarpoolOffer.objects.filter(
        event=event, driver=driver, cancelled_at__isnull=True
    ).exists():
        raise ValidationError(
            _("You already offer seats to this meetup: withdraw that offer first."),
            code="duplicate",
        )
    RideRequest.objects.filter(event=event, user=driver).delete()  # they drive
    return CarpoolOffer.objects.create(
        event=event,
        driver=driver,
        commune=commune,
        departure=departure,
        seats=seats,
        note=note.strip()[:300],
    )


def _withdraw(offer: CarpoolOffer) -> None:
    offer.cancelled_at = timezone.now()
    offer.save(update_fields=["cancelled_at"])
    for seat in offer.seat_requests.filter(
        status__in=[CarpoolSeat.Status.PENDING, CarpoolSeat.Status.ACCEPTED]
    ).select_related("passenger"):
        seat.status, seat.decided_at = CarpoolSeat.Status.CANCELLED, timezone.now()
        seat.save(update_fields=["status", "decided_at"])
        seat.offer = offer
        notices.offer_withdrawn(seat)


@transaction.atomic
def offer_withdraw(*, offer: CarpoolOffer, by: User) -> None:
    if offer.driver_id != by.pk:
        raise PermissionDenied
    if offer.cancelled_at is None:
        _withdraw(offer)


def _accepted(offer: CarpoolOffer) -> int:
    return offer.seat_requests.filter(status=CarpoolSeat.Status.ACCEPTED).count()


def _car_full() -> ValidationError:
    return ValidationError(_("This car is full: every seat is taken."), code="full")


@transaction.atomic
def seat_request(*, offer: CarpoolOffer, passenger: User) -> CarpoolSeat:
    offer = (
        CarpoolOffer.objects.select_for_update()
        .select_related("event")
        .get(pk=offer.pk)
    )
    if offer.cancelled_at is not None:
        raise ValidationError(_("The driver withdrew this offer."), code="withdrawn")
    _check_carpool_open(offer.event)
    if offer.driver_id == passenger.pk:
        raise ValidationError(_("This is your own car."), code="own")
    _require_going(offer.event, passenger)
    if CarpoolSeat.objects.filter(
        offer__event=offer.event,
        passenger=passenger,
        status__in=[CarpoolSeat.Status.PENDING, CarpoolSeat.Status.ACCEPTED],
    ).exists():
        raise ValidationError(
            _(
                "You already asked for a seat to this meetup: cancel that request "
                "to ask another driver."
            ),
            code="duplicate",
        )
    if _accepted(offer) >= offer.seats:
        raise _car_full()
    seat = CarpoolSeat.objects.create(offer=offer, passenger=passenger)
    notices.seat_requested(seat)
    return seat


@transaction.atomic
def seat_decide(*, seat: CarpoolSeat, by: User, accept: bool) -> CarpoolSeat:
    """The driver accepts or declines; accepted seats never exceed the offer (the
    offer's row is locked while they are counted)."""
    offer = (
        CarpoolOffer.objects.select_for_update()
        .select_related("event")
        .get(pk=seat.offer_id)
    )
    if offer.driver_id != by.pk:
        raise PermissionDenied
    seat = CarpoolSeat.objects.select_related("passenger").get(pk=seat.pk)
    if seat.status != CarpoolSeat.Status.PENDING or offer.cancelled_at is not None:
        raise ValidationError(
            _("This request was already answered or cancelled."), code="decided"
        )
    if accept and _accepted(offer) >= offer.seats:
        raise _car_full()
    seat.status = CarpoolSeat.Status.ACCEPTED if accept else CarpoolSeat.Status.DECLINED
    seat.decided_at = timezone.now()
    seat.save(update_fields=["status", "decided_at"])
    if accept:  # they have their ride
        RideRequest.objects.filter(event=offer.event, user=seat.passenger).delete()
    seat.offer = offer
    notices.seat_decided(seat)
    return seat


@transaction.atomic
def seat_cancel(*, seat: CarpoolSeat, by: User) -> None:
    if seat.passenger_id != by.pk:
        raise PermissionDenied
    if seat.is_open:
        _cancel_seat(seat)


def _cancel_seat(seat: CarpoolSeat) -> None:
    seat.status, seat.decided_at = CarpoolSeat.Status.CANCELLED, timezone.now()
    seat.save(update_fields=["status", "decided_at"])
    notices.seat_cancelled(seat)


@transaction.atomic
def ride_request_set(
    *, event: EventPage, user: User, commune: Commune, note: str = ""
) -> RideRequest:
    _check_carpool_open(event)
    _require_going(event, user)
    ride, _created = RideRequest.objects.update_or_create(
        event=event, user=user, defaults={"commune": commune, "note": note.strip()}
    )
    return ride


def ride_request_cancel(*, event: EventPage, user: User) -> None:
    RideRequest.objects.filter(event=event, user=user).delete()


def _leave_carpools(event: EventPage, user: User) -> None:
    """A member who no longer goes neither drives nor rides: the other side hears."""
    for offer in CarpoolOffer.objects.filter(
        event=event, driver=user, cancelled_at__isnull=True
    ):
        _withdraw(offer)
    for seat in CarpoolSeat.objects.filter(
        offer__event=event,
        passenger=user,
        status__in=[CarpoolSeat.Status.PENDING, CarpoolSeat.Status.ACCEPTED],
    ).select_related("offer__driver", "offer__event", "passenger"):
        _cancel_seat(seat)
    RideRequest.objects.filter(event=event, user=user).delete()


def member_leave_all(*, user: User) -> None:
    """Before an erasure: the member leaves every coming meetup the usual way, so
    their places go to the waiting lists and their carpools hear of it."""
    coming = Rsvp.objects.filter(
        user=user, status__in=[GOING, WAITLIST], event__start__gt=timezone.now()
    ).select_related("event")
    for rsvp in coming:
        rsvp_set(event=rsvp.event, user=user, going=False)


# Series


class Repeat:
    WEEKLY = "weekly"
    FORTNIGHTLY = "fortnightly"
    MONTHLY_WEEKDAY = "monthly_weekday"
    MONTHLY_DAY = "monthly_day"

    choices = [
        (WEEKLY, gettext_lazy("Every week")),
        (FORTNIGHTLY, gettext_lazy("Every two weeks")),
        (
            MONTHLY_WEEKDAY,
            gettext_lazy("Every month, on the same weekday (e.g. the first Thursday)"),
        ),
        (MONTHLY_DAY, gettext_lazy("Every month, on the same date")),
    ]


MAX_SERIES = 24


def month_start(*, day: date, months: int = 0) -> date:
    """The first day of the month `months` after (or before) `day`'s."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def series_dates(*, first: date, rule: str, count: int) -> list[date]:
    """The `count` dates of a series starting on `first` (included). A monthly
    "fifth Thursday" becomes the month's last Thursday; a "31st" falls on the
    month's last day."""
    if rule in (Repeat.WEEKLY, Repeat.FORTNIGHTLY):
        step = timedelta(weeks=1 if rule == Repeat.WEEKLY else 2)
        return [first + step * n for n in range(count)]
    dates = []
    for n in range(count):
        month_first = month_start(day=first, months=n)
        year, month = month_first.year, month_first.month
        length = calendar.monthrange(year, month)[1]
        if rule == Repeat.MONTHLY_DAY:
            dates.append(date(year, month, min(first.day, length)))
            continue
        rank = (first.day - 1) // 7  # 0: first Thursday… 4: fifth, i.e. last
        days = [
            day
            for day in range(1, length + 1)
            if date(year, month, day).weekday() == first.weekday()
        ]
        dates.append(date(year, month, days[min(rank, len(days) - 1)]))
    return dates


@transaction.atomic
def series_create(
    *, event: EventPage, by: User, rule: str, count: int, publish: bool
) -> list[EventPage]:
    """Copy `event` to the next dates of a series (each its own meetup with its own
    answers), beside it in the tree, at the same local time; published when asked
    and allowed, otherwise drafts (for the committee's approval workflow)."""
    parent = event.get_parent()
    if not parent.permissions_for_user(by).can_add_subpage():
        raise PermissionDenied
    if rule not in dict(Repeat.choices):
        raise ValidationError(_("Choose how the meetup repeats."), code="rule")
    if not 2 <= count <= MAX_SERIES:
        raise ValidationError(
            _("A series has between 2 and %(max)d dates.") % {"max": MAX_SERIES},
            code="count",
        )
    publish = publish and parent.permissions_for_user(by).can_publish_subpage()
    series = event.series or EventSeries.objects.create(
        title=event.title, rule=rule, created_by=by
    )
    EventPage.objects.filter(pk=event.pk).update(series=series)
    start = timezone.localtime(event.start)
    end = timezone.localtime(event.end)
    deadline_ahead = event.start - event.rsvp_deadline if event.rsvp_deadline else None
    taken = set(parent.get_children().values_list("slug", flat=True))
    planned = {  # a date the series already has is not made twice
        timezone.localtime(moment).date()
        for moment in EventPage.objects.filter(series=series).values_list(
            "start", flat=True
        )
    }
    created = []
    for day in series_dates(first=start.date(), rule=rule, count=count)[1:]:
        if day in planned:
            continue
        new_start = timezone.make_aware(datetime.combine(day, start.time()))
        new_end = timezone.make_aware(
            datetime.combine(day + (end.date() - start.date()), end.time())
        )
        slug = _free_slug(f"{slugify(event.title)[:60]}-{day:%Y-%m-%d}", taken)
        copy = event.copy(
            to=parent,
            update_attrs={
                "slug": slug,
                "start": new_start,
                "end": new_end,
                "rsvp_deadline": new_start - deadline_ahead if deadline_ahead else None,
                "series": series,
            },
            keep_live=False,
            copy_revisions=False,
            user=by,
        ).specific
        revision = copy.save_revision(user=by)
        if publish:
            revision.publish(user=by)
            copy.refresh_from_db()
        created.append(copy)
    return created


def _free_slug(slug: str, taken: set[str]) -> str:
    candidate, n = slug, 2
    while candidate in taken:
        candidate, n = f"{slug}-{n}", n + 1
    taken.add(candidate)
    return candidate
