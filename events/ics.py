"""iCalendar (RFC 5545) files: one meetup, or a member's personal feed."""

from datetime import timedelta
from html import unescape
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from django.utils.html import strip_tags
from icalendar import Calendar, Event

from intranet.mail import absolute_url

PRODID = "-//Sohosolo//Intranet//FR"


def _domain() -> str:
    return urlsplit(settings.BASE_URL).hostname or "sohosolo"


def _location(event) -> str:
    parts = [event.venue_name, event.address, f"{event.commune.postal_code} "
             f"{event.commune.name}".strip()]  # fmt: skip
    return ", ".join(part for part in parts if part)


def _vevent(event, domain: str, stamp) -> Event:
    vevent = Event()
    vevent.add("uid", f"event-{event.pk}@{domain}")
    vevent.add("dtstamp", stamp)
    if event.all_day:
        vevent.add("dtstart", timezone.localtime(event.start).date())
        # DTEND of an all-day event is the day after the last (exclusive).
        vevent.add("dtend", event.last_day + timedelta(days=1))
    else:
        vevent.add("dtstart", timezone.localtime(event.start))
        vevent.add("dtend", timezone.localtime(event.end))
    vevent.add("summary", event.title)
    vevent.add("location", _location(event))
    description = unescape(strip_tags(event.description)).strip()
    url = absolute_url(event.url) if event.url else ""
    vevent.add("description", "\n\n".join(p for p in (description, url) if p))
    if url:
        vevent.add("url", url)
    vevent.add("status", "CONFIRMED")
    vevent.add("last-modified", event.last_published_at or stamp)
    return vevent


def calendar(events, *, name: str) -> bytes:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", settings.TIME_ZONE)
    domain, stamp = _domain(), timezone.now()
    for event in events:
        cal.add_component(_vevent(event, domain, stamp))
    cal.add_missing_timezones()  # the VTIMEZONE of Europe/Paris
    return cal.to_ical()
