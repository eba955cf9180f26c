"""How the Wagtail site plugs into the shell: news in the feeds, the dashboard's
news panels, the main navigation's sections, and pages in the search."""

from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Left, Length
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import PageViewRestriction

from activity import activity
from activity import selectors as activity_selectors
from committees.models import CommitteeMembership, CommitteePage
from home import review, selectors
from home.models import NewsPage, StandardPage
from intranet.links import reverse
from intranet.shell import dashboard, feed, header, menu, search
from members.selectors import can_invite_from

feed.register_verb(
    feed.Verb(activity.PUBLISHED, "home/entries/published.html", series=True)
)


def _news(viewer):
    # Not public(): a news an editor restricted in Wagtail never shows in a feed,
    # tested in a subquery rather than a query of every restriction first.
    restricted = PageViewRestriction.objects.filter(
        page__path=Left(OuterRef("path"), Length("page__path"))
    )
    return (
        NewsPage.objects.live()
        .exclude(Exists(restricted))
        .select_related("main_image")
        .prefetch_related("main_image__renditions")
    )


feed.register_model(NewsPage, _news, one_shape=True)


def _network_news(viewer) -> Q:
    return Q(verb=activity.PUBLISHED, target_content_type__isnull=True)


feed.register_interest(_network_news)


# Fifty committees' local news would drown the network-wide feed: they show in
# their committee's feed and in the "Mon fil" of its members and followers.
feed.register_local_only(Q(verb=activity.PUBLISHED, target_content_type__isnull=False))


# The dashboard: Mon fil (activity) leads the main column; the news lists sit
# beside it. The news lists are the same for every member (network news) or every
# member of a committee (its local news): their HTML is kept in the site cache, per
# language, until a page is published, unpublished, moved or deleted
# (`home.wagtail_hooks`).

NEWS = "news"
PANEL_NEWS = 5


def _news_html(news) -> str:
    return render_to_string("home/panels/news_items.html", {"news_list": news})


def _network_news(request):
    def compute() -> str:
        news = selectors.attach_committees(news=selectors.network_news()[:PANEL_NEWS])
        return _news_html(news)

    html = dashboard.shared(NEWS, f"network:{get_language()}", compute)
    return {"html": html}


def _committee_items(committee: CommitteePage) -> list[tuple[str, str]]:
    """The latest news of one committee, each as (its place in a merge, its HTML)."""
    news = selectors.news_of_committees(committees=[committee])[:PANEL_NEWS]
    return [
        (f"{item.date.isoformat()} {item.first_published_at or ''}", html)
        for item in selectors.attach_committees(news=news)
        for html in [_news_html([item])]
    ]


def _committee_news(request):
    items = []
    for membership in member_committees(request):
        committee = membership.committee
        items += dashboard.shared(
            NEWS,
            f"committee:{committee.pk}:{get_language()}",
            lambda committee=committee: _committee_items(committee),
        )
    items.sort(reverse=True)
    return {"html": "".join(html for _order, html in items[:PANEL_NEWS])}


def member_committees(request) -> list[CommitteeMembership]:
    """The member's memberships of live committees, by name (read once a request)."""
    return [
        membership
        for membership in activity_selectors.viewer_memberships(viewer=request.user)
        if membership.committee.live
    ]


def _my_committees(request):
    return {"memberships": member_committees(request)}


def _shortcuts(request):
    return {
        "committee_index_url": menu.section_url(request, "home.CommitteeIndexPage"),
        "can_invite": can_invite_from(request=request),
    }


dashboard.register(
    dashboard.Panel(
        "network_news", "home/panels/network_news.html", _network_news,
        dashboard.SIDE, 20,
    )
)  # fmt: skip
dashboard.register(
    dashboard.Panel(
        "committee_news", "home/panels/committee_news.html", _committee_news,
        dashboard.SIDE, 30,
    )
)  # fmt: skip
dashboard.register(
    dashboard.Panel(
        "my_committees", "home/panels/my_committees.html", _my_committees,
        dashboard.SIDE, 10,
    )
)  # fmt: skip
dashboard.register(
    dashboard.Panel(
        "shortcuts", "home/panels/shortcuts.html", _shortcuts, dashboard.SIDE, 90
    )
)


# « À relire »: the pages waiting for the member's review. Whether any waits is
# read with the header's counters (one query every page makes anyway), so members
# who review nothing pay nothing.
header.register(
    header.Counter(
        "reviews", lambda user: header.count_of(review.waiting_for(user=user))
    )
)


def _to_review(request):
    count = header.counts(request)["reviews"]
    if not count:
        return None
    return {"pages": review.pages_waiting_for(user=request.user), "count": count}


dashboard.register(
    dashboard.Panel(
        "to_review", "home/panels/to_review.html", _to_review, dashboard.MAIN, 3
    )
)


# The main navigation's entries that are pages of the site, and the search.


def _section(page_type: str):
    return lambda request: menu.section_url(request, page_type)


menu.register(menu.Entry("home", _("Home"), lambda request: "/", 0))
menu.register(menu.Entry("news", _("News"), _section("home.NewsIndexPage"), 10))
menu.register(
    menu.Entry("committees", _("Committees"), _section("home.CommitteeIndexPage"), 30)
)
menu.register(
    menu.Entry("search", _("Search"), lambda request: reverse("home:search"), 70)
)


# The site search: news and standard pages (committees register their own).

search.register(
    search.page_kind("news", _("News"), NewsPage, lambda page: page.intro, order=10)
)
search.register(
    search.page_kind(
        "pages", _("Pages"), StandardPage, lambda page: page.intro, order=30
    )
)
