"""Help entries in the site search: open or settled, those the searcher may see."""

from django.db import connection
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from intranet import fulltext
from intranet.shell import search
from mutualaid import selectors
from mutualaid.models import HelpEntry


def _search(user, query):
    entries = selectors.listed_entries(viewer=user)
    if connection.vendor == "postgresql":
        entries = entries.filter(search_vector=fulltext.search_query(query))
    else:
        entries = entries.filter(
            fulltext.contains_all("title", query)
            | fulltext.contains_all("details", query)
        )
    return entries.select_related("author", "commune").order_by("-created_at", "-pk")


def _to_result(entry: HelpEntry) -> search.Result:
    state = _("open") if entry.is_open else _("settled")
    return search.Result(
        entry.title,
        entry.get_absolute_url(),
        entry.details[:200],
        f"{entry.get_kind_display()} · {entry.commune.name} · {entry.author} · "
        f"{formats.date_format(entry.created_at, 'j F Y')} · {state}",
    )


search.register(
    search.Kind(
        "mutualaid", _("Mutual help"), _search, _to_result, order=55, one_shape=True
    )
)
