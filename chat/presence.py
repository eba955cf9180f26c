"""Who is online now, in the cache (Redis in production, shared by every server).

Each open socket stamps its member "online until now + TTL" when it connects and
at each ping (the browser pings every 15 s). Nothing needs to say goodbye: a
member whose sockets, or whole server, died stops being stamped and drops out
within TTL seconds. A socket that closes cleanly clears the stamp at once, and
the member's other sockets, if any, stamp it again (`consumers.chat_present`).

A room's list is shared by all its readers, so hundreds of open tabs polling it
cost one computation: it is kept `ROOM_FRESH` seconds, or until a member comes
online or leaves cleanly (each bumps a version number), whichever comes first.

Who may be online is also kept in one key (`INDEX`: member id -> until), so that a
room's list starts from the few members online rather than from all its readers
(a network room is read by every member: 28,000 ids at 100 × the demo). The index
is only a list of candidates: each member's own stamp decides. Written when a
member comes online or leaves and refreshed by their pings, an entry lost to two
members writing it at once comes back at the next ping.
"""

import time

from django.core.cache import cache

from chat.models import Room
from members.models import User

TTL = 40  # seconds: two missed pings and then some
ROOM_FRESH = 5  # seconds a room's computed list is reused
SHOWN = 30  # names listed at most (the count is always exact)
VERSION = "chat.presence.version"
INDEX = "chat.presence.index"


def _now() -> float:
    return time.time()


def _key(user_id: int) -> str:
    return f"chat.online.{user_id}"


def touch(user_id: int) -> None:
    key = _key(user_id)
    until = cache.get(key)
    now = _now()
    cache.set(key, now + TTL, timeout=TTL + 5)
    index = cache.get(INDEX) or {}
    if index.get(user_id, 0) < now + TTL / 2:  # missing, or due for a refresh
        _index_set(index, user_id, now + TTL)
    if until is None or until <= now:  # was offline: rooms' lists are stale
        _changed()


def clear(user_id: int) -> None:
    cache.delete(_key(user_id))
    index = cache.get(INDEX) or {}
    if user_id in index:
        _index_set(index, user_id, None)
    _changed()


def _index_set(index: dict, user_id: int, until: float | None) -> None:
    now = _now()
    index = {pk: then for pk, then in index.items() if then > now}
    if until is None:
        index.pop(user_id, None)
    else:
        index[user_id] = until
    cache.set(INDEX, index, timeout=TTL * 2)


def _changed() -> None:
    try:
        cache.incr(VERSION)
    except ValueError:  # not there yet (or evicted)
        cache.set(VERSION, 1, timeout=None)


def online_among(user_ids) -> set[int]:
    stamps = cache.get_many([_key(pk) for pk in user_ids])
    now = _now()
    return {int(key.rsplit(".", 1)[1]) for key, until in stamps.items() if until > now}


def _readers_among(room: Room, user_ids: set[int]):
    """The members of `user_ids` who read `room` (one query, by primary key)."""
    if not user_ids:
        return User.objects.none()
    people = User.objects.filter(pk__in=user_ids, is_active=True)
    if room.kind == Room.Kind.COMMITTEE:
        people = people.filter(committee_memberships__committee_id=room.committee_id)
    elif room.kind == Room.Kind.DIRECT:
        people = people.filter(
            pk__in=room.participants.filter(left_at__isnull=True).values("user_id")
        )
    return people


def in_room(room: Room) -> dict:
    """`{"count": n, "people": [{"id", "name"}, …]}`: the room's members online
    now (its committee's or conversation's members; everyone for a network room),
    by first name, at most `SHOWN` of them named."""
    key = f"chat.presence.room.{room.pk}"
    version = cache.get(VERSION, 0)
    cached = cache.get(key)
    if cached and cached[0] > _now() - ROOM_FRESH and cached[1] == version:
        return cached[2]
    now = _now()
    candidates = [pk for pk, until in (cache.get(INDEX) or {}).items() if until > now]
    people = list(
        _readers_among(room, online_among(candidates))
        .only("pk", "first_name", "last_name", "email")
        .order_by("first_name", "last_name", "pk")
        .distinct()
    )
    found = {
        "count": len(people),
        "people": [{"id": u.pk, "name": str(u)} for u in people[:SHOWN]],
    }
    cache.set(key, (_now(), version, found), timeout=ROOM_FRESH * 2)
    return found


def seen_by(found: dict, user_id: int) -> tuple[list[str], int]:
    """The names to show a member (not their own) and how many more are online."""
    names = [person["name"] for person in found["people"] if person["id"] != user_id]
    me = len(names) < len(found["people"])
    return names, max(0, found["count"] - len(names) - (1 if me else 0))
