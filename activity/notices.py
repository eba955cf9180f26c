"""The notification kinds that posts and comments raise (the other apps keep theirs)."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from activity.notifications import notify
from intranet.shell.notices import Channel, Kind, register

MENTION = "mention"
POST_COMMENT = "post_comment"
MAX_NOTIFIED = 20

register(Kind(MENTION, _("Someone mentions me"), Channel.EMAIL))
register(Kind(POST_COMMENT, _("A comment on my post"), Channel.DIGEST))


def mentions(*, author, post, ids, comment=None) -> None:
    """Tell the members mentioned, if they may read the post (never its author of a
    comment, who hears of the comment anyway)."""
    from activity.selectors import visible_posts

    skip = {author.pk} | ({post.author_id} if comment is not None else set())
    ids = sorted(set(ids) - skip)[:MAX_NOTIFIED]
    for user in get_user_model().objects.filter(pk__in=ids, is_active=True):
        if not visible_posts(viewer=user).filter(pk=post.pk).exists():
            continue
        notify(
            user,
            MENTION,
            actor=author,
            text=_("%(name)s mentioned you in a comment.")
            if comment is not None
            else _("%(name)s mentioned you in a post."),
            params={"name": str(author)},
            url=(comment or post).get_absolute_url(),
        )


def comment(*, comment) -> None:
    notify(
        comment.post.author,
        POST_COMMENT,
        actor=comment.author,
        text=_("%(name)s commented on your post."),
        params={"name": str(comment.author)},
        url=comment.get_absolute_url(),
    )
