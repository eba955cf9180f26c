"""The notification kinds meetups raise. Dates are written in each recipient's
language and in Paris time."""

from django.utils import timezone, translation
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext_lazy as _

from activity.notifications import notify
from intranet.shell.notices import Channel, Kind, register

PROMOTED = "event_promoted"
REMINDER = "event_reminder"
CARPOOL = "event_carpool"

register(Kind(PROMOTED, _("A place for me on a meetup's waiting list"), Channel.EMAIL))
register(Kind(REMINDER, _("Reminder the day before a meetup I go to"), Channel.EMAIL))
register(Kind(CARPOOL, _("Carpooling: seat requests and answers"), Channel.EMAIL))


def when(event, language: str) -> str:
    """“jeudi 3 décembre 2026, 19:00” (the date alone for an all-day meetup)."""
    start = timezone.localtime(event.start)
    with translation.override(language):
        day = date_format(start, "l j F Y")
        return day if event.all_day else f"{day}, {time_format(start)}"


def _tell(user, kind, text, params, *, event, actor=None, anchor=""):
    notify(
        user,
        kind,
        actor=actor,
        text=text,
        params={"event": event.title, "when": when(event, user.language), **params},
        url=event.url + anchor if event.url else "",
    )


def promoted(rsvp) -> None:
    _tell(
        rsvp.user,
        PROMOTED,
        _("A place freed up: you are now going to “%(event)s” (%(when)s)."),
        {},
        event=rsvp.event,
        anchor="#reponse",
    )


def reminder(rsvp) -> None:
    event = rsvp.event
    _tell(
        rsvp.user,
        REMINDER,
        _("Reminder: “%(event)s” is on %(when)s, at %(venue)s (%(commune)s)."),
        {"venue": event.venue_name, "commune": event.commune.name},
        event=event,
    )


def seat_requested(seat) -> None:
    offer = seat.offer
    _tell(
        offer.driver,
        CARPOOL,
        _("%(name)s asks for a seat in your car to “%(event)s” (%(when)s)."),
        {"name": str(seat.passenger)},
        event=offer.event,
        actor=seat.passenger,
        anchor="#covoiturage",
    )


def seat_decided(seat) -> None:
    offer = seat.offer
    text = (
        _("%(name)s accepted you in their car to “%(event)s” (%(when)s).")
        if seat.status == seat.Status.ACCEPTED
        else _("%(name)s has no seat left for you to “%(event)s” (%(when)s).")
    )
    _tell(
        seat.passenger,
        CARPOOL,
        text,
        {"name": str(offer.driver)},
        event=offer.event,
        actor=offer.driver,
        anchor="#covoiturage",
    )


def seat_cancelled(seat) -> None:
    """The passenger gave up their seat: the driver hears of it."""
    offer = seat.offer
    _tell(
        offer.driver,
        CARPOOL,
        _("%(name)s no longer needs a seat in your car to “%(event)s” (%(when)s)."),
        {"name": str(seat.passenger)},
        event=offer.event,
        actor=seat.passenger,
        anchor="#covoiturage",
    )


def offer_withdrawn(seat) -> None:
    """The driver withdrew their offer: each passenger hears of it."""
    offer = seat.offer
    _tell(
        seat.passenger,
        CARPOOL,
        _(
            "%(name)s no longer drives to “%(event)s” (%(when)s): "
            "look for another ride."
        ),
        {"name": str(offer.driver)},
        event=offer.event,
        actor=offer.driver,
        anchor="#covoiturage",
    )
