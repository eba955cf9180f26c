"""Kinds of results of the site search. Each app registers its own kinds."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from wagtail.models import Page


@dataclass(frozen=True)
class Result:
    title: str
    url: str
    excerpt: str = ""
    meta: str = ""


@dataclass(frozen=True)
class Kind:
    """A kind of result: `search(user, query)` returns something sliceable with a
    `count()`, and `to_result` turns one of its items into a `Result`. The search
    must only return what `user` may see."""

    key: str
    label: str
    search: Callable[[Any, str], Any]
    to_result: Callable[[Any], Result]
    order: int = 100  # where its group stands on the results page


KINDS: list[Kind] = []


def register(kind: Kind) -> None:
    KINDS.append(kind)
    KINDS.sort(key=lambda k: k.order)


def kind_for(key: str) -> Kind | None:
    return next((kind for kind in KINDS if kind.key == key), None)


def results(kind: Kind, items: Any) -> list[Result]:
    return [kind.to_result(item) for item in items]


def page_kind(
    key: str,
    label: str,
    model: type[Page],
    excerpt: Callable[[Any], str],
    *,
    order: int,
    related: tuple[str, ...] = (),
) -> Kind:
    """A kind of result for a Wagtail page type: its published, unrestricted pages."""

    def search(user: Any, query: str) -> Any:
        pages = model.objects.live().public()
        if related:
            pages = pages.select_related(*related)
        return pages.search(query, operator="and")

    def to_result(page: Any) -> Result:
        return Result(page.title, page.url, excerpt(page))

    return Kind(key, label, search, to_result, order)
