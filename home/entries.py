"""How the Wagtail site plugs into the shell: news in the feeds, the dashboard's
news panels, the main navigation's sections, and pages in the search."""

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from activity import activity
from committees.selectors import memberships_of
from home import selectors
from home.models import CommitteeIndexPage, NewsPage, StandardPage
from intranet.shell import dashboard, feed, menu, search
from members.selectors import can_invite_somewhere

feed.register_verb(feed.Verb(activity.PUBLISHED, "home/entries/published.html"))


def _news(viewer):
    # .public(): a news an editor restricted in Wagtail never shows in a feed.
    return (
        NewsPage.objects.live()
        .public()
        .select_related("main_image")
        .prefetch_related("main_image__renditions")
    )


feed.register_model(NewsPage, _news)


def _network_news(viewer) -> Q:
    return Q(verb=activity.PUBLISHED, target_content_type__isnull=True)


feed.register_interest(_network_news)


# Fifty committees' local news would drown the network-wide feed: they show in
# their committee's feed and in the "Mon fil" of its members and followers.
feed.register_local_only(Q(verb=activity.PUBLISHED, target_content_type__isnull=False))


# The dashboard: Mon fil (activity) leads the main column; the news lists sit
# beside it.


def _network_news(request):
    return {"news": selectors.attach_committees(news=selectors.network_news()[:5])}


def _committee_news(request):
    committees = [m.committee for m in memberships_of(user=request.user)]
    news = selectors.news_of_committees(committees=committees)[:5]
    return {"news": selectors.attach_committees(news=news)}


def _my_committees(request):
    return {"memberships": list(memberships_of(user=request.user))}


def _shortcuts(request):
    return {
        "committee_index": CommitteeIndexPage.objects.live().filter(depth=3).first(),
        "can_invite": can_invite_somewhere(user=request.user),
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
