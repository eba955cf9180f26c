import uuid
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from intranet import membertext
from intranet.fulltext import StoredVector, WithoutVector
from intranet.links import reverse
from intranet.shell.notices import Channel

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise


class Notification(models.Model):
    """Something a member should know about; stored before anything is sent."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("kind"), max_length=40)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    text = models.CharField(_("text"), max_length=300)
    url = models.CharField(max_length=300, blank=True)
    # What was said (a comment, a message), as stored: mentions as "@[id]",
    # shown through `intranet.membertext`; cut on a word.
    excerpt = models.TextField(_("excerpt"), blank=True)
    # The object it is about ("forums.post:12"): while unread, what happens again
    # of the same kind on it joins this notification (`count`, "3 reactions").
    about = models.CharField(max_length=80, blank=True)
    count = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    channel = models.CharField(max_length=10, choices=Channel.choices, default="site")
    digest = models.ForeignKey(
        "SentDigest",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="notifications",
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [
            models.Index(fields=["recipient", "read_at", "-created_at"]),
            models.Index(fields=["channel", "created_at"]),
            # A member's list, newest first (a page of 30 out of thousands).
            models.Index(
                fields=["recipient", "-created_at", "-id"],
                name="activity_notification_newest",
            ),
        ]

    def __str__(self) -> str:
        return self.text


class NotificationPreference(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preferences",
    )
    kind = models.CharField(max_length=40)
    channel = models.CharField(max_length=10, choices=Channel.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "kind"], name="activity_one_preference_per_kind"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.kind} {self.channel}"


class PushSubscription(models.Model):
    """One device (a browser) a member turned Web Push on for (RFC 8030): where its
    push service takes messages, and the keys to encrypt them for it (RFC 8291)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="push_subscriptions",
    )
    endpoint = models.URLField(max_length=1000, unique=True)
    p256dh = models.CharField(max_length=100)
    auth = models.CharField(max_length=50)
    # « Firefox sur Linux »: for the member to recognise the device in the list.
    label = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    last_success = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.user} {self.label}"


class Reaction(models.TextChoices):
    """The small fixed set of reactions, shared with the forums."""

    LIKE = "like", "👍"
    LOVE = "love", "❤️"
    CELEBRATE = "celebrate", "🎉"
    SMILE = "smile", "😄"
    THINKING = "thinking", "🤔"
    THANKS = "thanks", "🙏"


REACTION_NAMES: "dict[str, StrPromise]" = {
    Reaction.LIKE: _("I like it"),
    Reaction.LOVE: _("I love it"),
    Reaction.CELEBRATE: _("Congratulations"),
    Reaction.SMILE: _("Funny"),
    Reaction.THINKING: _("Food for thought"),
    Reaction.THANKS: _("Thank you"),
}


def post_image_path(post: "FeedPost", filename: str) -> str:
    return f"posts/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.webp"


class Hideable(models.Model):
    """What a member wrote that the moderators may hide: then only its author and
    the moderators see it (see `intranet.shell.reports`)."""

    hidden_at = models.DateTimeField(null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        abstract = True


class Written(Hideable):
    """What members write on the feed: dated, marked when edited, hideable."""

    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    edited_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True


class FeedPostQuerySet(models.QuerySet):
    def shown(self):
        """Not hidden by a moderator (deleted posts are gone)."""
        return self.filter(hidden_at__isnull=True)


class FeedPost(Written):
    """A member's short post, to the whole network or to one of their committees."""

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="feed_posts"
    )
    committee = models.ForeignKey(
        "committees.CommitteePage",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="feed_posts",
        verbose_name=_("committee"),
    )
    body = models.TextField(_("text"), max_length=2000)
    image = models.ImageField(_("image"), upload_to=post_image_path, blank=True)
    image_alt = models.CharField(_("image description"), max_length=250, blank=True)
    # The text for the site search (GIN index on PostgreSQL; NULL on SQLite).
    search_vector = models.GeneratedField(
        expression=StoredVector("body"),
        output_field=SearchVectorField(null=True),
        db_persist=True,
    )

    objects = WithoutVector.from_queryset(FeedPostQuerySet)()

    # Set by selectors.prepare_posts (not columns: Django ignores bare annotations).
    html: str
    reaction_rows: list[dict[str, Any]]
    can_edit: bool
    can_moderate: bool

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        indexes = [models.Index(fields=["author", "-created_at"])]

    def __str__(self) -> str:
        return membertext.excerpt(self.body, membertext.names_for([self.body]), 60)

    def get_absolute_url(self) -> str:
        return reverse("activity:post_detail", args=[self.pk])


class Comment(Written):
    """A comment on a post: one level, no replies to comments."""

    post = models.ForeignKey(
        FeedPost, on_delete=models.CASCADE, related_name="comments"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    body = models.TextField(_("comment"), max_length=2000)
    search_vector = models.GeneratedField(
        expression=StoredVector("body"),
        output_field=SearchVectorField(null=True),
        db_persist=True,
    )

    objects = WithoutVector()

    # Set by selectors.comments_for (not columns: Django ignores bare annotations).
    html: str
    can_edit: bool
    can_read: bool

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        indexes = [models.Index(fields=["author", "-created_at"])]

    def __str__(self) -> str:
        return membertext.excerpt(self.body, membertext.names_for([self.body]), 60)

    def get_absolute_url(self) -> str:
        post_url = reverse("activity:post_detail", args=[self.post_id])
        return f"{post_url}#commentaire-{self.pk}"


class ReactionBase(models.Model):
    """One member's reaction to something (a feed post here, a forum message in
    `forums`); each concrete model adds its `post` and its uniqueness."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    reaction = models.CharField(max_length=12, choices=Reaction.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.user_id} {self.reaction} {self.post_id}"


class PostReaction(ReactionBase):
    post = models.ForeignKey(
        FeedPost, on_delete=models.CASCADE, related_name="reactions"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["post", "user", "reaction"], name="activity_one_reaction_each"
            )
        ]


class CommitteeFeedSettings(models.Model):
    """A committee's choice about who sees the posts written to it."""

    committee = models.OneToOneField(
        "committees.CommitteePage",
        on_delete=models.CASCADE,
        related_name="feed_settings",
    )
    members_only = models.BooleanField(
        _("only the committee's members see its posts"), default=False
    )

    def __str__(self) -> str:
        return str(self.committee)


class DigestFrequency(models.TextChoices):
    DAILY = "daily", _("Daily")
    WEEKLY = "weekly", _("Weekly")


class DigestSubscription(models.Model):
    """How often a member gets the digest (weekly unless they chose otherwise)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    frequency = models.CharField(
        _("digest"), max_length=10, choices=DigestFrequency.choices
    )

    def __str__(self) -> str:
        return f"{self.user} {self.frequency}"


class SentDigest(models.Model):
    """One digest sent: the unique period makes a re-run skip it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    frequency = models.CharField(max_length=10, choices=DigestFrequency.choices)
    period_end = models.DateTimeField()
    notification_count = models.PositiveIntegerField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "period_end"], name="activity_one_digest_per_period"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.period_end:%Y-%m-%d}"


class ContentReport(models.Model):
    """A member's report of something written outside the forums (a mission, a
    help entry, a feed post…: whatever `intranet.shell.reports` registers), for
    the moderators to act on or dismiss."""

    class Status(models.TextChoices):
        OPEN = "open", _("To handle")
        ACTED = "acted", _("Acted on")
        DISMISSED = "dismissed", _("Dismissed")

    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.PositiveBigIntegerField()
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    reason = models.TextField(_("reason"), max_length=1000)
    created_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.OPEN
    )
    resolution = models.TextField(_("resolution"), max_length=1000, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    resolved_at = models.DateTimeField(null=True, blank=True)

    # Set by `selectors.content_reports_open` and the moderation queue.
    target: Any
    reportable: Any
    html: str
    title: str
    url: str
    author: Any

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        indexes = [
            models.Index(
                fields=["content_type", "object_id"], name="activity_reported_object"
            ),
            models.Index(
                fields=["created_at"],
                condition=models.Q(status="open"),
                name="activity_open_reports",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "reporter"],
                condition=models.Q(status="open"),
                name="activity_one_open_report_each",
            )
        ]

    def __str__(self) -> str:
        return f"{self.content_type_id} {self.object_id} {self.status}"
