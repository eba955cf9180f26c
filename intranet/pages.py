"""Who may read a page, and which site serves it, without queries on every page view.

Wagtail checks a page's view restrictions, its own and its ancestors', each time
the page is served: one query for the ancestors (to resolve aliases), one for their
restrictions. Restrictions are few and rarely change, so which paths carry one is
kept in the cache, with the paths of alias pages (whose restrictions are their
source's: a page under one goes Wagtail's way), and forgotten when a restriction or
an alias is saved or deleted, or a page moves. A page with no restriction above it
then asks nothing; one with a restriction reads it in one query. The site search
leaves out the restricted sections with a subquery (`under_restriction`).

The site (`Site.find_for_request`, which `{% pageurl %}` and routing ask, a query a
request) is kept the same way, by host and port, forgotten when a site changes.
"""

from typing import Any

from django.core.cache import cache
from django.db.models import CharField, Exists, ExpressionWrapper, F, OuterRef, QuerySet
from django.db.models.lookups import StartsWith
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest
from django.http.request import split_domain_port
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import post_page_move

CACHE_KEY = "pages:view-restrictions"
SITES_KEY = "pages:sites"
TIMEOUT = 3600


def _known() -> tuple[list[tuple[str, int]], set[str]]:
    known = cache.get(CACHE_KEY)
    if known is None:
        restricted = list(
            PageViewRestriction.objects.annotate(path=F("page__path")).values_list(
                "path", "pk"
            )
        )
        aliases = set(
            Page.objects.filter(alias_of__isnull=False).values_list("path", flat=True)
        )
        known = (restricted, aliases)
        cache.set(CACHE_KEY, known, TIMEOUT)
    return known


def under_restriction() -> Exists:
    """Whether a page is under a view restriction, its own or an ancestor's (as
    Wagtail's `Page.objects.private_q()`): a subquery whose SQL is the same however
    many restrictions there are, so that a query kept per process (the site
    search's) always sees the current ones."""
    return Exists(
        PageViewRestriction.objects.filter(
            StartsWith(
                ExpressionWrapper(OuterRef("path"), output_field=CharField()),
                F("page__path"),
            )
        )
    )


class ViewRestrictionsFromCache:
    """For page models: Wagtail's `get_view_restrictions`, from the cache."""

    path: str
    depth: int
    alias_of_id: int | None

    def get_view_restrictions(self) -> QuerySet[PageViewRestriction]:
        restricted, aliases = _known()
        ancestry = {
            self.path[: Page.steplen * level] for level in range(1, self.depth + 1)
        }
        if self.alias_of_id is not None or ancestry & aliases:
            return super().get_view_restrictions()  # type: ignore[misc]  # Wagtail's Page, after this mixin
        ids = [pk for path, pk in restricted if path in ancestry]
        if not ids:
            return PageViewRestriction.objects.none()
        return PageViewRestriction.objects.filter(pk__in=ids)


def remember_site(request: HttpRequest) -> None:
    """Give the request its Wagtail site from the cache (`Site.find_for_request`
    reads it from the request first)."""
    if hasattr(request, "_wagtail_site"):
        return
    where = (split_domain_port(request.get_host())[0], request.get_port())
    sites = cache.get(SITES_KEY) or {}
    if where not in sites:
        sites[where] = Site.find_for_request(request)
        cache.set(SITES_KEY, sites, TIMEOUT)
    request._wagtail_site = sites[where]  # type: ignore[attr-defined]  # where Wagtail keeps it


def forget_sites(**kwargs: Any) -> None:
    cache.delete(SITES_KEY)


def forget(**kwargs: Any) -> None:
    cache.delete(CACHE_KEY)


def _page_saved(sender: type, instance: object, **kwargs: Any) -> None:
    if isinstance(instance, Page) and instance.alias_of_id is not None:
        forget()


post_save.connect(forget, sender=PageViewRestriction, dispatch_uid="pages.vr.save")
post_delete.connect(forget, sender=PageViewRestriction, dispatch_uid="pages.vr.del")
post_delete.connect(forget, sender=Page, dispatch_uid="pages.vr.page-del")
post_page_move.connect(forget, dispatch_uid="pages.vr.move")
post_save.connect(forget_sites, sender=Site, dispatch_uid="pages.sites.save")
post_delete.connect(forget_sites, sender=Site, dispatch_uid="pages.sites.del")
post_save.connect(_page_saved, dispatch_uid="pages.vr.alias")
