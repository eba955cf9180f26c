"""Forums: the only code that writes topics, posts, reactions, subscriptions,
read markers, reports and the moderation log."""

from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, F, OuterRef, Subquery
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, ngettext_lazy

from activity import activity, mentions
from activity import notices as activity_notices
from activity.models import Reaction
from forums import notices, selectors
from forums.models import (
    Category,
    CategoryRead,
    ModerationLog,
    Post,
    PostReaction,
    PostRevision,
    Report,
    Subscription,
    Topic,
    TopicRead,
)
from intranet import ratelimit
from intranet.text import clean_text
from members.models import User

TITLE_MAX = 200
BODY_MAX = 20_000
PER_MINUTE = 10
RATE = ratelimit.Rate(PER_MINUTE, 60)


def _clean_title(title: str) -> str:
    title = " ".join((title or "").split())
    if not title:
        raise ValidationError(_("Give the topic a title."), code="title_empty")
    if len(title) > TITLE_MAX:
        raise ValidationError(
            _("The title has %(count)s characters; at most %(max)s."),
            code="title_long",
            params={"count": len(title), "max": TITLE_MAX},
        )
    return title


def _clean_body(body: str) -> str:
    body = clean_text(
        body,
        max_length=BODY_MAX,
        empty=_("Write a message before sending."),
        too_long=_("The message has %(count)s characters; at most %(max)s."),
    )
    return mentions.encode(body)


def _check_rate(author: User) -> None:
    if not ratelimit.spend(f"forum-posts:{author.pk}", RATE):
        raise ValidationError(
            ngettext(
                "You may post at most %(count)s message a minute. Wait a moment.",
                "You may post at most %(count)s messages a minute. Wait a moment.",
                PER_MINUTE,
            )
            % {"count": PER_MINUTE},
            code="rate",
        )


def _require_read(user: User, category: Category) -> None:
    if not user.is_active or not selectors.can_read(user=user, category=category):
        raise PermissionDenied


def _log(
    moderator: User,
    action: ModerationLog.Action,
    *,
    topic: Topic | None = None,
    post: Post | None = None,
    details: str = "",
) -> None:
    ModerationLog.objects.create(
        moderator=moderator,
        action=action,
        topic=topic,
        post=post,
        details=details[:400],
    )


@transaction.atomic
def topic_create(*, author: User, category: Category, title: str, body: str) -> Topic:
    """Start a topic with its first post; the author watches it; feed entry."""
    _require_read(author, category)
    title, body = _clean_title(title), _clean_body(body)
    _check_rate(author)
    topic = Topic.objects.create(category=category, title=title, author=author)
    post = Post.objects.create(topic=topic, author=author, body=body)
    Topic.objects.filter(pk=topic.pk).update(
        last_post=post, last_post_at=post.created_at
    )
    topic.last_post, topic.last_post_at = post, post.created_at
    watch_set(user=author, topic=topic, level=Subscription.Level.WATCH)
    activity.record(
        author, activity.STARTED_TOPIC, action_object=topic, target=category
    )
    ids = mentions.mentioned_ids(body)
    notices.new_topic(topic=topic, post=post, skip=ids)
    notices.mentions(post=post, ids=ids)
    return topic


@transaction.atomic
def post_create(*, author: User, topic: Topic, body: str) -> Post:
    """Reply to a topic: counters bumped in the database, the author watches the
    topic, watchers and mentioned members are told, the feed records it."""
    _require_read(author, topic.category)
    if topic.is_locked and not selectors.can_moderate(
        user=author, category=topic.category
    ):
        raise ValidationError(_("This topic is locked."), code="locked")
    body = _clean_body(body)
    _check_rate(author)
    post = Post.objects.create(topic=topic, author=author, body=body)
    Topic.objects.filter(pk=topic.pk).update(reply_count=F("reply_count") + 1)
    Topic.objects.filter(pk=topic.pk, last_post_at__lte=post.created_at).update(
        last_post=post, last_post_at=post.created_at
    )
    if not Subscription.objects.filter(user=author, topic=topic).exists():
        watch_set(user=author, topic=topic, level=Subscription.Level.WATCH)
    activity.record(author, activity.REPLIED, action_object=post, target=topic)
    ids = mentions.mentioned_ids(body)
    notices.reply(post=post, skip=ids)
    notices.mentions(post=post, ids=ids)
    return post


def recount(*, topic_id: int) -> None:
    """Recompute a topic's counters from its shown posts, in one UPDATE (after a
    hide, an unhide or a deletion). With no post shown: no reply, and the topic's
    own date as its last activity."""
    shown = Post.objects.shown().filter(topic=OuterRef("pk"))
    latest = shown.order_by("-created_at", "-pk")
    count = shown.values("topic").annotate(n=Count("pk")).values("n")[:1]
    Topic.objects.filter(pk=topic_id).update(
        reply_count=Greatest(Coalesce(Subquery(count), 0) - 1, 0),
        last_post=Subquery(latest.values("pk")[:1]),
        last_post_at=Coalesce(
            Subquery(latest.values("created_at")[:1]), F("created_at")
        ),
    )


@transaction.atomic
def post_update(*, post: Post, by: User, body: str) -> Post:
    """Edit one's own post: the earlier version is kept for moderators."""
    if post.author_id != by.pk or post.deleted_at is not None:
        raise PermissionDenied
    before = mentions.mentioned_ids(post.body)
    body = _clean_body(body)
    if body == post.body:
        return post
    PostRevision.objects.create(post=post, body=post.body)
    post.body, post.edited_at = body, timezone.now()
    post.save(update_fields=["body", "edited_at"])
    notices.mentions(post=post, ids=mentions.mentioned_ids(body) - before)
    return post


@transaction.atomic
def post_delete(*, post: Post, by: User) -> None:
    """Delete one's own post: a placeholder keeps its place in the thread."""
    if post.author_id != by.pk:
        raise PermissionDenied
    Topic.objects.select_for_update().filter(pk=post.topic_id).first()
    PostRevision.objects.create(post=post, body=post.body)
    post.deleted_at = timezone.now()
    post.body = ""
    post.save(update_fields=["deleted_at", "body"])
    PostReaction.objects.filter(post=post).delete()
    activity.forget(post)
    recount(topic_id=post.topic_id)


@transaction.atomic
def post_hide(*, post: Post, by: User, hidden: bool = True) -> None:
    """Hide a post from members (or show it again); logged."""
    if not selectors.can_moderate(user=by, category=post.topic.category):
        raise PermissionDenied
    Topic.objects.select_for_update().filter(pk=post.topic_id).first()
    post.hidden_at = timezone.now() if hidden else None
    post.hidden_by = by if hidden else None
    post.save(update_fields=["hidden_at", "hidden_by"])
    recount(topic_id=post.topic_id)
    action = ModerationLog.Action.HIDE if hidden else ModerationLog.Action.UNHIDE
    _log(by, action, topic=post.topic, post=post)


def _moderate_topic(topic: Topic, by: User) -> None:
    if not selectors.can_moderate(user=by, category=topic.category):
        raise PermissionDenied


@transaction.atomic
def topic_lock(*, topic: Topic, by: User, locked: bool = True) -> None:
    _moderate_topic(topic, by)
    Topic.objects.filter(pk=topic.pk).update(is_locked=locked)
    _log(
        by,
        ModerationLog.Action.LOCK if locked else ModerationLog.Action.UNLOCK,
        topic=topic,
    )


@transaction.atomic
def topic_pin(*, topic: Topic, by: User, pinned: bool = True) -> None:
    _moderate_topic(topic, by)
    Topic.objects.filter(pk=topic.pk).update(is_pinned=pinned)
    _log(
        by,
        ModerationLog.Action.PIN if pinned else ModerationLog.Action.UNPIN,
        topic=topic,
    )


@transaction.atomic
def topic_retitle(*, topic: Topic, by: User, title: str) -> None:
    _moderate_topic(topic, by)
    old, title = topic.title, _clean_title(title)
    Topic.objects.filter(pk=topic.pk).update(title=title)
    _log(by, ModerationLog.Action.RETITLE, topic=topic, details=f"{old} → {title}")


@transaction.atomic
def topic_move(*, topic: Topic, by: User, category: Category) -> None:
    """Move a topic: the moderator must be able to moderate both categories."""
    _moderate_topic(topic, by)
    if not selectors.can_moderate(user=by, category=category):
        raise PermissionDenied
    old = topic.category
    Topic.objects.filter(pk=topic.pk).update(category=category)
    activity.retarget(topic, category)
    _log(by, ModerationLog.Action.MOVE, topic=topic, details=f"{old} → {category}")


@transaction.atomic
def reaction_toggle(*, post: Post, user: User, reaction: str) -> bool:
    """Add the reaction, or take it back. True if it is now on."""
    if reaction not in Reaction.values:
        raise ValidationError(_("This reaction does not exist."), code="reaction")
    _require_read(user, post.topic.category)
    if post.hidden_at or post.deleted_at:
        raise PermissionDenied
    deleted, _count = PostReaction.objects.filter(
        post=post, user=user, reaction=reaction
    ).delete()
    if deleted:
        return False
    PostReaction.objects.get_or_create(post=post, user=user, reaction=reaction)
    activity_notices.reaction(
        to=post,
        by=user,
        text=gettext_lazy("%(name)s reacted to your message in “%(topic)s”."),
        many=ngettext_lazy(
            "%(count)d reaction to your message in “%(topic)s”.",
            "%(count)d reactions to your message in “%(topic)s”.",
            "count",
        ),
        params={"topic": post.topic.title},
    )
    return True


def watch_set(
    *,
    user: User,
    level: str | None,
    topic: Topic | None = None,
    category: Category | None = None,
) -> None:
    """Watch, mute, or (level None) go back to the default for a topic or category."""
    if level is not None and level not in Subscription.Level.values:
        raise ValidationError(_("Unknown choice."), code="level")
    key = {"topic": topic} if topic is not None else {"category": category}
    where = topic.category if topic is not None else category
    assert where is not None, "watch_set needs a topic or a category"
    _require_read(user, where)
    if level is None:
        Subscription.objects.filter(user=user, **key).delete()
    else:
        Subscription.objects.update_or_create(
            user=user, **key, defaults={"level": level}
        )


def mark_read(*, user: User, topic: Topic, until: datetime) -> None:
    """Read up to `until` (a post's date); never moves the marker back."""
    marker, created = TopicRead.objects.get_or_create(
        user=user, topic=topic, defaults={"read_at": until}
    )
    if not created and marker.read_at < until:
        TopicRead.objects.filter(pk=marker.pk, read_at__lt=until).update(read_at=until)


@transaction.atomic
def mark_all_read(*, user: User, category: Category) -> None:
    CategoryRead.objects.update_or_create(
        user=user, category=category, defaults={"read_at": timezone.now()}
    )


@transaction.atomic
def report_create(*, post: Post, reporter: User, reason: str) -> Report:
    _require_read(reporter, post.topic.category)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Say what is wrong with this message."), code="reason")
    if Report.objects.filter(post=post, reporter=reporter, status="open").exists():
        raise ValidationError(
            _("You already reported this message; moderators will look at it."),
            code="twice",
        )
    report = Report.objects.create(post=post, reporter=reporter, reason=reason[:1000])
    notices.reported(report=report)
    return report


@transaction.atomic
def report_resolve(
    *, report: Report, by: User, acted: bool, resolution: str = ""
) -> None:
    """Close a report; acting on it hides the post. Logged; the reporter is told
    it was handled, the author of a hidden message why."""
    report = Report.objects.select_for_update().get(pk=report.pk)
    if not selectors.can_moderate(user=by, category=report.post.topic.category):
        raise PermissionDenied
    if report.status != Report.Status.OPEN:
        raise ValidationError(_("This report was already handled."), code="done")
    if acted and report.post.hidden_at is None:
        post_hide(post=report.post, by=by)
    report.status = Report.Status.ACTED if acted else Report.Status.DISMISSED
    report.resolution = (resolution or "").strip()[:1000]
    report.resolved_by, report.resolved_at = by, timezone.now()
    report.save(update_fields=["status", "resolution", "resolved_by", "resolved_at"])
    action = (
        ModerationLog.Action.REPORT_ACTED
        if acted
        else ModerationLog.Action.REPORT_DISMISSED
    )
    _log(
        by, action, topic=report.post.topic, post=report.post, details=report.resolution
    )
    notices.report_handled(report=report, hidden=acted)
