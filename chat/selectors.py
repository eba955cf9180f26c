"""Reads of the chat: who may read or write where, room lists with unread counts,
and messages by their place in the room."""

from collections.abc import Iterable
from datetime import datetime

from django.db.models import Count, F, Max, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from chat.models import Message, Participant, ReadMarker, Room
from committees.selectors import committee_ids_of
from members.models import User

PAGE = 50  # messages per page of history
CATCH_UP = 500  # messages sent at once to a client that reconnects


def readable_rooms(*, user: User) -> QuerySet[Room]:
    """Every room `user` may read: network rooms, their committees' rooms and the
    open rooms of other committees, and their conversations (staff included: no
    one reads a conversation they are not part of)."""
    if not user.is_active:
        return Room.objects.none()
    return Room.objects.filter(
        Q(kind=Room.Kind.NETWORK)
        | Q(kind=Room.Kind.COMMITTEE, committee_id__in=committee_ids_of(user=user))
        | Q(kind=Room.Kind.COMMITTEE, access=Room.Access.OPEN)
        | Q(
            kind=Room.Kind.DIRECT,
            participants__user=user,
            participants__left_at__isnull=True,
        )
    )


def my_rooms(*, user: User) -> QuerySet[Room]:
    """The rooms of the member's list: network rooms, their committees' rooms and
    their conversations (other committees' open rooms are reached from their page)."""
    if not user.is_active:
        return Room.objects.none()
    return Room.objects.filter(
        Q(kind=Room.Kind.NETWORK)
        | Q(kind=Room.Kind.COMMITTEE, committee_id__in=committee_ids_of(user=user))
        | Q(
            kind=Room.Kind.DIRECT,
            participants__user=user,
            participants__left_at__isnull=True,
        )
    )


def can_read(*, user: User, room: Room) -> bool:
    return readable_rooms(user=user).filter(pk=room.pk).exists()


def can_post(*, user: User, room: Room) -> bool:
    """Network rooms: every member; a committee's room: its members; a
    conversation: its participants who did not leave."""
    if not user.is_active:
        return False
    if room.kind == Room.Kind.NETWORK:
        return True
    if room.kind == Room.Kind.COMMITTEE:
        return room.committee_id in committee_ids_of(user=user)
    return Participant.objects.filter(
        room=room, user=user, left_at__isnull=True
    ).exists()


def unread_filter(*, user: User) -> Q:
    """Messages of others that `user` has not read, in rooms whose marker they have
    (a room never opened counts nothing) and did not mute."""
    return (
        Q(
            room__markers__user=user,
            room__markers__muted=False,
            id__gt=F("room__markers__last_read_id"),
        )
        & ~Q(author=user)
        & Q(deleted_at__isnull=True)
    )


def unread_messages(*, user: User) -> QuerySet[Message]:
    return Message.objects.filter(unread_filter(user=user)).filter(
        room__in=readable_rooms(user=user).values("pk")
    )


def unread_total(*, user: User) -> int:
    return unread_messages(user=user).count()


def unread_by_room(*, user: User) -> dict[int, int]:
    """The member's unread count in each room that has some (one query)."""
    return dict(
        unread_messages(user=user)
        .order_by()
        .values("room")
        .annotate(count=Count("pk"))
        .values_list("room", "count")
    )


def room_list(*, user: User) -> list[Room]:
    """My rooms, newest activity first, each with `unread`, `muted` and, for a
    conversation, `people` (the others)."""
    marker = ReadMarker.objects.filter(room=OuterRef("pk"), user=user)
    found = (
        my_rooms(user=user)
        .annotate(
            read_upto=Subquery(marker.values("last_read_id")[:1]),
            muted=Coalesce(Subquery(marker.values("muted")[:1]), Value(False)),
        )
        .annotate(
            unread=Count(
                "messages",
                filter=Q(messages__id__gt=F("read_upto"))
                & ~Q(messages__author=user)
                & Q(messages__deleted_at__isnull=True),
            )
        )
        .select_related("committee")
        .order_by(F("last_message_at").desc(nulls_last=True), "position", "pk")
    )
    rooms: list[Room] = list(found)
    attach_people(rooms=rooms, user=user)
    return rooms


def attach_people(*, rooms: list[Room], user: User) -> None:
    """Set `people` (the other participants) on each conversation."""
    direct = [room for room in rooms if room.is_direct]
    people: dict[int, list[User]] = {room.pk: [] for room in direct}
    for participant in (
        Participant.objects.filter(room__in=direct, left_at__isnull=True)
        .exclude(user=user)
        .select_related("user__profile")
        .order_by("user__first_name")
    ):
        people[participant.room_id].append(participant.user)
    for room in direct:
        room.people = people[room.pk]


def messages_after(*, room: Room, after: int, limit: int = CATCH_UP) -> list[Message]:
    """The messages after the place `after`, oldest first."""
    return list(
        Message.objects.filter(room=room, seq__gt=after)
        .select_related("author__profile")
        .order_by("seq")[:limit]
    )


def messages_changed(
    *, room: Room, upto: int, since: datetime, limit: int = CATCH_UP
) -> list[Message]:
    """The messages up to the place `upto` edited or deleted since `since`."""
    return list(
        Message.objects.filter(room=room, seq__lte=upto, changed_at__gt=since)
        .exclude(changed_at=F("created_at"))
        .select_related("author__profile")
        .order_by("changed_at")[:limit]
    )


def rooms_state(*, room_ids: Iterable[int]) -> dict[int, dict[str, object]]:
    """Each room's last place and last change, for a tab to see what it lacks."""
    changed = dict(
        Message.objects.filter(room_id__in=room_ids)
        .values("room_id")
        .annotate(last=Max("changed_at"))
        .order_by()
        .values_list("room_id", "last")
    )
    return {
        pk: {"latest": last_seq, "changed": changed.get(pk)}
        for pk, last_seq in Room.objects.filter(pk__in=room_ids).values_list(
            "pk", "last_seq"
        )
    }


def messages_before(
    *, room: Room, before: int | None, limit: int = PAGE
) -> list[Message]:
    """The `limit` messages before the place `before` (the latest without it),
    oldest first."""
    found = Message.objects.filter(room=room)
    if before:
        found = found.filter(seq__lt=before)
    page = list(found.select_related("author__profile").order_by("-seq")[:limit])
    page.reverse()
    return page


def marker_of(*, user: User, room: Room) -> ReadMarker | None:
    return ReadMarker.objects.filter(user=user, room=room).first()


def people_to_write_to(*, user: User, limit: int = 30) -> list[User]:
    """Suggestions for a new conversation: the people of one's latest
    conversations, then the members of one's committees."""
    recent = (
        Participant.objects.filter(
            room__participants__user=user,
            room__participants__left_at__isnull=True,
            room__kind=Room.Kind.DIRECT,
            user__is_active=True,
        )
        .exclude(user=user)
        .order_by(F("room__last_message_at").desc(nulls_last=True))
        .values_list("user_id", flat=True)[: limit * 3]
    )
    ids = list(dict.fromkeys(recent))[: limit // 2]
    neighbours = (
        User.objects.filter(
            is_active=True,
            committee_memberships__committee_id__in=committee_ids_of(user=user),
        )
        .exclude(pk__in=[user.pk, *ids])
        .order_by("first_name", "last_name")
        .values_list("pk", flat=True)[: limit * 2]
    )
    ids = list(dict.fromkeys([*ids, *neighbours]))[:limit]
    found = User.objects.only("pk", "first_name", "last_name", "email").in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


def conversation_key(*, user_ids: Iterable[int]) -> str:
    return "-".join(str(pk) for pk in sorted(set(user_ids)))
