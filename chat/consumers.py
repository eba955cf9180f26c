"""`/ws/`: one WebSocket per tab, transport only (the services decide and write).

The protocol: JSON objects with a `type`.

Each message has its place in its room, `seq` (1, 2, 3…, no holes): a tab keeps
messages by place, whatever order they arrive in, and asks for any place it lacks
below the last one it heard of (`catchup`). Times (`changed_at`, `synced`) are
UTC stamps "2026-12-06T08:30:00.000000Z" that compare as text.

Client → server
- `{"type": "subscribe", "room": 12, "after": 340, "since": "…"}` open a room in
  this tab. With `after` (a place), the server answers `subscribed` as a `catchup`
  (below); without it, with the latest page of messages.
- `{"type": "catchup", "room": 12, "after": 340, "since": "…"}` the messages after
  place 340, oldest first, up to 500 (`more`: ask again from the last one), and in
  `changed` those up to 340 edited or deleted after `since` (the `synced` of the
  previous answer).
- `{"type": "unsubscribe", "room": 12}` the tab closed the room.
- `{"type": "history", "room": 12, "before": 300}` the 50 messages before place 300.
- `{"type": "send", "room": 12, "body": "…", "key": "…", "ref": "c1",
  "reply_to": 338}` post (`reply_to`, optional: the id of the message of the room
  it answers); `key` (up to 64 characters) is the tab's own id for this send:
  sent again, it is stored once and answered with the same message. Answered
  with `sent` (`ref`, `key`, `id`, `seq`, `message`), then the message comes to
  every reader as `message`. Photos and documents do not travel in frames: a send
  with files is a multipart POST of the same fields (`body`, `key`, `reply_to`,
  `files`) to the room's `envoyer/` address (JSON answer with
  `Accept: application/json`), the same service; its message reaches every
  reader here as `message`, like any.
- `{"type": "edit", "id": 341, "body": "…"}`, `{"type": "delete", "id": 341}`.
- `{"type": "react", "id": 341, "reaction": "like"}` toggles one's reaction (the
  set of posts: like, love, celebrate, smile, thinking, thanks); the room hears
  the message with its reactions as `reacted`.
- `{"type": "read", "room": 12, "id": 341}` the tab showed everything up to the
  message 341 (a GET marks nothing read: this frame clears the count).
- `{"type": "typing", "room": 12}` at most every few seconds while typing.
- `{"type": "presence", "room": 12}` who is online among the room's members.
- `{"type": "ping", "rooms": [12]}` every 15 s: answered with `pong`, which gives
  for each of these rooms open in the tab its last place and its last change
  (`rooms`: {"12": {"latest": 345, "changed": "…"}}): a broadcast lost while Redis
  or a server was down is fetched within one ping; and, like `hello`, the
  member's unread counts. Keeps the member online and proxies from closing the
  socket.

The frames that read or write the database are handled one after the other, in
the order they came, by a task of the socket's own (at most 32 waiting, else
`busy`): while one waits for the database, the room's messages keep flowing to
the tab.

Server → client
- `hello` (`user`, `unread`: the member's unread total, `unread_rooms`: each
  room's count, {"12": 3}, rooms with none left out), `subscribed` and
  `catchup` (`room`, `messages`, `more`, `latest`, `synced`, `changed`; `subscribed`
  also `online`), `history`, `sent`, `pong`, `presence` (`room`, `online`: `count`
  and `people`, see `presence.in_room`).
- `message`, `edited`, `deleted`, `reacted` (`message`: see `broadcast.payload`,
  with its quote, reactions and attachments) in open rooms;
  `activity` (`room`, `id`) in the member's other rooms, for their unread counts.
- `typing` (`room`, `user`, `name`), `unread` (`total`, `rooms`), `notification`
  (`text`, `url`), `rooms` (the member's list changed), `revoked` (`room`: no
  access any more).
- `error`: `code`, `message` (in the member's language) and the `ref` or `room`
  it is about. Codes: `bad_json`, `too_large`, `unknown_type`, `missing_field`,
  `not_found`, `forbidden`, `empty`, `too_long`, `invalid_key`, `rate_limited`,
  `reply_to` (the message answered is gone), `reaction`, `deleted`,
  `busy`, and `unavailable`: the database or Redis failed; nothing was lost, send
  again (with the same key). The socket stays open, except after too many of the
  client's own errors in a row (close code 4008).
Close codes: 4001 the member logged out, was deactivated or erased; 4008 abuse.
"""

import asyncio
import json
import logging
from datetime import UTC, datetime, timedelta

from asgiref.sync import sync_to_async
from channels.consumer import get_handler_name
from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from redis.exceptions import RedisError

from chat import broadcast, presence, selectors, services
from chat.models import Message, Room

logger = logging.getLogger(__name__)

MAX_FRAME = 64 * 1024
MAX_ERRORS = 30  # of the client's own, in a row: it is broken or hostile
MAX_JOBS = 32  # frames waiting for the database, per socket
SYNC_MARGIN = 30  # seconds: edits committed late are sent again, never missed
#: Frames that need the database: handled in order by the socket's own task.
JOBS = {"subscribe", "catchup", "unsubscribe", "history", "send", "edit", "delete",
        "react", "read", "presence", "ping"}  # fmt: skip
TYPES = JOBS | {"typing"}
#: A service down (the database, Redis): the frame fails, the socket stays.
OUTAGES = (DatabaseError, RedisError, OSError, TimeoutError)


stamp = broadcast.stamp


def _since(data: dict) -> datetime | None:
    value = data.get("since")
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.strptime(value, broadcast.STAMP).replace(tzinfo=UTC)
    except ValueError:
        raise Problem("missing_field", _("“since” is not a date.")) from None


class Problem(Exception):
    def __init__(self, code: str, message: str):
        self.code, self.message = code, message


# The database side, run in a worker thread.


@database_sync_to_async
def _room_ids(user, shown) -> tuple[set[int], set[int]]:
    """The member's rooms, and which of the rooms `shown` they may still read."""
    user.refresh_from_db(fields=["is_active"])
    mine = set(selectors.my_rooms(user=user).values_list("pk", flat=True))
    readable = selectors.readable_rooms(user=user).filter(pk__in=shown)
    return mine, set(readable.values_list("pk", flat=True))


@database_sync_to_async
def _room_for(user, pk) -> Room:
    room = selectors.readable_rooms(user=user).filter(pk=pk).first()
    if room is None:
        raise Problem("not_found", _("This room does not exist or is not open to you."))
    return room


@database_sync_to_async
def _page(room: Room, *, before: int | None) -> tuple[list[dict], bool]:
    found = selectors.messages_before(room=room, before=before)
    return broadcast.payloads(found), len(found) == selectors.PAGE


@database_sync_to_async
def _catch_up(room: Room, *, after: int, since: datetime | None) -> dict:
    """What a tab lacks after place `after`, and what changed since `since`."""
    synced = timezone.now() - timedelta(seconds=SYNC_MARGIN)
    found = selectors.messages_after(
        room=room, after=after, limit=selectors.CATCH_UP + 1
    )
    more = len(found) > selectors.CATCH_UP
    found = found[: selectors.CATCH_UP]
    changed = (
        selectors.messages_changed(room=room, upto=after, since=since)
        if since is not None
        else []
    )
    names = broadcast.names_for(broadcast.bodies(found + changed))
    latest = selectors.rooms_state(room_ids=[room.pk])[room.pk]["latest"]
    return {
        "room": room.pk,
        "messages": [broadcast.payload(m, names) for m in found],
        "changed": [broadcast.payload(m, names) for m in changed],
        "more": more,
        "latest": latest,
        "synced": stamp(synced),
    }


@database_sync_to_async
def _rooms_state(room_ids: set[int]) -> dict[str, dict]:
    return {
        str(pk): {
            "latest": state["latest"],
            "changed": stamp(state["changed"]) if state["changed"] else "",
        }
        for pk, state in selectors.rooms_state(room_ids=room_ids).items()
    }


@database_sync_to_async
def _unread(user) -> dict:
    """The `unread` frame's fields: the total and each room's count."""
    rooms = selectors.unread_by_room(user=user)
    return {
        "total": sum(rooms.values()),
        "rooms": {str(pk): count for pk, count in rooms.items()},
    }


_touch = sync_to_async(presence.touch, thread_sensitive=False)  # the cache only
_clear = sync_to_async(presence.clear, thread_sensitive=False)
_online = database_sync_to_async(presence.in_room)


def _refused(error: ValidationError | PermissionDenied) -> Problem:
    """A service's refusal, as the protocol's error."""
    if isinstance(error, ValidationError):
        return Problem(error.code or "invalid", error.messages[0])
    return Problem("forbidden", str(error) or _("This is not allowed."))


def _service(function, **kwargs):
    """Run a service; its refusals become `Problem`s."""

    @database_sync_to_async
    def run():
        try:
            return function(**kwargs)
        except (ValidationError, PermissionDenied) as error:
            raise _refused(error) from error

    return run()


@database_sync_to_async
def _post(
    user, room_id: int, body: str, key: str, reply_to: int | None
) -> tuple[Message, dict]:
    """A send in one trip to the database thread: the room, the message, and the
    message as the protocol sends it."""
    room = selectors.readable_rooms(user=user).filter(pk=room_id).first()
    if room is None:
        raise Problem("not_found", _("This room does not exist or is not open to you."))
    try:
        message = services.message_post(
            room=room, author=user, body=body, key=key, reply_to=reply_to
        )
    except (ValidationError, PermissionDenied) as error:
        raise _refused(error) from error
    return message, broadcast.payload(message)


@database_sync_to_async
def _message_of(user, pk) -> Message:
    message = Message.objects.select_related("room").filter(pk=pk).first()
    if message is None or not selectors.can_read(user=user, room=message.room):
        raise Problem("not_found", _("This message does not exist."))
    return message


def _int(data, key) -> int:
    value = data.get(key)
    if isinstance(value, bool) or not isinstance(value, int):
        raise Problem(
            "missing_field", _("“%(field)s” must be a number.") % {"field": key}
        )
    return value


def _text(data, key) -> str:
    value = data.get(key)
    if not isinstance(value, str):
        raise Problem(
            "missing_field", _("“%(field)s” must be a text.") % {"field": key}
        )
    return value


class ChatConsumer(AsyncWebsocketConsumer):
    async def connect(self):
        self.user = self.scope["user"]
        self.language = getattr(self.user, "language", None) or "fr"
        self.open: set[int] = set()  # rooms this tab shows
        self.joined: set[int] = set()  # rooms whose group this socket is in
        self.errors = 0
        self.jobs: asyncio.Queue = asyncio.Queue(maxsize=MAX_JOBS)
        self.worker = asyncio.create_task(self._work())
        self.personal = [broadcast.user_group(self.user.pk)]
        session_key = getattr(self.scope.get("session"), "session_key", None)
        if session_key:
            self.personal.append(broadcast.session_group(session_key))
        await self.accept()
        unread: dict = {"total": None, "rooms": {}}
        try:
            for group in self.personal:
                await self.channel_layer.group_add(group, self.channel_name)
            await _touch(self.user.pk)
            await self._sync_rooms()
            unread = await _unread(self.user)
        except OUTAGES:
            # Redis or the database is down: the socket stays; the rooms are
            # joined again at the next ping, and the tab catches up then.
            logger.warning("Chat socket opened during an outage", exc_info=True)
        await self._send(
            {
                "type": "hello",
                "user": self.user.pk,
                "unread": unread["total"],
                "unread_rooms": unread["rooms"],
            }
        )

    async def disconnect(self, code):
        if getattr(self, "worker", None) is not None:
            self.worker.cancel()
        try:
            for group in self.personal + [
                broadcast.room_group(pk) for pk in self.joined
            ]:
                await self.channel_layer.group_discard(group, self.channel_name)
            # Offline at once, unless another tab of the member's says otherwise.
            await _clear(self.user.pk)
            await self.channel_layer.group_send(
                broadcast.user_group(self.user.pk), {"type": "chat.present"}
            )
        except OUTAGES:
            logger.warning("Chat socket closed during an outage", exc_info=True)

    async def dispatch(self, message):
        """Channels runs the ORM's connection clean-up in a worker thread before
        every handler, one thread hop per delivered message. The handlers here
        reach the ORM only through `database_sync_to_async`, which does that
        clean-up around each call itself: the hop is skipped."""
        handler = getattr(self, get_handler_name(message), None)
        if handler is None:
            raise ValueError(f"No handler for message type {message['type']}")
        await handler(message)

    async def _send(self, data: dict) -> None:
        await self.send(text_data=broadcast.encode(data))

    async def _join(self, room_id: int) -> None:
        if room_id not in self.joined:
            await self.channel_layer.group_add(
                broadcast.room_group(room_id), self.channel_name
            )
            self.joined.add(room_id)

    async def _leave(self, room_id: int) -> None:
        self.open.discard(room_id)
        if room_id in self.joined:
            self.joined.discard(room_id)
            await self.channel_layer.group_discard(
                broadcast.room_group(room_id), self.channel_name
            )

    async def _sync_rooms(self) -> None:
        """Be in the groups of exactly the rooms the member may read now."""
        mine, still_open = await _room_ids(self.user, set(self.open))
        for pk in self.open - still_open:
            await self._revoke(pk)
        wanted = mine | still_open
        for pk in wanted - self.joined:
            await self._join(pk)
        for pk in self.joined - wanted:
            await self._leave(pk)

    # Frames from the client

    async def receive(self, text_data=None, bytes_data=None):
        with translation.override(self.language):
            ref, data = None, None
            try:
                if bytes_data is not None or len(text_data or "") > MAX_FRAME:
                    raise Problem("too_large", _("This frame is too large."))
                try:
                    data = json.loads(text_data)
                except ValueError:
                    raise Problem(
                        "bad_json", _("This frame is not valid JSON.")
                    ) from None
                if not isinstance(data, dict):
                    raise Problem("bad_json", _("A frame is a JSON object."))
                ref = (
                    data.get("ref") if isinstance(data.get("ref"), str | int) else None
                )
                kind = data.get("type")
                if kind not in TYPES:
                    raise Problem("unknown_type", _("Unknown frame type."))
                if kind in JOBS:
                    try:
                        self.jobs.put_nowait((kind, data, ref))
                    except asyncio.QueueFull:
                        raise Problem(
                            "busy", _("Too many requests at once: wait a moment.")
                        ) from None
                else:
                    await self._handle(kind, data, ref)
            except Problem as problem:
                await self._error(problem, ref, data)

    async def _work(self) -> None:
        """Handle the frames that need the database, one at a time, in order."""
        while True:
            kind, data, ref = await self.jobs.get()
            with translation.override(self.language):
                try:
                    await self._handle(kind, data, ref)
                except Problem as problem:
                    await self._error(problem, ref, data)
                except Exception:
                    logger.exception("Chat frame %s failed", kind)

    async def _handle(self, kind: str, data: dict, ref) -> None:
        try:
            await getattr(self, f"on_{kind}")(data, ref)
            self.errors = 0
        except OUTAGES:
            logger.warning("Chat frame %s met an outage", kind, exc_info=True)
            await self._error(
                Problem(
                    "unavailable",
                    _("The chat is unavailable for a moment: nothing is lost, "
                      "try again."),
                ),
                ref,
                data,
                theirs=False,
            )  # fmt: skip

    async def _error(self, problem: Problem, ref, data, *, theirs=True) -> None:
        if theirs:
            self.errors += 1
        frame = {"type": "error", "code": problem.code, "message": problem.message}
        if ref is not None:
            frame["ref"] = ref
        if isinstance(data, dict) and isinstance(data.get("room"), int):
            frame["room"] = data["room"]
        await self._send(frame)
        if self.errors >= MAX_ERRORS:
            await self.close(code=4008)

    async def on_ping(self, data, ref):
        await _touch(self.user.pk)
        rooms = data.get("rooms")
        asked = (
            {pk for pk in rooms if isinstance(pk, int) and pk in self.open}
            if isinstance(rooms, list)
            else set()
        )
        await self._sync_rooms()  # after an outage: join the groups again
        unread = await _unread(self.user)
        await self._send(
            {
                "type": "pong",
                "rooms": await _rooms_state(asked) if asked else {},
                "unread": unread["total"],
                "unread_rooms": unread["rooms"],
            }
        )

    async def on_presence(self, data, ref):
        room = await _room_for(self.user, _int(data, "room"))
        await self._send({"type": "presence", "room": room.pk,
                          "online": await _online(room)})  # fmt: skip

    async def on_subscribe(self, data, ref):
        room = await _room_for(self.user, _int(data, "room"))
        self.open.add(room.pk)
        await self._join(room.pk)
        after = data.get("after")
        if isinstance(after, int) and not isinstance(after, bool) and after >= 0:
            frame = await _catch_up(room, after=after, since=_since(data))
        else:
            messages, more = await _page(room, before=None)
            frame = {"room": room.pk, "messages": messages, "more": more,
                     "changed": [], "latest": messages[-1]["seq"] if messages else 0,
                     "synced": stamp(timezone.now()
                                     - timedelta(seconds=SYNC_MARGIN))}  # fmt: skip
        await self._send({"type": "subscribed", **frame, "online": await _online(room)})

    async def on_catchup(self, data, ref):
        room = await _room_for(self.user, _int(data, "room"))
        after = _int(data, "after")
        frame = await _catch_up(room, after=max(after, 0), since=_since(data))
        await self._send({"type": "catchup", **frame})

    async def on_unsubscribe(self, data, ref):
        self.open.discard(_int(data, "room"))
        await self._sync_rooms()

    async def on_history(self, data, ref):
        room = await _room_for(self.user, _int(data, "room"))
        messages, more = await _page(room, before=_int(data, "before"))
        await self._send({"type": "history", "room": room.pk,
                          "messages": messages, "more": more})  # fmt: skip

    async def on_send(self, data, ref):
        room_id, body = _int(data, "room"), _text(data, "body")
        key = data.get("key", "")
        if not isinstance(key, str):
            raise Problem("invalid_key", _("This send has an invalid key."))
        reply_to = _int(data, "reply_to") if data.get("reply_to") is not None else None
        message, payload = await _post(self.user, room_id, body, key, reply_to)
        await self._send({"type": "sent", "ref": ref, "key": key, "id": message.pk,
                          "seq": message.seq, "room": room_id,
                          "message": payload})  # fmt: skip

    async def on_edit(self, data, ref):
        message = await _message_of(self.user, _int(data, "id"))
        await _service(
            services.message_edit, message=message, by=self.user,
            body=_text(data, "body"),
        )  # fmt: skip

    async def on_delete(self, data, ref):
        message = await _message_of(self.user, _int(data, "id"))
        await _service(services.message_delete, message=message, by=self.user)

    async def on_react(self, data, ref):
        message = await _message_of(self.user, _int(data, "id"))
        await _service(
            services.reaction_toggle, message=message, user=self.user,
            reaction=_text(data, "reaction"),
        )  # fmt: skip

    async def on_read(self, data, ref):
        room = await _room_for(self.user, _int(data, "room"))
        await _service(
            services.mark_read, user=self.user, room=room, upto=_int(data, "id")
        )

    async def on_typing(self, data, ref):
        room_id = _int(data, "room")
        if room_id not in self.open:
            raise Problem("not_found", _("Open the room first."))
        await self.channel_layer.group_send(
            broadcast.room_group(room_id),
            {"type": "chat.typing", "room": room_id, "user": self.user.pk,
             "name": str(self.user)},
        )  # fmt: skip

    # Events from the channel layer (no database unless said)

    async def chat_message(self, event):
        if event["room"] in self.open:
            await self.send(text_data=event["frame"])
        elif event["event"] == "message" and event["author"] != self.user.pk:
            await self.send(text_data=event["activity"])

    async def chat_typing(self, event):
        if event["room"] in self.open and event["user"] != self.user.pk:
            await self._send(
                {"type": "typing", "room": event["room"], "user": event["user"],
                 "name": event["name"]}
            )  # fmt: skip

    async def chat_unread(self, event):
        await self._send({"type": "unread", **await _unread(self.user)})

    async def chat_rooms(self, event):
        await self._sync_rooms()
        await self._send({"type": "rooms"})

    async def chat_revoked(self, event):
        await self._revoke(event["room"])

    async def chat_recheck(self, event):
        await self._sync_rooms()

    async def _revoke(self, room_id: int) -> None:
        await self._leave(room_id)
        await self._send({"type": "revoked", "room": room_id})

    async def chat_present(self, event):
        await _touch(self.user.pk)

    async def chat_gone(self, event):
        await self.close(code=4001)

    async def chat_notification(self, event):
        await self._send({"type": "notification", "text": event["text"],
                          "url": event["url"]})  # fmt: skip
