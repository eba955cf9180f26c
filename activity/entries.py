"""How posts and comments appear in the feeds, and who sees them."""

from django.contrib.auth import get_user_model
from django.db.models import Expression, Q
from django.utils.translation import gettext_lazy as _

from activity import activity, selectors, services
from activity import feed as feeds
from activity.models import Comment, FeedPost, Notification
from intranet import membertext
from intranet.shell import dashboard, feed, header, reports

feed.register_verb(feed.Verb(activity.POSTED, "activity/entries/posted.html"))
feed.register_verb(
    feed.Verb(activity.COMMENTED, "activity/entries/commented.html", group=True)
)


def _posts(viewer):
    return selectors.for_cards(posts=selectors.visible_posts(viewer=viewer))


def _comments(viewer):
    return selectors.visible_comments(viewer=viewer).select_related("author")


def _prepare_posts(viewer, posts) -> None:
    # The feed calls `prepare(viewer, posts)`; the selector takes keywords.
    selectors.prepare_posts(viewer=viewer, posts=posts)


def _names(viewer, comments) -> None:
    # The quotes of the feed name the members mentioned, in one query.
    membertext.attach_names(comments)


feed.register_model(FeedPost, _posts, _prepare_posts, one_shape=True)
feed.register_model(Comment, _comments, _names, one_shape=True)


def _mine_and_my_posts(viewer) -> Q:
    """What I did, and the comments on my posts."""
    return activity.by_actor(get_user_model(), [str(viewer.pk)]) | activity.by_target(
        FeedPost, activity.as_text_ids(selectors.posts_of(author=viewer))
    )


feed.register_interest(_mine_and_my_posts)


def _my_feed_panel(request):
    return {"feed_page": feeds.read(request.user, feeds.my_feed(request.user), size=8)}


dashboard.register(
    dashboard.Panel(
        "my_feed", "activity/panels/my_feed.html", _my_feed_panel, dashboard.MAIN, 5
    )
)


def _unread_notifications(user) -> Expression:
    return header.count_of(
        Notification.objects.filter(recipient=user.pk, read_at__isnull=True)
    )


header.register(header.Counter("notifications", _unread_notifications))


reports.register(
    reports.Reportable(
        FeedPost,
        _("post"),
        readable=lambda user: selectors.visible_posts(viewer=user),
        hide=lambda post, *, by, hidden: services.post_hide(
            post=post, by=by, hidden=hidden
        ),
        title=str,
        text=lambda post: post.body,
        url=lambda post: post.get_absolute_url(),
    )
)
