"""How committees and news appear in the feeds."""

from django.db.models import Q

from activity import activity, feed
from home.models import CommitteePage, NewsPage

feed.register_verb(feed.Verb(activity.PUBLISHED, "home/entries/published.html"))


def _committees(viewer):
    return CommitteePage.objects.live()


def _news(viewer):
    # .public(): a news an editor restricted in Wagtail never shows in a feed.
    return (
        NewsPage.objects.live()
        .public()
        .select_related("main_image")
        .prefetch_related("main_image__renditions")
    )


feed.register_model(CommitteePage, _committees)
feed.register_model(NewsPage, _news)


def _network_news(viewer) -> Q:
    return Q(verb=activity.PUBLISHED, target_content_type__isnull=True)


feed.register_interest(_network_news)


# Fifty committees' local news would drown the network-wide feed: they show in
# their committee's feed and in the "Mon fil" of its members and followers.
feed.register_local_only(Q(verb=activity.PUBLISHED, target_content_type__isnull=False))
