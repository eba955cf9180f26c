"""Reads of the chat: who may read or write where, room lists with unread counts,
and messages by their place in the room."""

import functools
from collections.abc import Iterable
from datetime import datetime

from django.db.models import (
    BigIntegerField,
    Case,
    F,
    FilteredRelation,
    Func,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
    prefetch_related_objects,
)
from django.db.models.expressions import CombinedExpression
from django.db.models.functions import Cast, Coalesce

from chat.models import (
    Attachment,
    Message,
    MessageReaction,
    Participant,
    ReadMarker,
    Room,
)
from committees.models import CommitteeMembership
from committees.selectors import committee_ids_of
from intranet.prepared import Prepared
from members.models import User

PAGE = 50  # messages per page of history
CATCH_UP = 500  # messages sent at once to a client that reconnects


def _committees_of(user: User) -> QuerySet:
    return CommitteeMembership.objects.filter(user=user.pk).values("committee_id")


def _conversations_of(user: User) -> QuerySet:
    return Participant.objects.filter(user=user, left_at__isnull=True).values("room_id")


def readable_rooms(*, user: User) -> QuerySet[Room]:
    """Every room `user` may read: network rooms, their committees' rooms and the
    open rooms of other committees, and their conversations (staff included: no
    one reads a conversation they are not part of). Subqueries, no join: one row
    per room."""
    if not user.is_active:
        return Room.objects.none()
    return Room.objects.filter(
        Q(kind=Room.Kind.NETWORK)
        | Q(kind=Room.Kind.COMMITTEE, committee_id__in=_committees_of(user))
        | Q(kind=Room.Kind.COMMITTEE, access=Room.Access.OPEN)
        | Q(kind=Room.Kind.DIRECT, pk__in=_conversations_of(user))
    )


def my_rooms(*, user: User) -> QuerySet[Room]:
    """The rooms of the member's list: network rooms, their committees' rooms and
    their conversations (other committees' open rooms are reached from their page)."""
    if not user.is_active:
        return Room.objects.none()
    return Room.objects.filter(
        Q(kind=Room.Kind.NETWORK)
        | Q(kind=Room.Kind.COMMITTEE, committee_id__in=_committees_of(user))
        | Q(kind=Room.Kind.DIRECT, pk__in=_conversations_of(user))
    )


def readable_room(*, user: User, pk: int) -> Room | None:
    """The room `pk` if `user` may read it (one query, built once per process)."""
    if not user.is_active:
        return None
    found = _READABLE.objects(viewer=user.pk, room=pk)
    return found[0] if found else None


_READABLE = Prepared(
    lambda viewer, room: readable_rooms(user=User(pk=viewer, is_active=True)).filter(
        pk=room
    )[:1],
    viewer=int,
    room=int,
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


def _count(queryset: QuerySet) -> Coalesce:
    """`COUNT(*)` of `queryset` as a scalar subquery (no GROUP BY)."""
    counted = queryset.order_by().annotate(n=Func(F("pk"), function="COUNT"))
    return Coalesce(Subquery(counted.values("n")), 0)


def _unread_after(
    *, user: User, room: OuterRef, upto: OuterRef, last: F
) -> CombinedExpression:
    """The unread count of a room read up to the message id `upto`, without
    scanning its messages. Places have no holes (`Message.seq`, given under the
    room's row lock in id order), so the messages after `upto` are the room's last
    place minus the place of the last message at or before `upto`; take away the
    deleted ones (a partial index) and the member's own (their marker moves past
    what they post, so there are none but imported ones). Each is an index probe
    that reads nothing but what it subtracts."""
    after = Message.objects.filter(room=room, id__gt=upto)
    place = (
        Message.objects.filter(room=room, id__lte=upto)
        .order_by("-id")
        .values("seq")[:1]
    )
    return (
        last
        - Coalesce(Subquery(place), 0)
        - _count(after.filter(deleted_at__isnull=False))
        - _count(after.filter(author=user, deleted_at__isnull=True))
    )


def unread_markers(*, user: User) -> QuerySet[ReadMarker]:
    """The member's markers that count: in the rooms they may read, not muted (a
    room never opened has none and counts nothing), each with `unread`."""
    return ReadMarker.objects.filter(
        user=user, muted=False, room__in=readable_rooms(user=user).values("pk")
    ).annotate(
        unread=_unread_after(
            user=user,
            room=OuterRef("room_id"),
            upto=OuterRef("last_read_id"),
            last=F("room__last_seq"),
        )
    )


def unread_count(*, user: User) -> Coalesce:
    """The member's unread total as an SQL expression (the header's counter)."""
    total = (
        unread_markers(user=user)
        .order_by()
        .annotate(total=Func(F("unread"), function="SUM"))
        .values("total")
    )
    return Coalesce(Cast(Subquery(total), BigIntegerField()), 0)  # not numeric


def unread_total(*, user: User) -> int:
    return sum(unread_by_room(user=user).values())


def unread_by_room(*, user: User) -> dict[int, int]:
    """The member's unread count in each room that has some (one query)."""
    counts = unread_markers(user=user).values_list("room_id", "unread")  # type: ignore[misc]  # an annotation, which the stubs do not see
    return {room: count for room, count in counts if count > 0}


def room_list(*, user: User) -> list[Room]:
    """My rooms, newest activity first, each with `unread`, `muted` and, for a
    conversation, `people` (the others): one query on the rooms and the member's
    markers, built once per process (`Prepared`), then the conversations' people."""
    if not user.is_active:
        return []
    rooms: list[Room] = _ROOM_LIST.objects(viewer=user.pk)
    attach_people(rooms=rooms, user=user)
    return rooms


def _rooms_of(viewer: int) -> QuerySet[Room]:
    user = User(pk=viewer, is_active=True)
    return (
        my_rooms(user=user)
        .annotate(mine=FilteredRelation("markers", condition=Q(markers__user=user)))
        .annotate(
            read_upto=F("mine__last_read_id"),
            muted=Coalesce(F("mine__muted"), Value(False)),
        )
        .annotate(
            unread=Case(
                When(read_upto__isnull=True, then=Value(0)),
                default=_unread_after(
                    user=user,
                    room=OuterRef("pk"),
                    upto=OuterRef("read_upto"),
                    last=F("last_seq"),
                ),
            )
        )
        .select_related("committee")
        .order_by(F("last_message_at").desc(nulls_last=True), "position", "pk")
    )


_ROOM_LIST = Prepared(_rooms_of, viewer=int)


def attach_people(*, rooms: list[Room], user: User) -> None:
    """Set `people` (the other participants) on each conversation."""
    direct = [room for room in rooms if room.is_direct]
    if not direct:
        return
    people: dict[int, list[User]] = {room.pk: [] for room in direct}
    for participant in _PEOPLE.objects(
        rooms=[room.pk for room in direct], viewer=user.pk
    ):
        people[participant.room_id].append(participant.user)
    for room in direct:
        room.people = people[room.pk]


_PEOPLE = Prepared(
    lambda rooms, viewer: (
        Participant.objects.filter(room_id__any=rooms, left_at__isnull=True)
        .exclude(user_id=viewer)
        .select_related("user__profile")
        .order_by("user__first_name")
    ),
    rooms=list,
    viewer=int,
)


def with_extras(*, messages: QuerySet[Message]) -> QuerySet[Message]:
    """Messages with their author and the message each answers (joined); their
    reactions and attachments come with `attach_extras`."""
    return messages.select_related("author__profile", "reply_to__author")


def attach_extras(*, messages: list[Message]) -> list[Message]:
    """Each message's reactions (with who) and attachments, one query each for
    the messages that have some: none for a page without any (the others show
    none without asking, see `broadcast.reactions_of`)."""
    reacted = [m for m in messages if m.reaction_count]
    attached = [m for m in messages if m.attachment_count]
    prefetch_related_objects(
        reacted,
        Prefetch(
            "reactions",
            queryset=MessageReaction.objects.select_related("user").order_by("pk"),
        ),
    )
    prefetch_related_objects(
        attached, Prefetch("attachments", queryset=Attachment.objects.order_by("pk"))
    )
    return messages


def message_by_id(*, pk: int) -> Message:
    return attach_extras(
        messages=[with_extras(messages=Message.objects.filter(pk=pk)).get()]
    )[0]


def messages_after(*, room: Room, after: int, limit: int = CATCH_UP) -> list[Message]:
    """The messages after the place `after`, oldest first."""
    return attach_extras(
        messages=list(
            with_extras(
                messages=Message.objects.filter(room=room, seq__gt=after)
            ).order_by("seq")[:limit]
        )
    )


def messages_changed(
    *, room: Room, upto: int, since: datetime, limit: int = CATCH_UP
) -> list[Message]:
    """The messages up to the place `upto` edited or deleted since `since`."""
    return attach_extras(
        messages=list(
            with_extras(
                messages=Message.objects.filter(
                    room=room, seq__lte=upto, changed_at__gt=since
                )
            )
            .exclude(changed_at=F("created_at"))
            .order_by("changed_at")[:limit]
        )
    )


def rooms_state(*, room_ids: Iterable[int]) -> dict[int, dict[str, object]]:
    """Each room's last place and last change, for a tab to see what it lacks (the
    last change: one probe of the index on (room, changed_at) per room)."""
    changed = (
        Message.objects.filter(room=OuterRef("pk"))
        .order_by("-changed_at")
        .values("changed_at")[:1]
    )
    return {
        pk: {"latest": last_seq, "changed": last_change}
        for pk, last_seq, last_change in Room.objects.filter(pk__in=room_ids)
        .annotate(last_change=Subquery(changed))
        .values_list("pk", "last_seq", "last_change")
    }


def messages_before(
    *, room: Room, before: int | None, limit: int = PAGE
) -> list[Message]:
    """The `limit` messages before the place `before` (the latest without it),
    oldest first; the query is built once per process (`Prepared`)."""
    if before:
        page = _page(limit, cursor=True).objects(room=room.pk, before=before)
    else:
        page = _page(limit, cursor=False).objects(room=room.pk)
    page.reverse()
    return attach_extras(messages=page)


@functools.cache
def _page(limit: int, *, cursor: bool) -> Prepared:
    def build(room: int, before: int | None = None) -> QuerySet[Message]:
        found = Message.objects.filter(room_id=room)
        if cursor:
            found = found.filter(seq__lt=before)
        return with_extras(messages=found).order_by("-seq")[:limit]

    if cursor:
        return Prepared(build, room=int, before=int)
    return Prepared(build, room=int)


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
