from typing import Any

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from activity.models import Hideable, ReactionBase
from intranet import membertext
from intranet.fulltext import StoredVector, WithoutVector
from intranet.links import reverse


class Category(models.Model):
    """A forum: network-wide, or a committee's (readable by every member unless
    restricted to that committee's members). Editors manage them in the admin."""

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80, unique=True, blank=True)
    description = models.CharField(_("description"), max_length=250, blank=True)
    committee = models.ForeignKey(
        "committees.CommitteePage",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="forum_categories",
        verbose_name=_("committee"),
        help_text=_("Leave empty for a category of the whole network."),
    )
    members_only = models.BooleanField(
        _("only the committee's members read it"),
        default=False,
        help_text=_("Only for a committee's category."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("forum category")
        verbose_name_plural = _("forum categories")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(members_only=False)
                | models.Q(committee__isnull=False),
                name="forums_restricted_needs_committee",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:80]
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("forums:category", args=[self.slug])


class Topic(models.Model):
    category = models.ForeignKey(
        Category, on_delete=models.CASCADE, related_name="topics"
    )
    title = models.CharField(_("title"), max_length=200)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    # Kept by the services with database-side updates (see services.recount).
    reply_count = models.PositiveIntegerField(default=0)
    last_post_at = models.DateTimeField(default=timezone.now)
    last_post = models.ForeignKey(
        "Post", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    is_pinned = models.BooleanField(_("pinned"), default=False)
    is_locked = models.BooleanField(_("locked"), default=False)
    # The title for the site search (GIN index on PostgreSQL; NULL on SQLite).
    search_vector = models.GeneratedField(
        expression=StoredVector("title"),
        output_field=SearchVectorField(null=True),
        db_persist=True,
    )

    unread: bool  # set by selectors.mark_unread (no column)

    class Meta:
        ordering = ["-is_pinned", "-last_post_at", "-pk"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        indexes = [
            models.Index(fields=["category", "-is_pinned", "-last_post_at"]),
            # The latest topics of every readable category (the dashboard).
            models.Index(fields=["-last_post_at"], name="forums_topic_latest"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("forums:topic", args=[self.pk])


class PostQuerySet(models.QuerySet):
    def shown(self):
        return self.filter(hidden_at__isnull=True, deleted_at__isnull=True)


class Post(Hideable):
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    body = models.TextField(_("message"), max_length=20_000)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True)
    # The text for the site search (GIN index on PostgreSQL; NULL on SQLite).
    search_vector = models.GeneratedField(
        expression=StoredVector("body"),
        output_field=SearchVectorField(null=True),
        db_persist=True,
    )

    objects = WithoutVector.from_queryset(PostQuerySet)()

    # Set by selectors.prepare_posts for the page that shows the post (no column):
    html: SafeString
    reaction_rows: list[dict[str, Any]]
    can_edit: bool
    can_read: bool

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("forum post")
        verbose_name_plural = _("forum posts")
        indexes = [
            models.Index(fields=["topic", "created_at", "id"]),
            models.Index(fields=["author", "-created_at"]),
        ]

    def __str__(self) -> str:
        return membertext.excerpt(self.body, membertext.names_for([self.body]), 60)

    def get_absolute_url(self) -> str:
        return reverse("forums:post", args=[self.pk])


class PostRevision(models.Model):
    """An earlier version of an edited post, for moderators."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="revisions")
    body = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.post_id} {self.created_at:%Y-%m-%d %H:%M}"


class PostReaction(ReactionBase):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reactions")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["post", "user", "reaction"], name="forums_one_reaction_each"
            )
        ]


class Subscription(models.Model):
    """Watching (told of new replies) or muting a topic or a whole category."""

    class Level(models.TextChoices):
        WATCH = "watch", _("Watching")
        MUTE = "mute", _("Muted")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    topic = models.ForeignKey(
        Topic, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    category = models.ForeignKey(
        Category, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    level = models.CharField(max_length=8, choices=Level.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "topic"],
                condition=models.Q(topic__isnull=False),
                name="forums_one_subscription_per_topic",
            ),
            models.UniqueConstraint(
                fields=["user", "category"],
                condition=models.Q(category__isnull=False),
                name="forums_one_subscription_per_category",
            ),
            models.CheckConstraint(
                condition=models.Q(topic__isnull=True)
                ^ models.Q(category__isnull=True),
                name="forums_subscription_to_one_thing",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.level} {self.topic_id or self.category_id}"


class TopicRead(models.Model):
    """Up to which post a member has read a topic."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="+")
    read_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "topic"], name="forums_one_read_marker"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.topic_id} {self.read_at}"


class CategoryRead(models.Model):
    """« Mark all read »: everything in the category before `read_at` is read."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    category = models.ForeignKey(Category, on_delete=models.CASCADE, related_name="+")
    read_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "category"], name="forums_one_category_read"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.category_id} {self.read_at}"


class Report(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("To handle")
        ACTED = "acted", _("Acted on")
        DISMISSED = "dismissed", _("Dismissed")

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    reason = models.TextField(_("reason"), max_length=1000)
    created_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(max_length=10, choices=Status.choices, default="open")
    resolution = models.TextField(_("resolution"), max_length=1000, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [
            models.UniqueConstraint(
                fields=["post", "reporter"],
                condition=models.Q(status="open"),
                name="forums_one_open_report_each",
            )
        ]

    def __str__(self) -> str:
        return f"{self.post_id} {self.status}"


class ModerationLog(models.Model):
    """Every moderation action, for moderators to read."""

    class Action(models.TextChoices):
        HIDE = "hide", _("hid a post")
        UNHIDE = "unhide", _("showed a post again")
        LOCK = "lock", _("locked a topic")
        UNLOCK = "unlock", _("unlocked a topic")
        PIN = "pin", _("pinned a topic")
        UNPIN = "unpin", _("unpinned a topic")
        MOVE = "move", _("moved a topic")
        RETITLE = "retitle", _("renamed a topic")
        REPORT_ACTED = "report_acted", _("acted on a report")
        REPORT_DISMISSED = "report_dismissed", _("dismissed a report")

    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    action = models.CharField(max_length=20, choices=Action.choices)
    topic = models.ForeignKey(
        Topic, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    post = models.ForeignKey(
        Post, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    details = models.CharField(max_length=400, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("moderation log entry")
        verbose_name_plural = _("moderation log")

    def __str__(self) -> str:
        return f"{self.moderator_id} {self.action} {self.created_at:%Y-%m-%d}"
