"""Forum posts in the site search: only shown posts of categories the searcher reads."""

from django.db import connection
from django.db.models import Q
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from forums import selectors
from forums.models import Post, Topic
from intranet import fulltext, membertext
from intranet.shell import search


def _search(user, query):
    posts = Post.objects.shown().filter(
        topic__category__in=selectors.readable_categories(user=user)
    )
    if connection.vendor == "postgresql":
        # Two GIN index scans (messages, titles), each hashed once; the page then
        # walks the messages newest first until it has enough.
        words = fulltext.search_query(query)
        in_body = Post.objects.filter(search_vector=words).order_by().values("pk")
        titled = Topic.objects.filter(search_vector=words).order_by().values("pk")
        posts = posts.filter(Q(pk__in=in_body) | Q(topic_id__in=titled))
    else:
        posts = posts.filter(
            fulltext.contains_all("body", query)
            | fulltext.contains_all("topic__title", query)
        )
    return posts.select_related("topic__category", "author").order_by(
        "-created_at", "-pk"
    )


def _to_result(post):
    return search.Result(
        post.topic.title,
        post.get_absolute_url(),
        membertext.excerpt(post.body, membertext.names_of(post, post.body)),
        f"{post.topic.category} · {post.author} · "
        f"{formats.date_format(post.created_at, 'j F Y')}",
    )


search.register(
    search.Kind(
        "forums",
        _("Forums"),
        _search,
        _to_result,
        order=60,
        prepare=membertext.attach_names,
        one_shape=True,
    )
)
