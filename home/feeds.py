"""Private RSS feeds of news: the secret token in the URL stands for a login."""

from django.contrib.auth.decorators import login_not_required
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from committees.models import CommitteePage
from home import selectors
from intranet.mail import absolute_url
from members.selectors import user_for_feed_token

FEED_LENGTH = 30


class NewsFeed(Feed):
    """The network's news, or one committee's local news when a slug is given."""

    language = "fr"

    def get_object(self, request, token, pk=None):
        if user_for_feed_token(key=token) is None:
            raise Http404
        if pk is None:
            return None
        return get_object_or_404(CommitteePage.objects.live(), pk=pk)

    def title(self, committee):
        return (
            _("%(committee)s — news") % {"committee": committee.title}
            if committee
            else _("Sohosolo — network news")
        )

    def link(self, committee):
        return absolute_url(committee.url if committee else "/")

    def description(self, committee):
        return _("News of the Sohosolo network of remote workers in the Gers.")

    def items(self, committee):
        news = (
            selectors.news_of_committees(committees=[committee])
            if committee
            else selectors.network_news()
        )
        return news[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return absolute_url(item.url)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_author_name(self, item):
        return item.author.get_full_name() if item.author else None


news_feed = login_not_required(NewsFeed())
