"""Reading the forums, with what their templates need already loaded."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, TypedDict

from django.contrib.auth.models import Permission
from django.db.models import (
    Count,
    Exists,
    F,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce, Greatest

from activity import mentions
from activity.models import REACTION_NAMES, Reaction
from committees.models import CommitteeMembership
from committees.rights import can_moderate as committee_can_moderate
from forums.models import (
    Category,
    CategoryRead,
    ModerationLog,
    Post,
    PostReaction,
    Report,
    Subscription,
    Topic,
    TopicRead,
)
from intranet.prepared import Prepared
from members.models import User

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

NEVER = datetime(2000, 1, 1, tzinfo=UTC)  # "read at" when never read
TOPICS_PER_PAGE = 30
POSTS_PER_PAGE = 20


class ReadAt(TypedDict):
    """The annotation `read_marker` adds to topics."""

    read_at: datetime


def readable_categories(*, user: User) -> QuerySet[Category]:
    """Every category but those restricted to committees `user` is not in."""
    mine = CommitteeMembership.objects.filter(user_id=user.pk).values("committee_id")
    return Category.objects.filter(Q(members_only=False) | Q(committee_id__in=mine))


def committee_categories(*, user: User, committee: int) -> list[Category]:
    """The committee's categories `user` may open (its page lists them): one
    query, built once per process."""
    return _COMMITTEE_CATEGORIES.objects(viewer=user.pk or 0, committee=committee)


_COMMITTEE_CATEGORIES = Prepared(
    lambda viewer, committee: readable_categories(user=User(pk=viewer)).filter(
        committee_id=committee
    ),
    viewer=int,
    committee=int,
)


def can_read(*, user: User, category: Category) -> bool:
    if not category.members_only:
        return True
    return CommitteeMembership.objects.filter(
        user_id=user.pk, committee_id=category.committee_id
    ).exists()


def can_moderate(*, user: User, category: Category) -> bool:
    """Moderators everywhere; référents in their committee's categories."""
    return committee_can_moderate(user=user, committee=category.committee)


def category_list(*, user: User) -> list[Category]:
    """Readable categories, network first, with their topic count and last activity."""
    return list(
        readable_categories(user=user)
        .select_related("committee")
        .annotate(
            topic_count=Count("topics"), last_activity=Max("topics__last_post_at")
        )
        .order_by(F("committee__title").asc(nulls_first=True), "position", "name")
    )


def read_marker(*, user: User) -> Greatest:
    """When `user` last read each topic: its own marker or the category's."""
    topic_read = TopicRead.objects.filter(user_id=user.pk, topic=OuterRef("pk"))
    category_read = CategoryRead.objects.filter(
        user_id=user.pk, category=OuterRef("category_id")
    )
    # Coalesce first: on SQLite, Greatest is NULL as soon as one side is.
    return Greatest(
        Coalesce(Subquery(topic_read.values("read_at")[:1]), Value(NEVER)),
        Coalesce(Subquery(category_read.values("read_at")[:1]), Value(NEVER)),
    )


def topics_of(*, category: Category, user: User) -> QuerySet[Topic]:
    """Pinned first, then by last activity, each with its last poster and whether
    it has something `user` has not read."""
    return (
        Topic.objects.filter(category=category)
        .select_related("author", "last_post__author")
        .annotate(read_at=read_marker(user=user))
        .order_by("-is_pinned", "-last_post_at", "-pk")
    )


def mark_unread(*, topics: Iterable[WithAnnotations[Topic, ReadAt]]) -> list[Topic]:
    """Set `unread` on topics annotated with `read_at` (`read_marker`)."""
    marked: list[Topic] = []
    for topic in topics:
        topic.unread = topic.last_post_at > topic.read_at
        marked.append(topic)
    return marked


def topic_for(*, user: User, pk: int) -> Topic | None:
    topic = (
        Topic.objects.select_related("category", "category__committee", "author")
        .filter(pk=pk)
        .first()
    )
    return (
        topic
        if topic is not None and can_read(user=user, category=topic.category)
        else None
    )


def posts_of(*, topic: Topic) -> QuerySet[Post]:
    return topic.posts.select_related("author", "author__profile").order_by(
        "created_at", "pk"
    )


def quote_of(*, topic: Topic, pk: str) -> str:
    """A shown message of the topic as a Markdown quote to start a reply with."""
    quoted = (
        Post.objects.shown().filter(pk=pk, topic=topic).select_related("author").first()
        if pk.isdigit()
        else None
    )
    if quoted is None:
        return ""
    text = mentions.decode(quoted.body, mentions.names_for([quoted.body]))
    lines = "\n".join(f"> {line}" for line in text.splitlines())
    return f"> **{quoted.author}** :\n{lines}\n\n"


RECENT_TOPICS = 6  # on the dashboard


def _recent_topics(user: int) -> QuerySet[Topic]:
    reader = User(pk=user)
    return (
        Topic.objects.filter(category__in=readable_categories(user=reader))
        .select_related("category", "last_post__author")
        .annotate(read_at=read_marker(user=reader))
        .order_by("-last_post_at")[:RECENT_TOPICS]
    )


# Every dashboard: its SQL is built once per process.
_RECENT_TOPICS = Prepared(_recent_topics, user=int)


def recent_topics(*, user: User) -> list[Topic]:
    """The topics with the latest activity among those `user` reads, unread marked."""
    return mark_unread(topics=_RECENT_TOPICS.objects(user=user.pk))


def page_of(*, post: Post) -> int:
    """The page of its topic where a post is shown."""
    before = Post.objects.filter(topic_id=post.topic_id).filter(
        Q(created_at__lt=post.created_at)
        | Q(created_at=post.created_at, pk__lt=post.pk)
    )
    return before.count() // POSTS_PER_PAGE + 1


def first_unread(*, topic: Topic, user: User) -> Post | None:
    marker = Topic.objects.filter(pk=topic.pk).annotate(read_at=read_marker(user=user))
    read_at = marker.values_list("read_at", flat=True).first()
    posts = Post.objects.filter(topic=topic).order_by("created_at", "pk")
    return posts.filter(created_at__gt=read_at).first()


def prepare_posts(*, user: User, posts: list[Post], moderator: bool) -> None:
    """HTML, reactions (counts, mine, who) and rights on each post of a page, in a
    constant number of queries."""
    if not posts:
        return
    ids = [post.pk for post in posts]
    people: dict[tuple[int, str], list[User]] = {}
    for reaction in PostReaction.objects.filter(post_id__in=ids).select_related("user"):
        people.setdefault((reaction.post_id, reaction.reaction), []).append(
            reaction.user
        )
    users = mentions.names_for([post.body for post in posts])
    for post in posts:
        post.html = mentions.render(post.body, users)
        post.reaction_rows = [
            {
                "key": key,
                "emoji": emoji,
                "name": REACTION_NAMES[Reaction(key)],
                "count": len(people.get((post.pk, key), [])),
                "mine": any(u.pk == user.pk for u in people.get((post.pk, key), [])),
                "people": people.get((post.pk, key), []),
            }
            for key, emoji in Reaction.choices
        ]
        post.can_edit = post.author_id == user.pk and post.deleted_at is None
        post.can_read = post.hidden_at is None or post.can_edit or moderator


def subscription_of(
    *, user: User, topic: Topic | None = None, category: Category | None = None
) -> str | None:
    key = {"topic": topic} if topic is not None else {"category": category}
    return (
        Subscription.objects.filter(user_id=user.pk, **key)
        .values_list("level", flat=True)
        .first()
    )


def watchers_of(*, topic: Topic) -> QuerySet[User]:
    """Members told of new replies: watching the topic, or its category without
    muting the topic."""
    topic_level = Subscription.objects.filter(user=OuterRef("pk"), topic=topic)
    watch_category = Subscription.objects.filter(
        user=OuterRef("pk"), category_id=topic.category_id, level="watch"
    )
    return User.objects.filter(is_active=True).filter(
        Exists(topic_level.filter(level="watch"))
        | (Exists(watch_category) & ~Exists(topic_level.filter(level="mute")))
    )


def category_watchers(*, category: Category) -> QuerySet[User]:
    return User.objects.filter(
        is_active=True,
        pk__in=Subscription.objects.filter(
            category=category, level=Subscription.Level.WATCH
        ).values("user_id"),
    )


def open_reports(*, user: User) -> QuerySet[Report]:
    """The reports `user` may handle: all for moderators, else their committees'."""
    reports = Report.objects.filter(status=Report.Status.OPEN).select_related(
        "post__author", "post__topic__category", "reporter"
    )
    if user.has_perm("members.moderate"):
        return reports
    refereed = CommitteeMembership.objects.filter(
        user_id=user.pk, role=CommitteeMembership.Role.REFERENT
    ).values("committee_id")
    return reports.filter(post__topic__category__committee_id__in=refereed)


def open_reports_counted(*, user: User) -> QuerySet[Report]:
    """`open_reports` in SQL alone (no permission read first), for the header's
    counter: whether `user` moderates is asked inside the query."""
    reports = Report.objects.filter(status=Report.Status.OPEN)
    if user.is_superuser:
        return reports
    moderates = Permission.objects.filter(
        Q(user=user.pk) | Q(group__user=user.pk),
        content_type__app_label="members",
        codename="moderate",
    )
    refereed = CommitteeMembership.objects.filter(
        user_id=user.pk, role=CommitteeMembership.Role.REFERENT
    ).values("committee_id")
    # Asked of each open report (a few), not joined: a join let PostgreSQL walk
    # every forum message in search of a committee the member referees (0.9 s
    # a page at 100 × the demo).
    in_refereed = Post.objects.filter(
        pk=OuterRef("post_id"), topic__category__committee_id__in=refereed
    )
    return reports.filter(Q(Exists(moderates)) | Q(Exists(in_refereed)))


def moderation_log(*, user: User) -> QuerySet[ModerationLog]:
    """The log `user` may read: all for moderators, else their committees' part."""
    entries = ModerationLog.objects.select_related("moderator", "topic", "post")
    if user.has_perm("members.moderate"):
        return entries
    refereed = CommitteeMembership.objects.filter(
        user_id=user.pk, role=CommitteeMembership.Role.REFERENT
    ).values("committee_id")
    return entries.filter(topic__category__committee_id__in=refereed)
