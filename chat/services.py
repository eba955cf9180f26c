"""Writes of the chat. A message is stored first; its broadcast is scheduled for
after the commit, so nobody ever receives a message the database does not hold,
and a client that missed the broadcast finds it by id."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, connection, transaction
from django.db.models import Count, Max, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from activity import mentions
from activity.models import Reaction
from chat import attachments, broadcast, notices, selectors
from chat.models import (
    GUEST_KEY,
    MAX_GROUP,
    MAX_MESSAGE,
    Attachment,
    Message,
    MessageReaction,
    Participant,
    ReadMarker,
    Room,
)
from chat.text import fold
from committees.models import CommitteePage
from committees.rights import can_manage_committee
from intranet import bus, ratelimit
from intranet.text import clean_text
from members.models import User

MAX_KEY = 64


def _clean(body: str, *, files: bool = False) -> str:
    if files and not (body or "").strip():
        return ""  # a photo or a document alone says enough
    return clean_text(
        body,
        max_length=MAX_MESSAGE,
        empty=_("Write a message first."),
        too_long=_(
            "A message has at most %(max)d characters (this one has %(count)d)."
        ),
    )


def _check_rate(author: User) -> None:
    rate = ratelimit.Rate(settings.CHAT_MESSAGES_PER_10_SECONDS, 10)
    if not ratelimit.spend(f"chat:{author.pk}", rate):
        raise ValidationError(
            _("You are sending messages too fast: wait a few seconds."),
            code="rate_limited",
        )


def _forbidden() -> PermissionDenied:
    return PermissionDenied(_("You cannot write in this room."))


@dataclass(frozen=True)
class GuestConversationMessage:
    """A message was stored in a conversation with a guest (the newcomer pipeline
    e-mails the family once it is committed)."""

    message: Message


@transaction.atomic
def message_post(
    *,
    room: Room,
    author: User,
    body: str,
    key: str = "",
    reply_to: int | None = None,
    files: list[UploadedFile] | None = None,
) -> Message:
    """Post a message: checked, stored at the next place of the room, read by its
    author, then (after commit) sent to the room and the mentioned members told.

    `key` is the sender's own id for this send: sent again (after a time-out, a
    reconnection), it returns the message stored the first time, once.
    `reply_to` is the id of a message of the same room it answers; `files` are
    photos and documents sent with it (`chat.attachments` checks them)."""
    if not selectors.can_post(user=author, room=room):
        raise _forbidden()
    return _post(room, author, body, key, reply_to=reply_to, files=files or [])


@transaction.atomic
def guest_message_post(*, room: Room, guest: User, body: str) -> Message:
    """Post as the guest of a conversation: someone without an account (a family
    in the newcomer pipeline) who writes from their private page."""
    if not Participant.objects.filter(
        room=room, user=guest, is_guest=True, left_at__isnull=True
    ).exists():
        raise _forbidden()
    return _post(room, guest, body)


def _clean_key(key: str) -> str:
    if len(key) > MAX_KEY or not key.isprintable():
        raise ValidationError(_("This send has an invalid key."), code="invalid_key")
    return key


def _answered(room: Room, reply_to: int | None) -> Message | None:
    if reply_to is None:
        return None
    answered = (
        Message.objects.select_related("author").filter(room=room, pk=reply_to).first()
    )
    if answered is None or answered.deleted_at is not None:
        raise ValidationError(
            _("The message you answer no longer exists."), code="reply_to"
        )
    return answered


def _check_uploads(author: User, files: list[UploadedFile]) -> list:
    if not files:
        return []
    checked = attachments.check(files)
    rate = ratelimit.Rate(attachments.FILES_PER_HOUR, 3600)
    if not ratelimit.spend(f"chat-files:{author.pk}", rate):
        raise ValidationError(
            _("You have sent many files this hour: wait a little before the next."),
            code="rate_limited",
        )
    return checked


def _post(
    room: Room,
    author: User,
    body: str,
    key: str = "",
    *,
    reply_to: int | None = None,
    files: list[UploadedFile] | None = None,
) -> Message:
    key = _clean_key(key)
    if key and (stored := _sent_before(author, key)) is not None:
        return stored  # a retry: no second message, nothing counted
    body = mentions.encode(_clean(body, files=bool(files)))
    answered = _answered(room, reply_to)
    checked = _check_uploads(author, files or [])
    _check_rate(author)
    # Taking the room's next place locks its row until the commit: a second send
    # of the same key waits for the first, then finds it.
    seq, now = _next_place(room)
    if key and (stored := _sent_before(author, key)) is not None:
        transaction.set_rollback(True)  # the place stays free
        return stored
    message = Message.objects.create(
        room=room, author=author, body=body, seq=seq, key=key, created_at=now,
        changed_at=now, reply_to=answered,
    )  # fmt: skip
    if checked:
        _attach(message, checked)
        message.attachment_count = len(checked)
        Message.objects.filter(pk=message.pk).update(attachment_count=len(checked))
    _read_upto(author, room, message.pk)
    notices.mentions(message=message, room=room)
    if room.is_direct and author is not None:
        notices.direct_message(message=message, room=room)
    transaction.on_commit(lambda: broadcast.message(message, event="message"))
    if room.has_guest:
        bus.publish(GuestConversationMessage(message=message))
    return message


def _attach(message: Message, checked: list) -> list[Attachment]:
    stored: list[Attachment] = []
    try:
        for item in checked:
            attachment = Attachment(
                message=message, room_id=message.room_id, kind=item.kind,
                name=item.name, content_type=item.content_type, size=item.size,
                width=item.width, height=item.height,
            )  # fmt: skip
            attachment.file.save(item.name, item.file, save=False)
            if item.thumbnail is not None:
                attachment.thumbnail.save("vignette.webp", item.thumbnail, save=False)
            stored.append(attachment)
            attachment.save()
    except Exception:
        for attachment in stored:  # no file left behind by a failed send
            _delete_files(attachment)
        raise
    return stored


def _delete_files(attachment: Attachment) -> None:
    for field in (attachment.file, attachment.thumbnail):
        if field.name:
            field.storage.delete(field.name)


def attachments_delete(*, queryset: QuerySet[Attachment]) -> int:
    """Delete attachments, their files with them (after the commit); their
    messages have none left (every caller deletes all of a message's)."""
    found = list(queryset)
    Attachment.objects.filter(pk__in=[a.pk for a in found]).delete()
    Message.objects.filter(pk__in={a.message_id for a in found}).update(
        attachment_count=0
    )

    def delete_files() -> None:
        for attachment in found:
            _delete_files(attachment)

    transaction.on_commit(delete_files)
    return len(found)


def _reactions_counted(message: OuterRef) -> Coalesce:
    counted = (
        MessageReaction.objects.filter(message=message)
        .order_by()
        .values("message")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted), 0)


def reactions_delete(*, user: User) -> None:
    """Take back every reaction of `user` (their erasure); the messages' counts
    follow."""
    touched = list(
        MessageReaction.objects.filter(user=user).values_list("message", flat=True)
    )
    MessageReaction.objects.filter(user=user).delete()
    Message.objects.filter(pk__in=touched).update(
        reaction_count=_reactions_counted(OuterRef("pk"))
    )


@transaction.atomic
def reaction_toggle(*, message: Message, user: User, reaction: str) -> bool:
    """Add the reaction (the same set as posts), or take it back if it was there;
    the room hears the message's new reactions after the commit. True if on."""
    if reaction not in Reaction.values:
        raise ValidationError(_("This reaction does not exist."), code="reaction")
    if message.deleted_at is not None:
        raise ValidationError(_("This message was deleted."), code="deleted")
    if not selectors.can_post(user=user, room=message.room):
        raise _forbidden()
    rate = ratelimit.Rate(settings.CHAT_MESSAGES_PER_10_SECONDS * 2, 10)
    if not ratelimit.spend(f"chat-react:{user.pk}", rate):
        raise ValidationError(
            _("You are reacting too fast: wait a few seconds."), code="rate_limited"
        )
    removed, _count = MessageReaction.objects.filter(
        message=message, user=user, reaction=reaction
    ).delete()
    if not removed:
        MessageReaction.objects.get_or_create(
            message=message, user=user, reaction=reaction
        )
        notices.reacted(message=message, by=user)
    # Tabs that were away find the change in their catch-up.
    Message.objects.filter(pk=message.pk).update(
        changed_at=timezone.now(),
        reaction_count=_reactions_counted(OuterRef("pk")),
    )
    pk = message.pk
    transaction.on_commit(
        lambda: broadcast.message(selectors.message_by_id(pk=pk), event="reacted")
    )
    return not removed


@transaction.atomic
def messages_import(*, messages: list[Message]) -> list[Message]:
    """Store messages written elsewhere (the demo, a migration of history) in
    bulk, oldest first, each at the next place of its room. Nothing is pushed."""
    rooms = Room.objects.select_for_update().in_bulk(
        {message.room_id for message in messages}
    )
    ordered = sorted(messages, key=lambda m: m.created_at)  # ids follow places
    for message in ordered:
        room = rooms[message.room_id]
        room.last_seq += 1
        message.seq = room.last_seq
        message.changed_at = (
            message.deleted_at or message.edited_at or message.created_at
        )
        message.folded = fold(message.body) or ""
        if room.last_message_at is None or message.created_at > room.last_message_at:
            room.last_message_at = message.created_at
    stored = Message.objects.bulk_create(ordered, batch_size=1000)
    Room.objects.bulk_update(rooms.values(), ["last_seq", "last_message_at"])
    return stored


def _sent_before(author: User, key: str) -> Message | None:
    return Message.objects.filter(author=author, key=key).first()


def _next_place(room: Room) -> tuple[int, datetime]:
    """The room's next place and the time, in one statement that locks the row."""
    now = timezone.now()
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {Room._meta.db_table} SET last_seq = last_seq + 1, "
            "last_message_at = %s WHERE id = %s RETURNING last_seq",
            [now, room.pk],
        )
        (seq,) = cursor.fetchone()
    return seq, now


def _own(message: Message, by: User) -> Message:
    if message.author_id != by.pk or message.deleted_at is not None:
        raise PermissionDenied(_("Only its author can change this message."))
    if not selectors.can_post(user=by, room=message.room):
        raise _forbidden()
    return message


@transaction.atomic
def message_edit(*, message: Message, by: User, body: str) -> Message:
    _own(message, by)
    message.body = mentions.encode(_clean(body))
    message.edited_at = message.changed_at = timezone.now()
    message.save(update_fields=["body", "edited_at", "changed_at"])
    transaction.on_commit(lambda: broadcast.message(message, event="edited"))
    return message


@transaction.atomic
def message_delete(*, message: Message, by: User) -> None:
    """The text, files and reactions go; a placeholder keeps the conversation
    readable."""
    _own(message, by)
    message.body, message.deleted_at = "", timezone.now()
    message.changed_at = message.deleted_at
    message.save(update_fields=["body", "deleted_at", "changed_at"])
    attachments_delete(queryset=Attachment.objects.filter(message=message))
    MessageReaction.objects.filter(message=message).delete()
    message.reaction_count = message.attachment_count = 0
    message.save(update_fields=["reaction_count", "attachment_count"])
    transaction.on_commit(lambda: broadcast.message(message, event="deleted"))


def _read_upto(user: User, room: Room, message_id: int) -> None:
    updated = ReadMarker.objects.filter(user=user, room=room).update(
        last_read_id=Greatest("last_read_id", message_id)
    )
    if not updated:
        try:
            with transaction.atomic():
                ReadMarker.objects.create(user=user, room=room, last_read_id=message_id)
        except IntegrityError:  # created meanwhile by another tab
            _read_upto(user, room, message_id)


def _last_id(room: Room) -> int:
    return room.messages.order_by("-id").values_list("id", flat=True).first() or 0


def mark_read(*, user: User, room: Room, upto: int | None = None) -> None:
    """Mark `room` read up to the message `upto` (its last message by default): the
    socket's `read` frame, or « Mark as read » on the page without JavaScript.
    Reading the chat also starts the member's rooms that count nothing yet."""
    if upto is None:
        upto = _last_id(room)
    _read_upto(user, room, upto)
    start_reading(user=user)
    transaction.on_commit(lambda: broadcast.unread_changed(user))


def mute_set(*, user: User, room: Room, muted: bool) -> None:
    if not selectors.can_read(user=user, room=room):
        raise _forbidden()
    # A room muted before it was ever read starts, like any, at its last message.
    marker, _created = ReadMarker.objects.get_or_create(  # type: ignore[misc]  # Django calls callable defaults; the stubs reject them
        user=user, room=room, defaults={"last_read_id": lambda: _last_id(room)}
    )
    marker.muted = muted
    marker.save(update_fields=["muted"])


def start_reading(*, user: User) -> None:
    """The first time a member reads in the chat, what was said before is not news:
    each of their rooms without a marker (all of them then; later, a committee
    joined or a new network room) gets one at its last message, and counts what
    comes after."""
    missing = list(selectors.my_rooms(user=user).exclude(markers__user=user))
    if not missing:
        return
    last = dict(
        Message.objects.filter(room__in=missing)
        .order_by()
        .values("room")
        .annotate(last=Max("id"))
        .values_list("room", "last")
    )
    ReadMarker.objects.bulk_create(
        [ReadMarker(user=user, room=room, last_read_id=last.get(room.pk, 0))
         for room in missing],
        ignore_conflicts=True,
    )  # fmt: skip


# Conversations


@transaction.atomic
def conversation_for(*, user: User, others: Iterable[User]) -> Room:
    """The one conversation of `user` with exactly `others` (1 to 19 members),
    created on first use."""
    people = {person.pk: person for person in others if person.pk != user.pk}
    if not people:
        raise ValidationError(_("Choose at least one member."), code="empty")
    if len(people) + 1 > MAX_GROUP:
        raise ValidationError(
            _("A conversation has at most %(max)d members.") % {"max": MAX_GROUP},
            code="too_many",
        )
    if User.objects.filter(pk__in=people, is_active=False).exists():
        raise ValidationError(_("This member is no longer here."), code="inactive")
    key = selectors.conversation_key(user_ids=[user.pk, *people])
    room, created = Room.objects.get_or_create(
        key=key, defaults={"kind": Room.Kind.DIRECT}
    )
    if created:
        for person in [user, *people.values()]:
            Participant.objects.create(room=room, user=person)
            ReadMarker.objects.create(room=room, user=person)
        transaction.on_commit(lambda: broadcast.rooms_changed(list(people)))
    else:
        # Opening it again brings back whoever had left the group.
        Participant.objects.filter(room=room, user=user).update(left_at=None)
    return room


@transaction.atomic
def guest_conversation_create(
    *, name: str, guest: User, members: Iterable[User], description: str = ""
) -> Room:
    """A conversation between members and a guest who has no account: the guest
    reads and writes it from a page of their own, never over the chat's socket."""
    room = Room.objects.create(
        kind=Room.Kind.DIRECT,
        key=f"{GUEST_KEY}{guest.pk}",
        name=name[:80],
        description=description[:200],
    )
    Participant.objects.create(room=room, user=guest, is_guest=True)
    ReadMarker.objects.create(room=room, user=guest)
    for member in members:
        participant_add(room=room, user=member)
    return room


@transaction.atomic
def participant_add(*, room: Room, user: User) -> None:
    """Bring a member into a conversation (again): it appears in their list."""
    participant, created = Participant.objects.get_or_create(room=room, user=user)
    if not created and participant.left_at is not None:
        participant.left_at = None
        participant.save(update_fields=["left_at"])
    ReadMarker.objects.get_or_create(room=room, user=user)
    transaction.on_commit(lambda: broadcast.rooms_changed([user.pk]))


@transaction.atomic
def participant_remove(*, room: Room, user: User) -> None:
    """Take a member out of a conversation they no longer belong to."""
    left = Participant.objects.filter(
        room=room, user=user, left_at__isnull=True
    ).update(left_at=timezone.now())
    if left:
        transaction.on_commit(lambda: broadcast.access_revoked(user.pk, room.pk))


@transaction.atomic
def conversation_leave(*, user: User, room: Room) -> None:
    """Leave a group conversation (a 1:1 stays: mute it instead)."""
    if not room.is_direct:
        raise ValidationError(_("Only a conversation can be left."), code="not_group")
    if room.participants.count() <= 2:
        raise ValidationError(
            _("A conversation between two people cannot be left: mute it instead."),
            code="not_group",
        )
    left = Participant.objects.filter(
        room=room, user=user, left_at__isnull=True
    ).update(left_at=timezone.now())
    if left:
        transaction.on_commit(lambda: broadcast.access_revoked(user.pk, room.pk))


# Rooms managed by staff and committees


def network_room_create(*, name: str, description: str = "", position: int = 0) -> Room:
    room, _created = Room.objects.get_or_create(
        slug=slugify(name)[:80],
        defaults={"kind": Room.Kind.NETWORK, "name": name,
                  "description": description, "position": position},
    )  # fmt: skip
    return room


def committee_room(*, committee: CommitteePage) -> Room:
    """The committee's room: made with the committee (`chat.reactions`), or here
    for one that has none yet."""
    room, _created = Room.objects.get_or_create(
        committee=committee, defaults={"kind": Room.Kind.COMMITTEE}
    )
    return room


@transaction.atomic
def committee_room_access_set(
    *, committee: CommitteePage, by: User, access: str
) -> Room:
    """The committee's référents (and the network team) choose whether other
    members may read its room."""
    if not can_manage_committee(user=by, committee=committee):
        raise PermissionDenied
    if access not in Room.Access.values:
        raise ValidationError(_("Choose who reads the room."), code="access")
    room = committee_room(committee=committee)
    room.access = access
    room.save(update_fields=["access"])
    if access == Room.Access.CLOSED:
        transaction.on_commit(lambda: broadcast.room_closed(room))
    return room
