"""Reading posts and comments, with what their templates need already loaded."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from activity import mentions
from activity.models import (
    REACTION_NAMES,
    Comment,
    ContentReport,
    FeedPost,
    PostReaction,
    Reaction,
)
from committees.models import CommitteeMembership
from committees.rights import can_moderate
from intranet.prepared import Prepared
from intranet.shell import reports

if TYPE_CHECKING:
    from members.models import User


def _open_to_all() -> Q:
    return (
        Q(committee__isnull=True)
        | Q(committee__feed_settings__isnull=True)
        | Q(committee__feed_settings__members_only=False)
    )


def visible_posts(*, viewer: User) -> QuerySet[FeedPost]:
    """The posts `viewer` may read: not hidden, and either open to every member or
    written to a committee they belong to."""
    mine = CommitteeMembership.objects.filter(user=viewer).values("committee_id")
    return FeedPost.objects.shown().filter(_open_to_all() | Q(committee_id__in=mine))


def visible_comments(*, viewer: User) -> QuerySet[Comment]:
    return Comment.objects.filter(
        hidden_at__isnull=True, post__in=visible_posts(viewer=viewer)
    )


def for_cards(*, posts: QuerySet[FeedPost]) -> QuerySet[FeedPost]:
    """Posts with their author, committee and number of shown comments."""
    shown_comments = (
        Comment.objects.filter(post=OuterRef("pk"), hidden_at__isnull=True)
        .values("post")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return posts.select_related("author", "author__profile", "committee").annotate(
        comment_count=Coalesce(Subquery(shown_comments), 0)
    )


def can_read_post(*, viewer: User, post: FeedPost) -> bool:
    """Hidden posts stay readable by their author and those who may moderate them."""
    if post.hidden_at is not None:
        return post.author_id == viewer.pk or can_moderate(
            user=viewer, committee=post.committee
        )
    return visible_posts(viewer=viewer).filter(pk=post.pk).exists() or can_moderate(
        user=viewer, committee=None
    )


def post_for(*, viewer: User, pk: int) -> FeedPost | None:
    post = for_cards(posts=FeedPost.objects.filter(pk=pk)).first()
    return (
        post if post is not None and can_read_post(viewer=viewer, post=post) else None
    )


def prepare_posts(*, viewer: User, posts: list[FeedPost]) -> None:
    """Attach to each post its HTML, its reactions and what `viewer` may do with it,
    in a constant number of queries."""
    if not posts:
        return
    ids = [post.pk for post in posts]
    counts: Counter[tuple[int, str]] = Counter()
    mine = set()
    for row in (
        PostReaction.objects.filter(post_id__in=ids)
        .values("post_id", "reaction")
        .annotate(n=Count("pk"), mine=Count("pk", filter=Q(user_id=viewer.pk)))
    ):
        counts[row["post_id"], row["reaction"]] = row["n"]
        if row["mine"]:
            mine.add((row["post_id"], row["reaction"]))
    refereed = {
        membership.committee_id
        for membership in viewer_memberships(viewer=viewer)
        if membership.role == CommitteeMembership.Role.REFERENT
    }
    moderator = viewer.has_perm("members.moderate")
    users = mentions.names_for([post.body for post in posts])
    for post in posts:
        post.html = mentions.render(post.body, users)
        post.reaction_rows = [
            {
                "key": key,
                "emoji": emoji,
                "count": counts[post.pk, key],
                "mine": (post.pk, key) in mine,
            }
            for key, emoji in Reaction.choices
        ]
        post.can_edit = post.author_id == viewer.pk
        post.can_moderate = moderator or post.committee_id in refereed


def comments_for(*, viewer: User, post: FeedPost) -> list[Comment]:
    """The post's comments, oldest first; hidden ones keep their place, and their
    text only for their author and moderators."""
    comments = list(post.comments.select_related("author", "author__profile"))
    users = mentions.names_for([c.body for c in comments])
    for comment in comments:
        comment.html = mentions.render(comment.body, users)
        comment.can_edit = comment.author_id == viewer.pk
        comment.can_read = (
            comment.hidden_at is None or comment.can_edit or post.can_moderate
        )
    return comments


def reactors(*, post: FeedPost) -> list[dict[str, Any]]:
    """Who reacted, by reaction, for the post's page."""
    found: dict[str, list[User]] = {}
    for reaction in PostReaction.objects.filter(post=post).select_related("user"):
        found.setdefault(reaction.reaction, []).append(reaction.user)
    return [
        {"emoji": emoji, "name": REACTION_NAMES[key], "people": found[key]}
        for key, emoji in Reaction.choices
        if key in found
    ]


def posts_of(*, author: User) -> QuerySet[FeedPost]:
    return FeedPost.objects.filter(author=author)


def viewer_memberships(*, viewer: User) -> list[CommitteeMembership]:
    """Every membership of `viewer` with its committee, by committee name, read
    once a request: the dashboard's panels, the composer and the feed all ask.
    Kept on the user object, as Django keeps its permissions."""
    memo = getattr(viewer, "_memberships_memo", None)
    if memo is None:
        memo = _MEMBERSHIPS.objects(viewer=viewer.pk)
        viewer._memberships_memo = memo  # type: ignore[attr-defined]  # a per-request memo: the user object of one request
    return memo


_MEMBERSHIPS = Prepared(
    lambda viewer: (
        CommitteeMembership.objects.filter(user_id=viewer)
        .select_related("committee")
        .order_by("committee__title", "pk")
    ),
    viewer=int,
)


def moderators() -> QuerySet[User]:
    """The active members who moderate the whole site."""
    moderate = Permission.objects.filter(
        content_type__app_label="members", codename="moderate"
    )
    who = (
        Q(groups__permissions__in=moderate)
        | Q(user_permissions__in=moderate)
        | Q(is_superuser=True)
    )
    return get_user_model().objects.filter(who, is_active=True).distinct()


def content_reports_counted(*, user: User) -> QuerySet[ContentReport]:
    """The open reports `user` may handle, in SQL alone (for the header's counter:
    whether they moderate is asked inside the query)."""
    reports = ContentReport.objects.filter(status=ContentReport.Status.OPEN)
    if user.is_superuser:
        return reports
    moderates = Permission.objects.filter(
        Q(user=user.pk) | Q(group__user=user.pk),
        content_type__app_label="members",
        codename="moderate",
    )
    return reports.filter(Exists(moderates))


def content_reports_open(*, user: User, limit: int = 100) -> list[ContentReport]:
    """The oldest open reports, for a moderator, each with its `target` (hidden
    or not) and its `reportable`: one query for the reports, one per kind of
    content reported. Reports of something deleted since are left out."""
    if not can_moderate(user=user):
        return []
    found = list(
        ContentReport.objects.filter(status=ContentReport.Status.OPEN)
        .select_related("reporter", "content_type")
        .order_by("created_at", "pk")[:limit]
    )
    by_type: dict[int, list[ContentReport]] = {}
    for report in found:
        by_type.setdefault(report.content_type_id, []).append(report)
    shown = []
    for group in by_type.values():
        reportable = reports.of_type(group[0].content_type)
        if reportable is None:
            continue
        targets = reportable.model._default_manager.select_related(
            reportable.author
        ).in_bulk({report.object_id for report in group})
        for report in group:
            report.target = targets.get(report.object_id)
            report.reportable = reportable
            if report.target is not None:
                shown.append(report)
    return sorted(shown, key=lambda report: (report.created_at, report.pk))
