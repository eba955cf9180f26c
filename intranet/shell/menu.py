"""Entries of the main navigation. Each app registers its own; the navigation
shows those visible to the member, in order, the current one marked.

Wagtail index pages (news, agenda, committees) are found by their page type:
`section_url` reads the addresses of every top-level section in one cached query,
forgotten whenever a page is published, unpublished, moved or deleted."""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.cache import cache
from django.http import HttpRequest
from wagtail.models import Page

SECTIONS_CACHE_KEY = "shell:section-urls"
SECTION_DEPTH = 3  # the children of the home page


@dataclass(frozen=True)
class Entry:
    key: str
    label: str
    url: Callable[[HttpRequest], str]  # an empty address hides the entry
    order: int = 100
    visible: Callable[[HttpRequest], bool] | None = None
    badge: str = ""  # a counter of `shell.header` shown beside the label…
    badge_label: str = ""  # …and what it counts, for screen readers
    badge_hook: str = ""  # the attribute scripts find the badge by, to update it


ENTRIES: list[Entry] = []


def register(entry: Entry) -> None:
    ENTRIES.append(entry)
    ENTRIES.sort(key=lambda e: e.order)


def entries_for(request: HttpRequest) -> list[tuple[Entry, str]]:
    """The visible entries with their addresses, in order."""
    shown = []
    for entry in ENTRIES:
        if entry.visible is not None and not entry.visible(request):
            continue
        url = entry.url(request)
        if url:
            shown.append((entry, url))
    return shown


def section_url(request: HttpRequest, page_type: str) -> str:
    """The address of the live top-level page of `page_type` ("app.Model"), or "".
    Read from the cache once a request (the navigation asks for four sections)."""
    urls = getattr(request, "_section_urls", None)
    if urls is None:
        urls = cache.get(SECTIONS_CACHE_KEY)
    if urls is None:
        urls = {}
        sections = Page.objects.live().filter(depth=SECTION_DEPTH).order_by("path")
        for page in sections.only("url_path", "content_type"):
            label = page.specific_class._meta.label
            urls.setdefault(label, page.get_url(request) or "")
        cache.set(SECTIONS_CACHE_KEY, urls, 300)
    request._section_urls = urls  # type: ignore[attr-defined]  # a per-request memo
    return urls.get(page_type, "")


def forget_sections() -> None:
    cache.delete(SECTIONS_CACHE_KEY)
