"""Wagtail's page routing, remembered.

Wagtail finds the page at an address by walking the tree from the site's root, one
query per level and one more for each page's specific row: five queries and a
tenth of a committee page's CPU. The address of a page changes only when a page is
published, unpublished, moved, renamed or deleted, so the page an address leads
to is kept in the cache (its id and type, never its content) under a version that
those events change (`forget`). The page itself is read fresh, in one query, and
routed as Wagtail would route it (`live` checked, a routable page's own view);
view restrictions and the `before_serve_page` hooks run as before. The site comes
from the cache too (`intranet.pages`).
"""

from django.apps import apps
from django.core.cache import cache
from django.http import Http404, HttpRequest
from wagtail.models import Page, Site

from intranet import cache as versions
from intranet import pages

VERSION_KEY = "home:routes-version"
TIMEOUT = 24 * 3600


def _key(request: HttpRequest, path: str) -> str:
    return f"home:route:{versions.version(VERSION_KEY)}:{request.get_host()}:{path}"


def route(request: HttpRequest, path: str) -> None:
    """Route `path` for Wagtail's `serve`, which reads the result the request
    keeps (`_wagtail_route_for_request`), from the cache when it knows it."""
    pages.remember_site(request)
    key = _key(request, path)
    known = cache.get(key)
    if known is not None:
        page_id, label = known
        page = apps.get_model(label).objects.filter(pk=page_id).first()
        if page is not None:
            try:
                request._wagtail_route_for_request = page.route(request, [])  # type: ignore[attr-defined]  # where Wagtail keeps the route of the request
            except Http404:
                request._wagtail_route_for_request = None  # type: ignore[attr-defined]
            return
    result = Page.route_for_request(request, path)
    if result is None:
        return
    page = result[0]
    site = Site.find_for_request(request)
    components = [part for part in path.split("/") if part]
    if site is not None and page.depth - site.root_page.depth == len(components):
        # The address is the page's own, not one of a routable page's views.
        cache.set(key, (page.pk, page._meta.label), TIMEOUT)


def forget() -> None:
    """Every remembered address (a page was published, moved, deleted…)."""
    versions.new_version(VERSION_KEY)
