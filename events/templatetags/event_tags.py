from django import template
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext as _

from events import selectors

register = template.Library()


@register.inclusion_tag("events/includes/committee_events.html", takes_context=True)
def committee_events(context, committee):
    """The committee's next meetups, on its page."""
    user = context["request"].user
    return {
        "events": selectors.committee_upcoming(committee, user),
        "committee": committee,
        "agenda": selectors.agenda(),
    }


@register.filter
def when(event) -> str:
    """“jeudi 3 décembre 2026, 19:00 – 22:00”, or the dates of an all-day or
    several-day meetup, in the reader's language and Paris time."""
    start, end = timezone.localtime(event.start), timezone.localtime(event.end)
    day = date_format(start, "l j F Y")
    if event.all_day:
        if event.spans_days:
            return _("%(start)s to %(end)s") % {
                "start": day,
                "end": date_format(end, "l j F Y"),
            }
        return day
    if event.spans_days:
        return _("%(start)s to %(end)s") % {
            "start": f"{day}, {time_format(start)}",
            "end": f"{date_format(end, 'l j F Y')}, {time_format(end)}",
        }
    return f"{day}, {time_format(start)} – {time_format(end)}"


@register.filter
def places(event, taken=None) -> dict:
    """What the places line shows: taken, capacity and whether it is full."""
    taken = event.taken if taken is None else taken
    return {
        "taken": taken,
        "capacity": event.capacity,
        "full": event.capacity is not None and taken >= event.capacity,
    }
