"""Live chat: rooms (the network's, each committee's) and direct conversations
(1:1 or a group), their messages with increasing ids, and where each member is."""

import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from activity.models import ReactionBase
from chat.text import fold
from intranet.links import reverse
from members.models import User

MAX_MESSAGE = 4000
MAX_GROUP = 20
GUEST_KEY = "guest."


class Room(models.Model):
    class Kind(models.TextChoices):
        NETWORK = "network", _("Network room")
        COMMITTEE = "committee", _("Committee room")
        DIRECT = "direct", _("Conversation")

    class Access(models.TextChoices):
        OPEN = "open", _("Other members may read it")
        CLOSED = "closed", _("Only the committee's members see it")

    kind = models.CharField(max_length=10, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=80, blank=True)
    slug = models.SlugField(max_length=80, unique=True, null=True, blank=True)
    description = models.CharField(_("description"), max_length=200, blank=True)
    committee = models.OneToOneField(
        "committees.CommitteePage",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="chat_room",
    )
    access = models.CharField(
        _("who reads it"), max_length=10, choices=Access.choices, default=Access.OPEN
    )
    # A direct conversation's people, as sorted ids: one conversation per set.
    key = models.CharField(max_length=300, unique=True, null=True, blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    last_message_at = models.DateTimeField(null=True, blank=True, db_index=True)
    # The place of the room's last message (`Message.seq`), kept by the service
    # that posts under the room's row lock.
    last_seq = models.PositiveIntegerField(default=0)

    people: list[User]  # a conversation's others, set by selectors.attach_people

    class Meta:
        ordering = ["position", "name", "pk"]
        verbose_name = _("chat room")
        verbose_name_plural = _("chat rooms")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind="committee")
                | models.Q(committee__isnull=False),
                name="chat_committee_room_has_committee",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="direct") | models.Q(key__isnull=False),
                name="chat_direct_room_has_key",
            ),
        ]

    def __str__(self) -> str:
        if self.kind == self.Kind.COMMITTEE and self.committee_id:
            return self.committee.title
        return self.name or str(_("Conversation"))

    def get_absolute_url(self) -> str:
        return reverse("chat:room", args=[self.pk])

    @property
    def group_name(self) -> str:
        return f"chat.room.{self.pk}"

    @property
    def is_direct(self) -> bool:
        return self.kind == self.Kind.DIRECT

    @property
    def has_guest(self) -> bool:
        """A conversation with someone without an account (a newcomer family)."""
        return self.is_direct and (self.key or "").startswith(GUEST_KEY)


class NetworkRoomManager(models.Manager):
    def get_queryset(self):
        return super().get_queryset().filter(kind=Room.Kind.NETWORK)


class NetworkRoom(Room):
    """The network's rooms, as staff manage them in the admin."""

    objects = NetworkRoomManager()

    class Meta:
        proxy = True
        verbose_name = _("network room")
        verbose_name_plural = _("network rooms")

    def save(self, *args, **kwargs):
        self.kind = Room.Kind.NETWORK
        super().save(*args, **kwargs)


class Participant(models.Model):
    """A member of a direct conversation (rooms follow the network and committees)."""

    room = models.ForeignKey(
        Room, on_delete=models.CASCADE, related_name="participants"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    joined_at = models.DateTimeField(default=timezone.now)
    left_at = models.DateTimeField(null=True, blank=True)
    # Someone without an account (a family in the newcomer pipeline), who
    # writes from their private page.
    is_guest = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["room", "user"], name="chat_one_participant"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} in {self.room_id}"


class ReadMarker(models.Model):
    """How far a member has read a room, and whether they muted it."""

    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="markers")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    last_read_id = models.BigIntegerField(default=0)
    muted = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["room", "user"], name="chat_one_marker")
        ]

    def __str__(self) -> str:
        return f"{self.user} read {self.room_id} to {self.last_read_id}"


class MessageQuerySet(models.QuerySet):
    def shown(self):
        return self.filter(deleted_at__isnull=True)


class Message(models.Model):
    """Each message has its place in its room (`seq`: 1, 2, 3… without holes,
    given under the room's row lock): a tab that lacks a place fetches it, whatever
    order the broadcasts arrive in. `key` is the sender's own id for the send: a
    retried send is stored once. `changed_at` moves with each edit or deletion,
    for the tabs that catch up on those."""

    id = models.BigAutoField(primary_key=True)
    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    body = models.TextField(max_length=MAX_MESSAGE, blank=True)
    # The message this one answers (in the same room); it stays if that one goes.
    reply_to = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    seq = models.PositiveIntegerField(default=0)
    # How many reactions and files it has: a page reads those of the messages
    # that have some, and none when none has.
    reaction_count = models.PositiveIntegerField(default=0)
    attachment_count = models.PositiveSmallIntegerField(default=0)
    key = models.CharField(max_length=64, blank=True, default="")
    created_at = models.DateTimeField(default=timezone.now)
    # Moves with each edit, deletion and reaction, for the tabs that catch up.
    changed_at = models.DateTimeField(default=timezone.now)
    edited_at = models.DateTimeField(null=True, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True)
    # `body` in lower case without accents, for search (kept by `save` and by
    # `chat.services.messages_import`; a trigram index on PostgreSQL).
    folded = models.TextField(default="", editable=False)

    objects = MessageQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        verbose_name = _("chat message")
        verbose_name_plural = _("chat messages")
        indexes = [
            models.Index(fields=["room", "id"]),
            models.Index(fields=["author", "created_at"]),  # one's own messages
            models.Index(fields=["room", "changed_at"]),  # edits since a catch-up
            # What unread counts take away from a room's places after a marker:
            # its deleted messages (few: a partial index) and the member's own.
            models.Index(
                fields=["room", "id"],
                condition=models.Q(deleted_at__isnull=False),
                name="chat_deleted_in_room",
            ),
            models.Index(fields=["author", "room", "id"], name="chat_own_in_room"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["room", "seq"], name="chat_one_place"),
            models.UniqueConstraint(
                fields=["author", "key"],
                condition=~models.Q(key=""),
                name="chat_one_message_per_send",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.author} in {self.room_id}: {self.body[:40]}"

    def save(self, *args, **kwargs):
        self.folded = fold(self.body) or ""
        fields = kwargs.get("update_fields")
        if fields is not None and "body" in fields:
            kwargs["update_fields"] = {*fields, "folded"}
        super().save(*args, **kwargs)


class MessageReaction(ReactionBase):
    """A member's reaction to a message: the same set as posts (`Reaction`)."""

    message = models.ForeignKey(
        Message, on_delete=models.CASCADE, related_name="reactions"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["message", "user", "reaction"], name="chat_one_reaction_each"
            )
        ]
        indexes = [models.Index(fields=["user"], name="chat_reactions_of_member")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.reaction} {self.message_id}"


def attachment_path(attachment: "Attachment", filename: str) -> str:
    # Under MEDIA_ROOT/private/ (backed up with the media, never served by
    # /media/): only `chat.views.attachment` serves it, to the room's readers.
    suffix = PurePosixPath(filename).suffix.lower()[:8]
    return f"private/chat/{attachment.room_id}/{uuid.uuid4().hex}{suffix}"


class Attachment(models.Model):
    """A photo (re-encoded, without metadata, with a thumbnail) or a document
    sent with a message."""

    class Kind(models.TextChoices):
        PHOTO = "photo", _("Photo")
        FILE = "file", _("File")

    message = models.ForeignKey(
        Message, on_delete=models.CASCADE, related_name="attachments"
    )
    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=5, choices=Kind.choices)
    file = models.FileField(upload_to=attachment_path, max_length=200)
    thumbnail = models.FileField(upload_to=attachment_path, max_length=200, blank=True)
    name = models.CharField(max_length=120)  # as the sender's device named it
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    width = models.PositiveSmallIntegerField(null=True, blank=True)
    height = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("chat attachment")
        verbose_name_plural = _("chat attachments")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("chat:attachment", args=[self.pk])

    @property
    def thumb_size(self) -> tuple[int, int]:
        """The thumbnail's width and height (it fits in 160 × 160)."""
        width, height = self.width or 160, self.height or 160
        scale = min(1.0, 160 / max(width, height))
        return max(1, round(width * scale)), max(1, round(height * scale))

    @property
    def thumbnail_url(self) -> str:
        return reverse("chat:attachment_thumbnail", args=[self.pk])
