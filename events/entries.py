"""How meetups appear in the feeds and on the dashboard."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from activity import activity
from events import selectors
from events.models import EventPage
from intranet.shell import dashboard, feed, menu

# What the feed may point at.
activity.register(EventPage)

feed.register_verb(feed.Verb(activity.SCHEDULED, "events/entries/scheduled.html"))
feed.register_verb(feed.Verb(activity.GOING, "events/entries/going.html", group=True))


def _events(viewer):
    # Annotated like the agenda's lists: the entries show places and my answer.
    return selectors.listing(events=selectors.visible_events(), user=viewer)


feed.register_model(EventPage, _events)


def _network_meetups(viewer) -> Q:
    """Meetups of the whole network reach every "Mon fil" (a committee's reach its
    members and followers through the committee interest of `members`)."""
    return Q(verb=activity.SCHEDULED, target_content_type__isnull=True)


feed.register_interest(_network_meetups)


def _next_meetups(request):
    return {
        "events": selectors.for_member(user=request.user),
        "agenda_url": selectors.agenda_url(request=request),
    }


dashboard.register(
    dashboard.Panel(
        "next_meetups", "events/panels/next_meetups.html", _next_meetups,
        dashboard.SIDE, 5,
    )
)  # fmt: skip


menu.register(
    menu.Entry(
        "agenda",
        _("Agenda"),
        lambda request: menu.section_url(request, "events.EventIndexPage"),
        20,
    )
)
