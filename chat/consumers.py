"""`/ws/`: one WebSocket per tab, transport only (the services decide and write).

The protocol: JSON objects with a `type`.

Client → server
- `{"type": "subscribe", "room": 12, "after": 340}` open a room in this tab; the
  server answers `subscribed` with the messages after id `after` (all of them up to
  500, oldest first; `more` is true when there are more: ask `history`).
- `{"type": "unsubscribe", "room": 12}` the tab closed the room.
- `{"type": "history", "room": 12, "before": 300}` the 50 messages before id 300.
- `{"type": "send", "room": 12, "body": "…", "ref": "c1"}` post; answered with
  `sent` (`ref`, `id`), then the message comes back to every reader as `message`.
- `{"type": "edit", "id": 341, "body": "…"}`, `{"type": "delete", "id": 341}`.
- `{"type": "read", "room": 12, "id": 341}` the tab showed everything up to 341
  (loading the page marks nothing read: this frame is what clears the count).
- `{"type": "typing", "room": 12}` at most every few seconds while typing.
- `{"type": "presence", "room": 12}` who is online among the room's members.
- `{"type": "ping"}` every 15 s: answered with `pong`; keeps the member online
  (`presence`) and proxies from closing the socket.

Server → client
- `hello` (`user`, `unread`: the member's unread total), `subscribed` (with
  `online`), `history`, `sent`, `pong`, `presence` (`room`, `online`: `count` and
  `people`, see `presence.in_room`).
- `message`, `edited`, `deleted` (`message`: see `broadcast.payload`) in open rooms;
  `activity` (`room`, `id`) in the member's other rooms, for their unread counts.
- `typing` (`room`, `user`, `name`), `unread` (`total`), `notification` (`text`,
  `url`), `rooms` (the member's list changed), `revoked` (`room`: no access any
  more).
- `error`: `code`, `message` (in the member's language) and the `ref` or `room`
  it is about. Codes: `bad_json`, `too_large`, `unknown_type`, `missing_field`,
  `not_found`, `forbidden`, `empty`, `too_long`, `rate_limited`. The socket stays
  open, except after too many errors in a row (close code 4008).
Close codes: 4001 the member logged out, was deactivated or erased; 4008 abuse.
"""

import json

from asgiref.sync import sync_to_async
from channels.consumer import get_handler_name
from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation
from django.utils.translation import gettext as _

from chat import broadcast, presence, selectors, services
from chat.models import Message, Room

MAX_FRAME = 64 * 1024
MAX_ERRORS = 30  # in a row: the client is broken or hostile
TYPES = {"subscribe", "unsubscribe", "history", "send", "edit", "delete", "read",
         "typing", "presence", "ping"}  # fmt: skip


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
def _messages(room, *, after=None, before=None):
    if after is not None:
        found = selectors.messages_after(
            room=room, after=after, limit=selectors.CATCH_UP + 1
        )
        more = len(found) > selectors.CATCH_UP
        found = found[: selectors.CATCH_UP]
    else:
        found = selectors.messages_before(room=room, before=before)
        more = len(found) == selectors.PAGE
    names = broadcast.names_for([m.body for m in found])
    return [broadcast.payload(m, names) for m in found], more


@database_sync_to_async
def _unread_total(user) -> int:
    return selectors.unread_total(user=user)


_touch = sync_to_async(presence.touch, thread_sensitive=False)  # the cache only
_clear = sync_to_async(presence.clear, thread_sensitive=False)
_online = database_sync_to_async(presence.in_room)


def _service(function, **kwargs):
    """Run a service; its refusals become `Problem`s."""

    @database_sync_to_async
    def run():
        try:
            return function(**kwargs)
        except ValidationError as error:
            raise Problem(error.code or "invalid", error.messages[0]) from error
        except PermissionDenied as error:
            raise Problem(
                "forbidden", str(error) or _("This is not allowed.")
            ) from error

    return run()


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
        self.personal = [broadcast.user_group(self.user.pk)]
        session_key = getattr(self.scope.get("session"), "session_key", None)
        if session_key:
            self.personal.append(broadcast.session_group(session_key))
        await self.accept()
        for group in self.personal:
            await self.channel_layer.group_add(group, self.channel_name)
        await _touch(self.user.pk)
        await self._sync_rooms()
        await self._send({"type": "hello", "user": self.user.pk,
                          "unread": await _unread_total(self.user)})  # fmt: skip

    async def disconnect(self, code):
        for group in self.personal + [broadcast.room_group(pk) for pk in self.joined]:
            await self.channel_layer.group_discard(group, self.channel_name)
        # Offline at once, unless another tab of the member's says otherwise.
        await _clear(self.user.pk)
        await self.channel_layer.group_send(
            broadcast.user_group(self.user.pk), {"type": "chat.present"}
        )

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
            await self.channel_layer.group_discard(
                broadcast.room_group(room_id), self.channel_name
            )
            self.joined.discard(room_id)

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
            ref = None
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
                await getattr(self, f"on_{kind}")(data, ref)
                self.errors = 0
            except Problem as problem:
                await self._error(problem, ref, data if "data" in locals() else None)

    async def _error(self, problem: Problem, ref, data) -> None:
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
        await self._send({"type": "pong"})

    async def on_presence(self, data, ref):
        room = await _room_for(self.user, _int(data, "room"))
        await self._send({"type": "presence", "room": room.pk,
                          "online": await _online(room)})  # fmt: skip

    async def on_subscribe(self, data, ref):
        room = await _room_for(self.user, _int(data, "room"))
        after = data.get("after")
        await self._join(room.pk)
        self.open.add(room.pk)
        if isinstance(after, int) and not isinstance(after, bool):
            messages, more = await _messages(room, after=after)
        else:
            messages, more = await _messages(room, before=None)
        await self._send({"type": "subscribed", "room": room.pk,
                          "messages": messages, "more": more,
                          "online": await _online(room)})  # fmt: skip

    async def on_unsubscribe(self, data, ref):
        self.open.discard(_int(data, "room"))
        await self._sync_rooms()

    async def on_history(self, data, ref):
        room = await _room_for(self.user, _int(data, "room"))
        messages, more = await _messages(room, before=_int(data, "before"))
        await self._send({"type": "history", "room": room.pk,
                          "messages": messages, "more": more})  # fmt: skip

    async def on_send(self, data, ref):
        room = await _room_for(self.user, _int(data, "room"))
        body = _text(data, "body")
        message = await _service(
            services.message_post, room=room, author=self.user, body=body
        )
        await self._send({"type": "sent", "ref": ref, "id": message.pk,
                          "room": room.pk})  # fmt: skip

    async def on_edit(self, data, ref):
        message = await _message_of(self.user, _int(data, "id"))
        await _service(
            services.message_edit, message=message, by=self.user,
            body=_text(data, "body"),
        )  # fmt: skip

    async def on_delete(self, data, ref):
        message = await _message_of(self.user, _int(data, "id"))
        await _service(services.message_delete, message=message, by=self.user)

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
        await self._send({"type": "unread", "total": await _unread_total(self.user)})

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
