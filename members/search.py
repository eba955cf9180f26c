"""Members in the site search: the directory's own search, so only active members,
matched on what every member may see (never on e-mail, phone or a hidden commune)."""

from django.utils.translation import gettext_lazy as _

from intranet.links import reverse
from intranet.shell import search
from members import directory


def _search(user, query):
    found = directory.search(viewer=user, filters=directory.Filters(q=query))
    return found.prefetch_related(None)  # a result shows no skills


def _first(user, query, limit):
    found = directory.first_found(viewer=user, query=query, limit=limit)
    return found.prefetch_related(None)


def _to_result(profile):
    return search.Result(
        profile.name,
        reverse("members:profile_detail", args=[profile.user_id]),
        profile.headline or profile.profession,
    )


search.register(
    search.Kind("members", _("Members"), _search, _to_result, order=40, first=_first)
)
