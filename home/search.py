"""Site search, grouped by kind of result. Each app adds its kinds with `register`."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


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
    search: Callable
    to_result: Callable[[object], Result]


KINDS: list[Kind] = []


def register(kind: Kind) -> None:
    KINDS.append(kind)


def kind_for(key: str) -> Kind | None:
    return next((kind for kind in KINDS if kind.key == key), None)


def results(kind: Kind, items: Iterable) -> list[Result]:
    return [kind.to_result(item) for item in items]


def page_kind(key, label, model_path, excerpt):
    """A kind of result for a Wagtail page type: its published, unrestricted pages."""

    def search(user, query):
        from django.apps import apps

        model = apps.get_model(model_path)
        pages = model.objects.live().public()
        if model_path == "home.CommitteePage":
            pages = pages.select_related("commune")
        return pages.search(query, operator="and")

    def to_result(page):
        return Result(page.title, page.url, excerpt(page))

    return Kind(key, label, search, to_result)


register(page_kind("news", _("News"), "home.NewsPage", lambda p: p.intro))
register(
    page_kind(
        "committees",
        _("Committees"),
        "home.CommitteePage",
        lambda p: f"{p.commune.name} ({p.commune.postal_code})",
    )
)
register(page_kind("pages", _("Pages"), "home.StandardPage", lambda p: p.intro))
