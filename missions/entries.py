"""How missions plug into the shell: their feed entries (members only), their
entry in the main navigation, and reports to the moderators."""

from django.utils.translation import gettext_lazy as _

from activity import activity
from intranet.links import reverse
from intranet.shell import feed, menu, reports
from missions import selectors, services
from missions.models import POSTED, Mission

# What the feed may point at.
activity.register(Mission)

feed.register_verb(feed.Verb(POSTED, "missions/entries/posted.html"))


def _missions(viewer):
    # Every shown mission for a member, a hidden one for its author and the
    # moderators; nothing for anyone else (the site's feeds are behind the login,
    # and no public feed reads actions).
    return selectors.readable(user=viewer).select_related("commune")


feed.register_model(Mission, _missions)

menu.register(
    menu.Entry(
        "missions",
        _("Missions"),
        lambda request: reverse("missions:list"),
        55,
        visible=lambda request: request.user.is_authenticated,
    )
)

reports.register(
    reports.Reportable(
        Mission,
        _("mission"),
        readable=lambda user: selectors.readable(user=user).shown(),
        hide=lambda mission, *, by, hidden: services.mission_hide(
            mission=mission, by=by, hidden=hidden
        ),
        title=str,
        text=lambda mission: mission.description,
        url=lambda mission: mission.get_absolute_url(),
    )
)
