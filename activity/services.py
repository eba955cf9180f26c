"""Posts, comments and reactions: the only code that writes them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, ngettext_lazy

from activity import activity, mentions, notices
from activity.models import (
    Comment,
    CommitteeFeedSettings,
    ContentReport,
    FeedPost,
    PostReaction,
    Reaction,
    Written,
)
from committees.models import CommitteeMembership, CommitteePage
from committees.rights import can_manage_committee, can_moderate
from intranet import images, ratelimit
from intranet.shell import reports
from intranet.text import clean_text

if TYPE_CHECKING:
    from django.core.files.base import ContentFile
    from django.core.files.uploadedfile import UploadedFile

    from members.models import User

MAX_LENGTH = 2000
PER_MINUTE = 10  # posts, and comments, each member may write per minute
RATE = ratelimit.Rate(PER_MINUTE, 60)


def _clean_body(body: str) -> str:
    body = clean_text(
        body,
        max_length=MAX_LENGTH,
        empty=_("Write something before publishing."),
        too_long=_("%(count)s characters: the limit is %(max)s. Shorten it a little."),
    )
    return mentions.encode(body)


def _check_rate(kind: str, author: User) -> None:
    if not ratelimit.spend(f"{kind}:{author.pk}", RATE):
        raise ValidationError(
            ngettext(
                "You may publish at most %(count)s message a minute. "
                "Wait a moment, then try again.",
                "You may publish at most %(count)s messages a minute. "
                "Wait a moment, then try again.",
                PER_MINUTE,
            )
            % {"count": PER_MINUTE},
            code="rate",
        )


def _image(upload: UploadedFile, alt: str) -> tuple[str, ContentFile, str]:
    """The processed image, checked like profile photos, with its file name and
    its description."""
    alt = (alt or "").strip()
    if not alt:
        raise ValidationError(
            _("Describe the image in a few words for those who cannot see it."),
            code="image_alt",
        )
    photo = images.process_photo(upload).photo
    assert photo.name is not None  # process_photo names every file it encodes
    return photo.name, photo, alt[:250]


@transaction.atomic
def post_create(
    *,
    author: User,
    body: str,
    committee: CommitteePage | None = None,
    image: UploadedFile | None = None,
    image_alt: str = "",
) -> FeedPost:
    """Publish a post to the network, or to one of the author's committees; notify
    the members it mentions and record it in the feed."""
    if not author.is_active:
        raise PermissionDenied
    if (
        committee is not None
        and not CommitteeMembership.objects.filter(
            user=author, committee=committee
        ).exists()
    ):
        raise ValidationError(
            _("You can only post to the committees you belong to."), code="committee"
        )
    body = _clean_body(body)
    _check_rate("posts", author)
    post = FeedPost(author=author, committee=committee, body=body)
    if image:
        name, content, post.image_alt = _image(image, image_alt)
        post.image.save(name, content, save=False)
    post.save()
    activity.record(author, activity.POSTED, action_object=post, target=committee)
    notices.mentions(author=author, post=post, ids=mentions.mentioned_ids(body))
    return post


@transaction.atomic
def post_update(
    *,
    post: FeedPost,
    by: User,
    body: str,
    image: UploadedFile | None = None,
    image_alt: str | None = None,
    remove_image: bool = False,
) -> FeedPost:
    """Change one's own post (marked as edited); members newly mentioned are told."""
    if post.author_id != by.pk:
        raise PermissionDenied
    before = mentions.mentioned_ids(post.body)
    post.body = _clean_body(body)
    old_image = post.image.name if (remove_image or image) and post.image else ""
    if remove_image:
        post.image, post.image_alt = "", ""
    if image:
        name, content, post.image_alt = _image(image, image_alt or "")
        post.image.save(name, content, save=False)
    elif image_alt is not None and post.image:
        post.image_alt = image_alt.strip()[:250] or post.image_alt
    post.edited_at = timezone.now()
    post.save()
    if old_image:
        storage = post.image.storage
        transaction.on_commit(lambda: storage.delete(old_image))
    notices.mentions(
        author=by, post=post, ids=mentions.mentioned_ids(post.body) - before
    )
    return post


@transaction.atomic
def post_delete(*, post: FeedPost, by: User) -> None:
    """Delete one's own post with its comments, reactions and feed entries."""
    if post.author_id != by.pk:
        raise PermissionDenied
    for comment in post.comments.all():
        activity.forget(comment)
    activity.forget(post)
    old_image = post.image.name  # "" (or None) when the post has no image
    if old_image:
        storage = post.image.storage
        transaction.on_commit(lambda: storage.delete(old_image))
    post.delete()


def _set_hidden(
    obj: Written, *, by: User, committee: CommitteePage | None, hidden: bool
) -> None:
    if not can_moderate(user=by, committee=committee):
        raise PermissionDenied
    obj.hidden_at = timezone.now() if hidden else None
    obj.hidden_by = by if hidden else None
    obj.save(update_fields=["hidden_at", "hidden_by"])


@transaction.atomic
def post_hide(*, post: FeedPost, by: User, hidden: bool = True) -> None:
    """Hide a post from every feed and page (or show it again): moderators anywhere,
    référents in their committee."""
    _set_hidden(post, by=by, committee=post.committee, hidden=hidden)


def _check_can_comment(post: FeedPost, author: User) -> None:
    from activity.selectors import visible_posts

    if (
        not author.is_active
        or not visible_posts(viewer=author).filter(pk=post.pk).exists()
    ):
        raise PermissionDenied


@transaction.atomic
def comment_create(*, post: FeedPost, author: User, body: str) -> Comment:
    """Comment on a post one may read; its author and the members mentioned are told."""
    _check_can_comment(post, author)
    body = _clean_body(body)
    _check_rate("comments", author)
    comment = Comment.objects.create(post=post, author=author, body=body)
    activity.record(author, activity.COMMENTED, action_object=comment, target=post)
    notices.comment(comment=comment)
    notices.mentions(
        author=author, post=post, ids=mentions.mentioned_ids(body), comment=comment
    )
    return comment


@transaction.atomic
def comment_update(*, comment: Comment, by: User, body: str) -> Comment:
    if comment.author_id != by.pk:
        raise PermissionDenied
    before = mentions.mentioned_ids(comment.body)
    comment.body = _clean_body(body)
    comment.edited_at = timezone.now()
    comment.save(update_fields=["body", "edited_at"])
    notices.mentions(
        author=by,
        post=comment.post,
        ids=mentions.mentioned_ids(comment.body) - before,
        comment=comment,
    )
    return comment


@transaction.atomic
def comment_delete(*, comment: Comment, by: User) -> None:
    if comment.author_id != by.pk:
        raise PermissionDenied
    activity.forget(comment)
    comment.delete()


@transaction.atomic
def comment_hide(*, comment: Comment, by: User, hidden: bool = True) -> None:
    _set_hidden(comment, by=by, committee=comment.post.committee, hidden=hidden)


@transaction.atomic
def reaction_toggle(*, post: FeedPost, user: User, reaction: str) -> bool:
    """Add the reaction, or take it back if it was there. True if it is now on."""
    if reaction not in Reaction.values:
        raise ValidationError(_("This reaction does not exist."), code="reaction")
    _check_can_comment(post, user)
    deleted, _count = PostReaction.objects.filter(
        post=post, user=user, reaction=reaction
    ).delete()
    if deleted:
        return False
    PostReaction.objects.get_or_create(post=post, user=user, reaction=reaction)
    notices.reaction(
        to=post,
        by=user,
        text=gettext_lazy("%(name)s reacted to your post."),
        many=ngettext_lazy(
            "%(count)d reaction to your post.",
            "%(count)d reactions to your post.",
            "count",
        ),
    )
    return True


@transaction.atomic
def committee_feed_set(
    *, committee: CommitteePage, by: User, members_only: bool
) -> None:
    """Choose whether only the committee's members see the posts written to it."""
    if not can_manage_committee(user=by, committee=committee):
        raise PermissionDenied
    CommitteeFeedSettings.objects.update_or_create(
        committee=committee, defaults={"members_only": members_only}
    )


REPORTS_PER_HOUR = 10
REPORT_RATE = ratelimit.Rate(REPORTS_PER_HOUR, 3600)


@transaction.atomic
def content_report_create(
    *, target: Model, reporter: User, reason: str
) -> ContentReport:
    """Report something one may read, written by someone else, to the moderators
    (once at a time each, a few an hour)."""
    reportable = reports.of(target)
    if (
        not reporter.is_active
        or not reportable.readable(reporter).filter(pk=target.pk).exists()
    ):
        raise PermissionDenied
    if getattr(target, f"{reportable.author}_id") == reporter.pk:
        raise ValidationError(
            _("You cannot report what you wrote yourself."), code="own"
        )
    reason = clean_text(
        reason,
        max_length=1000,
        empty=_("Say what is wrong with it."),
        too_long=_("%(count)s characters: the limit is %(max)s. Shorten it a little."),
    )
    content_type = ContentType.objects.get_for_model(target)
    if ContentReport.objects.filter(
        content_type=content_type,
        object_id=target.pk,
        reporter=reporter,
        status=ContentReport.Status.OPEN,
    ).exists():
        raise ValidationError(
            _("You already reported this; the moderators will look at it."),
            code="twice",
        )
    if not ratelimit.spend(f"reports:{reporter.pk}", REPORT_RATE):
        raise ValidationError(
            ngettext(
                "You may send at most %(count)s report an hour. "
                "Write to a moderator if it is urgent.",
                "You may send at most %(count)s reports an hour. "
                "Write to a moderator if it is urgent.",
                REPORTS_PER_HOUR,
            )
            % {"count": REPORTS_PER_HOUR},
            code="rate",
        )
    report = ContentReport.objects.create(
        content_type=content_type,
        object_id=target.pk,
        reporter=reporter,
        reason=reason,
    )
    notices.content_reported(
        report=report,
        title=reportable.title(target),
        author_id=getattr(target, f"{reportable.author}_id"),
    )
    return report


@transaction.atomic
def content_report_resolve(
    *, report: ContentReport, by: User, acted: bool, resolution: str = ""
) -> None:
    """Act on a report (the app hides what was reported) or dismiss it; every
    open report of the same thing closes with the same decision, each reporter is
    told, and so is the author when it was hidden. Moderators only."""
    if not can_moderate(user=by):
        raise PermissionDenied
    report = ContentReport.objects.select_for_update().get(pk=report.pk)
    if report.status != ContentReport.Status.OPEN:
        raise ValidationError(_("This report was already handled."), code="done")
    reportable = reports.of_type(report.content_type)
    if reportable is None:
        raise PermissionDenied
    target = reportable.model._default_manager.filter(pk=report.object_id).first()
    if target is None:  # deleted since: nothing left to act on
        acted = False
    elif acted and getattr(target, "hidden_at", None) is None:
        reportable.hide(target, by=by, hidden=True)
    same = list(
        ContentReport.objects.select_for_update()
        .filter(
            content_type=report.content_type,
            object_id=report.object_id,
            status=ContentReport.Status.OPEN,
        )
        .select_related("reporter")
    )
    resolution = (resolution or "").strip()[:1000]
    now = timezone.now()
    for each in same:
        each.status = (
            ContentReport.Status.ACTED if acted else ContentReport.Status.DISMISSED
        )
        each.resolution, each.resolved_by, each.resolved_at = resolution, by, now
    ContentReport.objects.bulk_update(
        same, ["status", "resolution", "resolved_by", "resolved_at"]
    )
    if target is None:
        return
    notices.content_report_handled(
        handled=same,
        title=reportable.title(target),
        url=reportable.url(target),
        author=getattr(target, reportable.author),
        reason=resolution,
    )
