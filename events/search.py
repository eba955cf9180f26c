"""Meetups in the site search."""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from events.models import EventPage
from intranet.shell import search


def _excerpt(event) -> str:
    day = date_format(timezone.localtime(event.start), "l j F Y")
    return f"{day} · {event.venue_name}"


search.register(search.page_kind("events", _("Meetups"), EventPage, _excerpt, order=70))
