"""The notification kinds that posts and comments raise (the other apps keep theirs)."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from activity.notifications import notify
from intranet.shell import reports
from intranet.shell.notices import Channel, Kind, register

MENTION = "mention"
POST_COMMENT = "post_comment"
REACTION = "reaction"
MAX_NOTIFIED = 20

register(Kind(MENTION, _("Someone mentions me"), Channel.EMAIL))
register(Kind(POST_COMMENT, _("A comment on my post"), Channel.DIGEST))
# In the bell, never by e-mail unless the member asks for it.
register(Kind(REACTION, _("A reaction to my posts and messages"), Channel.SITE))


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
            excerpt=(comment or post).body,
        )


def comment(*, comment) -> None:
    notify(
        comment.post.author,
        POST_COMMENT,
        actor=comment.author,
        text=_("%(name)s commented on your post."),
        params={"name": str(comment.author)},
        url=comment.get_absolute_url(),
        excerpt=comment.body,
        regarding=comment.post,
        many=ngettext_lazy(
            "%(count)d comment on your post.",
            "%(count)d comments on your post.",
            "count",
        ),
    )


def reaction(*, to, by, text, many, params=None, url: str = "") -> None:
    """Tell the author of `to` (a post, a message: anything with an `author` and
    a `body`) that `by` reacted to it; reactions to one thing join one
    notification while it is unread (`many`: « 3 réactions à votre publication »)."""
    notify(
        to.author,
        REACTION,
        actor=by,
        text=text,
        params={"name": str(by), **(params or {})},
        url=url or to.get_absolute_url(),
        excerpt=to.body,
        regarding=to,
        many=many,
    )


# Reports of what `intranet.shell.reports` registers (forum messages keep theirs).
CONTENT_REPORTED = "content_report"
CONTENT_REPORT_HANDLED = "content_report_handled"
register(
    Kind(
        CONTENT_REPORTED,
        _("A post, mission or help entry reported, for me to moderate"),
        Channel.SITE,
    )
)
register(
    Kind(
        CONTENT_REPORT_HANDLED,
        _("What became of my other reports, and of what I wrote that was hidden"),
        Channel.SITE,
    )
)


def content_reported(*, report, title: str, author_id: int | None) -> None:
    """Tell the moderators a report waits in their queue (the reporter's name
    stays in the queue, not in the bell)."""
    from activity.selectors import moderators

    for user in moderators().exclude(pk__in=[report.reporter_id, author_id or 0]):
        notify(
            user,
            CONTENT_REPORTED,
            text=_("A report to handle: “%(title)s”."),
            params={"title": title},
            url=reports.queue_url(),
        )


def content_report_handled(*, handled, title: str, url: str, author, reason: str):
    """Tell each reporter their report was handled and, when the content was
    hidden, its author why."""
    for report in handled:
        notify(
            report.reporter,
            CONTENT_REPORT_HANDLED,
            text=_("Your report of “%(title)s” was handled."),
            params={"title": title},
            url=url,
        )
    if author is not None and handled and handled[0].status == "acted":
        notify(
            author,
            CONTENT_REPORT_HANDLED,
            text=_("The moderators hid “%(title)s”: %(reason)s")
            if reason
            else _("The moderators hid “%(title)s”."),
            params={"title": title, "reason": reason},
            url=url,
        )
