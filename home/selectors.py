"""Reads of editorial content, with what their templates need already loaded."""

from collections.abc import Iterable

from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Length, Substr
from taggit.models import Tag
from wagtail.models import Page
from wagtail.query import PageQuerySet

from committees.models import CommitteePage
from home.models import NewsIndexPage, NewsPage, NewsPageTag


def _with_parent(news: PageQuerySet) -> QuerySet[NewsPage]:
    parent = Page.objects.filter(
        path=Substr(OuterRef("path"), 1, Length(OuterRef("path")) - Page.steplen)
    )
    return (
        # .public(): a page an editor restricted in Wagtail is never listed.
        news.live()
        .public()
        .select_related("main_image", "author")
        .prefetch_related("tags")
        .annotate(parent_id=Subquery(parent.values("pk")[:1]))
        .order_by("-date", "-first_published_at")
    )


def attach_committees(*, news: Iterable[NewsPage]) -> list[NewsPage]:
    """Give each news of a page of results its committee (None for network news)."""
    items = list(news)
    committees = CommitteePage.objects.in_bulk({n.parent_id for n in items})
    for item in items:
        item.committee = committees.get(item.parent_id)
    return items


def network_news() -> QuerySet[NewsPage]:
    """News published under the network's news index."""
    index = NewsIndexPage.objects.live().first()
    if index is None:
        return NewsPage.objects.none()
    return _with_parent(NewsPage.objects.child_of(index))


def news_of_committees(*, committees: list[CommitteePage]) -> QuerySet[NewsPage]:
    """Local news of the given committees, newest first."""
    if not committees:
        return NewsPage.objects.none()
    paths = Q()
    for committee in committees:
        paths |= Q(path__startswith=committee.path, depth=committee.depth + 1)
    return _with_parent(NewsPage.objects.filter(paths))


def news_list(
    *, tag: str = "", committee: CommitteePage | None = None
) -> QuerySet[NewsPage]:
    news = NewsPage.objects.all()
    if committee is not None:
        news = news.child_of(committee)
    if tag:
        news = news.filter(tags__slug=tag)
    return _with_parent(news)


def news_tags() -> QuerySet[Tag]:
    """Tags used by live news, most used first."""
    return Tag.objects.filter(
        pk__in=NewsPageTag.objects.filter(content_object__live=True).values("tag")
    ).order_by("name")
