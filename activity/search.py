"""Posts in the site search: matched on their text or their comments' text, among
the posts the searcher may read (comments hidden by a moderator do not count)."""

from django.db.models import Exists, OuterRef, Q
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from activity import mentions, selectors
from activity.models import Comment
from intranet.shell import search


def _search(user, query):
    posts = selectors.visible_posts(viewer=user)
    for word in query.split()[:6]:
        in_comment = Comment.objects.filter(
            post=OuterRef("pk"), hidden_at__isnull=True, body__icontains=word
        )
        posts = posts.filter(Q(body__icontains=word) | Exists(in_comment))
    return posts.select_related("author", "committee").order_by("-created_at", "-pk")


def _to_result(post):
    text = post.body
    if mentions.TOKEN.search(text):
        text = mentions.decode(text, mentions.names_for([text]))
    where = post.committee.title if post.committee_id else _("the whole network")
    return search.Result(
        _("Post by %(name)s") % {"name": post.author},
        post.get_absolute_url(),
        text,
        _("%(date)s, to %(where)s")
        % {"date": formats.date_format(post.created_at, "j F Y"), "where": where},
    )


search.register(
    search.Kind("posts", gettext_lazy("Posts"), _search, _to_result, order=50)
)
