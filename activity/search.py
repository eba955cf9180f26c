"""Posts in the site search: matched on their text or one comment's text (every word
in one of them), among the posts the searcher may read (comments hidden by a
moderator do not count)."""

from django.db import connection
from django.db.models import Exists, OuterRef, Q
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from activity import selectors
from activity.models import Comment, FeedPost
from intranet import fulltext, membertext
from intranet.shell import search
from intranet.text import elide


def _search(user, query):
    posts = selectors.visible_posts(viewer=user)
    shown_comments = Comment.objects.filter(hidden_at__isnull=True)
    if connection.vendor == "postgresql":
        # GIN index scans of posts and comments, each hashed once, not a scan of
        # every post's text.
        words = fulltext.search_query(query)
        in_post = FeedPost.objects.filter(search_vector=words).order_by()
        in_comment = shown_comments.filter(search_vector=words).order_by()
        posts = posts.filter(
            Q(pk__in=in_post.values("pk")) | Q(pk__in=in_comment.values("post_id"))
        )
    else:
        in_comment = shown_comments.filter(
            fulltext.contains_all("body", query), post=OuterRef("pk")
        )
        posts = posts.filter(fulltext.contains_all("body", query) | Exists(in_comment))
    return posts.select_related("author", "committee").order_by("-created_at", "-pk")


def _to_result(post):
    where = post.committee.title if post.committee_id else _("the whole network")
    return search.Result(
        elide(_("Post by %(name)s") % {"name": post.author}),
        post.get_absolute_url(),
        membertext.excerpt(post.body, membertext.names_of(post, post.body)),
        _("%(date)s, to %(where)s")
        % {"date": formats.date_format(post.created_at, "j F Y"), "where": where},
    )


search.register(
    search.Kind(
        "posts",
        gettext_lazy("Posts"),
        _search,
        _to_result,
        order=50,
        prepare=membertext.attach_names,
        one_shape=True,
    )
)
