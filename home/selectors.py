"""Reads of editorial content, with what their templates need already loaded."""

from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Length, Substr
from taggit.models import Tag
from wagtail.models import Page

from home.models import CommitteePage, NewsIndexPage, NewsPage, NewsPageTag


def _with_parent(news: QuerySet[NewsPage]) -> QuerySet[NewsPage]:
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


def attach_committees(news) -> list[NewsPage]:
    """Give each news of a page of results its committee (None for network news)."""
    news = list(news)
    committees = CommitteePage.objects.in_bulk({n.parent_id for n in news})
    for item in news:
        item.committee = committees.get(item.parent_id)
    return news


def network_news() -> QuerySet[NewsPage]:
    """News published under the network's news index."""
    index = NewsIndexPage.objects.live().first()
    if index is None:
        return NewsPage.objects.none()
    return _with_parent(NewsPage.objects.child_of(index))


def news_of_committees(committees) -> QuerySet[NewsPage]:
    """Local news of the given committees, newest first."""
    if not committees:
        return NewsPage.objects.none()
    paths = Q()
    for committee in committees:
        paths |= Q(path__startswith=committee.path, depth=committee.depth + 1)
    return _with_parent(NewsPage.objects.filter(paths))


def news_list(*, tag: str = "", committee: CommitteePage | None = None):
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


NAV_CACHE_KEY = "home:section-urls"


def section_urls(request) -> dict[str, str]:
    """The addresses of the news, agenda and committee indexes, cached: they appear
    on every page and change only when an editor publishes, moves or deletes
    those pages (see home.wagtail_hooks)."""
    from django.core.cache import cache
    from wagtail.models import Page

    from events.models import EventIndexPage
    from home.models import CommitteeIndexPage, NewsIndexPage

    urls = cache.get(NAV_CACHE_KEY)
    if urls is None:
        keys = {NewsIndexPage: "news", EventIndexPage: "agenda",
                CommitteeIndexPage: "committees"}  # fmt: skip
        urls = dict.fromkeys(keys.values(), "")
        sections = Page.objects.live().filter(depth=3).type(*keys).order_by("path")
        for page in sections.only("url_path", "content_type"):
            key = keys[page.specific_class]
            urls[key] = urls[key] or page.get_url(request)
        cache.set(NAV_CACHE_KEY, urls, 300)
    return urls


def header_counts(request) -> dict[str, int]:
    """The unread notifications (the bell) and chat messages (the navigation) of
    the page's member, and whether they follow newcomers (the navigation), in one
    query, once per request."""
    counts = getattr(request, "_header_counts", None)
    if counts is None:
        from django.db.models import Exists, F, Func, Subquery
        from django.db.models.functions import Coalesce

        from activity.models import Notification
        from chat.selectors import unread_messages
        from members.models import User
        from welcome.selectors import followed_by

        def count(queryset):
            counted = queryset.order_by().annotate(n=Func(F("pk"), function="COUNT"))
            return Coalesce(Subquery(counted.values("n")), 0)

        user = request.user
        notifications = Notification.objects.filter(
            recipient=user.pk, read_at__isnull=True
        )
        counts = (
            User.objects.filter(pk=user.pk)
            .annotate(
                unread_notifications=count(notifications),
                unread_messages=count(unread_messages(user)),
                newcomers=Exists(followed_by(user)),
            )
            .values("unread_notifications", "unread_messages", "newcomers")
            .first()
        ) or {}
        counts = {
            "notifications": counts.get("unread_notifications", 0),
            "messages": counts.get("unread_messages", 0),
            # Whether the member sponsors or oversees a newcomer family.
            "newcomers": counts.get("newcomers", False),
        }
        request._header_counts = counts
    return counts
