"""Who is online now, in the cache (Redis in production, shared by every server).

Each open socket stamps its member "online until now + TTL" when it connects and
at each ping (the browser pings every 15 s). Nothing needs to say goodbye: a
member whose sockets, or whole server, died stops being stamped and drops out
within TTL seconds. A socket that closes cleanly clears the stamp at once, and
the member's other sockets, if any, stamp it again (`consumers.chat_present`).

A room's list is shared by all its readers, so hundreds of open tabs polling it
cost one computation: it is kept `ROOM_FRESH` seconds, or until a member comes
online or leaves cleanly (each bumps a version number), whichever comes first.
"""

import time

from django.core.cache import cache

from chat.models import Room
from members.models import User

TTL = 40  # seconds: two missed pings and then some
ROOM_FRESH = 5  # seconds a room's computed list is reused
SHOWN = 30  # names listed at most (the count is always exact)
VERSION = "chat.presence.version"


def _now() -> float:
    return time.time()


def _key(user_id: int) -> str:
    return f"chat.online.{user_id}"


def touch(user_id: int) -> None:
    key = _key(user_id)
    until = cache.get(key)
    cache.set(key, _now() + TTL, timeout=TTL + 5)
    if until is None or until <= _now():  # was offline: rooms' lists are stale
        _changed()


def clear(user_id: int) -> None:
    cache.delete(_key(user_id))
    _changed()


def _changed() -> None:
    try:
        cache.incr(VERSION)
    except ValueError:  # not there yet (or evicted)
        cache.set(VERSION, 1, timeout=None)


def online_among(user_ids) -> set[int]:
    stamps = cache.get_many([_key(pk) for pk in user_ids])
    now = _now()
    return {int(key.rsplit(".", 1)[1]) for key, until in stamps.items() if until > now}


def _reader_ids(room: Room):
    if room.kind == Room.Kind.NETWORK:
        return User.objects.filter(is_active=True).values_list("pk", flat=True)
    if room.kind == Room.Kind.COMMITTEE:
        return User.objects.filter(
            is_active=True, committee_memberships__committee_id=room.committee_id
        ).values_list("pk", flat=True)
    return room.participants.filter(left_at__isnull=True).values_list(
        "user_id", flat=True
    )


def in_room(room: Room) -> dict:
    """`{"count": n, "people": [{"id", "name"}, …]}`: the room's members online
    now (its committee's or conversation's members; everyone for a network room),
    by first name, at most `SHOWN` of them named."""
    key = f"chat.presence.room.{room.pk}"
    version = cache.get(VERSION, 0)
    cached = cache.get(key)
    if cached and cached[0] > _now() - ROOM_FRESH and cached[1] == version:
        return cached[2]
    online = online_among(list(_reader_ids(room)))
    people = User.objects.filter(pk__in=online).order_by("first_name", "last_name")
    found = {
        "count": len(online),
        "people": [{"id": u.pk, "name": str(u)} for u in people[:SHOWN]],
    }
    cache.set(key, (_now(), version, found), timeout=ROOM_FRESH * 2)
    return found


def seen_by(found: dict, user_id: int) -> tuple[list[str], int]:
    """The names to show a member (not their own) and how many more are online."""
    names = [person["name"] for person in found["people"] if person["id"] != user_id]
    me = len(names) < len(found["people"])
    return names, max(0, found["count"] - len(names) - (1 if me else 0))
