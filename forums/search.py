"""Forum posts in the site search: only shown posts of categories the searcher reads."""

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import Q
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from activity import mentions
from forums import selectors
from forums.models import Post, Topic
from intranet.shell import search


def _search(user, query):
    posts = Post.objects.shown().filter(
        topic__category__in=selectors.readable_categories(user=user)
    )
    if connection.vendor == "postgresql":
        # French stemming, through the GIN index of migration 0003.
        words = SearchQuery(query, config="french", search_type="plain")
        in_titles = Topic.objects.annotate(
            found=SearchVector("title", config="french")
        ).filter(found=words)
        posts = posts.annotate(found=SearchVector("body", config="french")).filter(
            Q(found=words) | Q(topic__in=in_titles)
        )
    else:
        for word in query.split()[:6]:
            posts = posts.filter(
                Q(body__icontains=word) | Q(topic__title__icontains=word)
            )
    return posts.select_related("topic__category", "author").order_by("-created_at")


def _to_result(post):
    text = post.body
    if mentions.TOKEN.search(text):
        text = mentions.decode(text, mentions.names_for([text]))
    return search.Result(
        post.topic.title,
        post.get_absolute_url(),
        text,
        f"{post.topic.category} · {post.author} · "
        f"{formats.date_format(post.created_at, 'j F Y')}",
    )


search.register(search.Kind("forums", _("Forums"), _search, _to_result, order=60))
