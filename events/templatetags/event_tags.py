from django import template
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext as _

from events import selectors

register = template.Library()


@register.inclusion_tag("events/includes/committee_events.html", takes_context=True)
def committee_events(context, committee):
    """The committee's next meetups, on its page."""
    request = context["request"]
    return {
        "events": selectors.committee_upcoming(committee=committee, user=request.user),
        "committee": committee,
        "agenda_url": selectors.agenda_url(request=request),
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
