"""Missions in the site search: the shown missions a member may read (never for
anyone logged out), newest first; accent-insensitive on both databases."""

from django.db import connection
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from intranet import fulltext, membertext
from intranet.shell import search
from missions import selectors
from missions.models import Mission


def _search(user, query):
    missions = selectors.listed(user=user)
    if connection.vendor == "postgresql":
        words = fulltext.search_query(query)
        found = Mission.objects.filter(search_vector=words).order_by().values("pk")
        missions = missions.filter(pk__in=found)
    else:
        missions = missions.filter(
            fulltext.contains_all("title", query)
            | fulltext.contains_all("description", query)
        )
    return missions.select_related("commune", "author").order_by("-created_at", "-pk")


def _to_result(mission):
    place = mission.commune.name if mission.commune else _("Remote")
    return search.Result(
        mission.title,
        mission.get_absolute_url(),
        membertext.excerpt(mission.description, {}),
        f"{place} · {mission.get_shown_status_display()} · {mission.author} · "
        f"{formats.date_format(mission.created_at, 'j F Y')}",
    )


search.register(
    search.Kind(
        "missions", _("Missions"), _search, _to_result, order=55, one_shape=True
    )
)
