"""Kinds of results of the site search. Each app registers its own kinds."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.postgres.search import SearchRank, SearchVectorField
from django.db import connection
from django.db.models import Count, F, QuerySet, TextField, Value, Window
from django.db.models.expressions import CombinedExpression, RawSQL
from django.db.models.functions import Concat
from django.db.models.sql.where import WhereNode
from wagtail.models import Page

from intranet import fulltext, pages
from intranet.prepared import Prepared

# Each kind's results are counted up to this many in the overview ("50+").
COUNT_CAP = 50


@dataclass(frozen=True)
class Result:
    title: str
    url: str
    excerpt: str = ""  # plain text (mentions as names: `membertext.excerpt`)
    meta: str = ""


@dataclass(frozen=True)
class Kind:
    """A kind of result: `search(user, query)` returns a queryset or a sequence of
    its own (sliceable, with `count()` and `at_least(n)`: the count, or at least
    `n` when there are more), and `to_result` turns one of its items into a
    `Result`. The search must only return what `user` may see."""

    key: str
    label: str
    search: Callable[[Any, str], Any]
    to_result: Callable[[Any], Result]
    order: int = 100  # where its group stands on the results page
    # Called with the items of a page before `to_result`, to load in one go
    # what they show (the members their text mentions: `membertext.attach_names`).
    prepare: Callable[[list], None] | None = None
    # `first(user, query, n)`: at least the first `n` items of `search`, in its
    # order, when they can be found more cheaply than by `search` (the overview).
    first: Callable[[Any, str, int], Any] | None = None
    # Whether `search` builds the same SQL on PostgreSQL for every active member
    # but their id and the query's words (one text: `fulltext.search_query`): the
    # overview then keeps its SQL per process. A test checks it for each kind.
    one_shape: bool = False


KINDS: list[Kind] = []


def register(kind: Kind) -> None:
    KINDS.append(kind)
    KINDS.sort(key=lambda k: k.order)


def kind_for(key: str) -> Kind | None:
    return next((kind for kind in KINDS if kind.key == key), None)


def results(kind: Kind, items: Any) -> list[Result]:
    items = list(items)
    if kind.prepare is not None:
        kind.prepare(items)
    return [kind.to_result(item) for item in items]


@dataclass(frozen=True)
class Preview:
    """The first results of a kind and how many there are (`capped`: at least)."""

    results: list[Result]
    count: int
    capped: bool = False


def overview(user: Any, query: str, size: int) -> list[tuple[Kind, Preview]]:
    """Every kind that finds something, with its first `size` results and count:
    one query per kind."""
    found = [(kind, preview(kind, user, query, size)) for kind in KINDS]
    return [(kind, each) for kind, each in found if each.count]


def preview(kind: Kind, user: Any, query: str, size: int) -> Preview:
    """The first `size` results of `kind` and their count up to `COUNT_CAP`, in
    one query. A kind's own query matches once: its first COUNT_CAP + 1 rows, in
    the order shown, are chosen in a subquery, and the query around it reads them
    again by id, counts them (a window over those rows) and keeps the first `size`.
    A query joined to several rows per item (the pages' search index on SQLite)
    gets a capped count as a scalar subquery instead. A `one_shape` kind's query
    is built once per process on PostgreSQL (`Prepared`)."""
    rows, count = _first_rows(kind, user, query, size)
    return Preview(results(kind, rows), min(count, COUNT_CAP), count > COUNT_CAP)


def _first_rows(kind: Kind, user: Any, query: str, size: int) -> tuple[list, int]:
    if kind.one_shape and user.is_active and connection.vendor == "postgresql":
        words = " ".join(fulltext.words(query))
        return _counted(_kept(kind, size).objects(viewer=user.pk, words=words))
    if kind.first is not None:
        found = kind.first(user, query, COUNT_CAP + 1)
    else:
        found = kind.search(user, query)
    if isinstance(found, QuerySet) and not _repeats_rows(found):
        return _counted(list(_first_counted(found, size)))
    if isinstance(found, QuerySet):
        # Counted from the query rather than by fetching COUNT_CAP + 1 rows and
        # building each of them.
        some = found.order_by().values("pk")[: COUNT_CAP + 1]
        sql, params = some.query.sql_with_params()
        counted = RawSQL(f"SELECT COUNT(*) FROM ({sql}) AS capped", params)
        return _counted(list(found.annotate(search_total=counted)[:size]))
    # A sequence of the kind's own: it says how many, up to a point.
    count = found.at_least(COUNT_CAP + 1)
    return (list(found[:size]) if count else []), count


def _counted(rows: list) -> tuple[list, int]:
    return rows, rows[0].search_total if rows else 0


def _first_counted(found: QuerySet, size: int) -> QuerySet:
    """The first `size` items of `found`, each with `search_total`: how many of
    its first COUNT_CAP + 1 there are."""
    first = found.values("pk")[: COUNT_CAP + 1]
    again = found.all()
    again.query.where = WhereNode()  # the rows are chosen by `first` alone
    counted = again.filter(pk__in=first).annotate(search_total=Window(Count("*")))
    return counted[:size]


_KEPT: dict[tuple[str, int, int], Prepared] = {}


def _kept(kind: Kind, size: int) -> Prepared:
    """The overview's query of a `one_shape` kind, for a member's id and words."""
    key = (kind.key, size, COUNT_CAP)  # both are written in the SQL
    prepared = _KEPT.get(key)
    if prepared is None:
        prepared = _KEPT[key] = Prepared(
            lambda viewer, words: _first_counted(
                kind.search(get_user_model()(pk=viewer), words), size
            ),
            viewer=int,
            words=str,
        )
    return prepared


def _repeats_rows(found: QuerySet) -> bool:
    """Whether `found` joins a table of several rows per item (a filter through a
    reverse or many-to-many relation): read again by id without its filter, each
    item would come once per joined row."""
    fields: list[Any] = [
        getattr(join, "join_field", None) for join in found.query.alias_map.values()
    ]
    return any(
        field.one_to_many or field.many_to_many for field in fields if field is not None
    )


def page_kind(
    key: str,
    label: str,
    model: type[Page],
    excerpt: Callable[[Any], str],
    *,
    order: int,
    related: tuple[str, ...] = (),
) -> Kind:
    """A kind of result for a Wagtail page type: its published pages outside the
    restricted sections, found in Wagtail's search index. The same for every
    member, so of one shape."""

    def search(user: Any, query: str) -> QuerySet:
        found = model.objects.live().exclude(pages.under_restriction())
        if related:
            found = found.select_related(*related)
        return _indexed(found, query)

    def to_result(page: Any) -> Result:
        return Result(page.title, page.url, excerpt(page))

    return Kind(key, label, search, to_result, order, one_shape=True)


def _indexed(found: QuerySet, query: str) -> QuerySet:
    """The pages of `found` whose entry in Wagtail's search index holds every word
    of `query`. Read here rather than through Wagtail's backend, which writes the
    words into the SQL's shape: a query of ours is built once per process.

    On PostgreSQL, the title and body vectors (French without accents: the
    backend's `SEARCH_CONFIG`), best ranked first, a title counting more the
    shorter it is (Wagtail's `title_norm`); on SQLite, their texts without
    accents, newest first."""
    title, body = F("index_entries__title"), F("index_entries__body")
    if connection.vendor == "postgresql":
        words = fulltext.search_query(query)
        vector = CombinedExpression(title, "||", body, output_field=SearchVectorField())
        rank = SearchRank(title, words) * F("index_entries__title_norm") + SearchRank(
            body, words
        )
        return (
            found.alias(indexed=vector)
            .filter(indexed=words)
            .order_by(rank.desc(), "-pk")
        )
    text = Concat(title, Value(" "), body, output_field=TextField())
    return found.filter(fulltext.contains_all(text, query)).order_by("-pk")
