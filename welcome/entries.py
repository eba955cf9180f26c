"""How the newcomer pipeline shows in the shell: the dashboard's panel for
sponsors and référents (the families they accompany and the steps that are late),
the navigation's entry, and the header's counter behind it."""

from django.db.models import Exists
from django.utils.translation import gettext_lazy as _

from intranet.links import reverse
from intranet.shell import dashboard, header, menu
from welcome import selectors


def _accompanied(request):
    # The header's counter (read in its one query, which every page makes) tells
    # whether the member follows any family: most members do not.
    if not header.counts(request)["newcomers"]:
        return None
    projects = selectors.followed_projects(user=request.user)
    if not projects:
        return None
    return {
        "projects": projects[:6],
        "more": max(len(projects) - 6, 0),
        "overdue": list(selectors.overdue_items(user=request.user)[:5]),
    }


dashboard.register(
    dashboard.Panel(
        "newcomers", "welcome/panels/accompanied.html", _accompanied, dashboard.MAIN, 5
    )
)

# Whether the member sponsors or oversees a newcomer family.
header.register(
    header.Counter(
        "newcomers", lambda user: Exists(selectors.followed_by(user=user)), False
    )
)
menu.register(
    menu.Entry(
        "newcomers",
        _("Newcomers"),
        lambda request: reverse("welcome:index"),
        80,
        visible=lambda request: selectors.has_projects(request=request),
    )
)
