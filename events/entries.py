"""How meetups appear in the feeds and on the dashboard."""

import copy

from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
)

from activity import activity
from activity import selectors as activity_selectors
from events import selectors
from events.models import EventPage, Rsvp
from intranet.shell import dashboard, feed, menu

# What the feed may point at.
activity.register(EventPage)

feed.register_verb(
    feed.Verb(activity.SCHEDULED, "events/entries/scheduled.html", series=True)
)
feed.register_verb(feed.Verb(activity.GOING, "events/entries/going.html", group=True))


def _events(viewer):
    # Annotated like the agenda's lists: the entries show places and my answer,
    # never the committee (the entry names it: it is the entry's target).
    return selectors.listing(
        events=selectors.visible_events(), user=viewer, with_committee=False
    )


feed.register_model(EventPage, _events, one_shape=True)


def _network_meetups(viewer) -> Q:
    """Meetups of the whole network reach every "Mon fil" (a committee's reach its
    members and followers through the committee interest of `members`)."""
    return Q(verb=activity.SCHEDULED, target_content_type__isnull=True)


feed.register_interest(_network_meetups)


# The dashboard's next meetups: every upcoming meetup members may open, with its
# places taken, is the same for all and kept in the site cache until a page is
# published, unpublished, moved or deleted, or an answer changes (model signals:
# an answer is saved by several services and the GDPR eraser). What is the
# member's own (their committees, their answers) is read for each request.

MEETUPS = "meetups"
PANEL_MEETUPS = 5


def _upcoming() -> list[EventPage]:
    events = selectors.visible_events().filter(end__gte=timezone.now())
    return list(
        selectors.with_places(events=events)
        .select_related("commune", "committee")
        .order_by("start", "pk")
    )


def _next_meetups(request):
    """The next meetups of the network and of the member's committees, and any
    other they answered (as `selectors.for_member`)."""
    now = timezone.now()
    upcoming = [
        event
        for event in dashboard.shared(MEETUPS, "upcoming", _upcoming)
        if event.end >= now
    ]
    answers = (
        dict(
            Rsvp.objects.filter(
                user=request.user.pk, event_id__in=[event.pk for event in upcoming]
            ).values_list("event_id", "status")
        )
        if upcoming
        else {}
    )
    mine = {
        membership.committee_id
        for membership in activity_selectors.viewer_memberships(viewer=request.user)
    }
    events = [
        event
        for event in upcoming
        if event.committee_id is None
        or event.committee_id in mine
        or answers.get(event.pk) in (selectors.GOING, selectors.WAITLIST)
    ][:PANEL_MEETUPS]
    # Copies: the shared list is the process's, and each gets this member's answer.
    events = [copy.copy(event) for event in events]
    for event in events:
        event.my_status = answers.get(event.pk)
    return {"events": events, "agenda_url": selectors.agenda_url(request=request)}


def _forget_meetups(**kwargs) -> None:
    dashboard.forget(MEETUPS)


for _signal in (page_published, page_unpublished, page_slug_changed, post_page_move):
    _signal.connect(_forget_meetups, dispatch_uid=f"events.meetups.{_signal!r}")
post_delete.connect(_forget_meetups, sender=Page, dispatch_uid="events.meetups.page")
post_save.connect(_forget_meetups, sender=Rsvp, dispatch_uid="events.meetups.saved")
post_save.connect(
    _forget_meetups, sender=PageViewRestriction, dispatch_uid="events.meetups.r"
)
post_delete.connect(
    _forget_meetups, sender=PageViewRestriction, dispatch_uid="events.meetups.r-"
)
post_delete.connect(_forget_meetups, sender=Rsvp, dispatch_uid="events.meetups.gone")


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
