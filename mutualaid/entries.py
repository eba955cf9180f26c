"""How mutual help plugs into the shell: its feed entries (members only: a
visitor sees none, a hidden entry only its author and the moderators), the
dashboard's « Près de chez vous », its entry in the main navigation."""

from django.utils.translation import gettext_lazy as _

from activity import activity
from intranet.links import reverse
from intranet.shell import dashboard, feed, menu, reports
from mutualaid import selectors, services
from mutualaid.models import HelpEntry

activity.register(HelpEntry)

feed.register_verb(
    feed.Verb(services.POSTED, "mutualaid/entries/posted.html", series=True)
)


def _entries(viewer):
    return selectors.visible_entries(viewer=viewer).select_related("commune")


feed.register_model(HelpEntry, _entries)


def _near_me(request):
    if not request.user.is_authenticated:
        return None
    return {"entries": selectors.near_me(viewer=request.user)}


dashboard.register(
    dashboard.Panel(
        "help_near_me", "mutualaid/panels/near_me.html", _near_me, dashboard.SIDE, 8
    )
)

menu.register(
    menu.Entry(
        "mutualaid",
        _("Mutual help"),
        lambda request: reverse("mutualaid:list"),
        50,
        visible=lambda request: request.user.is_authenticated,
    )
)


# Members report an entry to the moderators, who hide it (`activity` stores the
# reports and shows them in the moderation queue).
reports.register(
    reports.Reportable(
        HelpEntry,
        _("help entry"),
        readable=lambda user: selectors.visible_entries(viewer=user).shown(),
        hide=lambda entry, *, by, hidden: services.entry_hide(
            entry=entry, by=by, hidden=hidden
        ),
        title=lambda entry: entry.title,
        text=lambda entry: entry.details or entry.title,
        url=lambda entry: entry.get_absolute_url(),
    )
)
