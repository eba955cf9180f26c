"""What the chat pushes to open WebSockets, always after the commit that stored it.

Groups: `chat.room.<id>` holds every socket of a member who may read the room (a
socket shows a message in full in the rooms its tab opened, and counts it as
unread elsewhere); `chat.user.<id>` and `chat.session.<key>` reach one member's
sockets (unread counts, notifications, loss of access).
"""

import asyncio
import json
import logging
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

from activity.mentions import decode, names_for
from activity.models import Reaction

logger = logging.getLogger(__name__)


#: Times as the protocol writes them: UTC, fixed width, so that they compare as text.
STAMP = "%Y-%m-%dT%H:%M:%S.%fZ"


def stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime(STAMP)


def room_group(room_id: int) -> str:
    return f"chat.room.{room_id}"


def user_group(user_id: int) -> str:
    return f"chat.user.{user_id}"


def session_group(session_key: str) -> str:
    return f"chat.session.{session_key}"


def _send(group: str, event: dict) -> None:
    """Best effort: what is pushed is already stored, and a client that misses a
    push catches up by id; a layer that fails must not fail the caller's request.
    Without a layer (the demo seed sets none) nothing is pushed."""
    layer = get_channel_layer()
    if layer is None:
        return
    send = async_to_sync(layer.group_send)
    try:
        try:
            asyncio.get_running_loop()
        except RuntimeError:  # the usual case: a synchronous thread
            send(group, event)
        else:  # called under a running loop (a test's browser driver)
            with ThreadPoolExecutor(max_workers=1) as pool:
                pool.submit(send, group, event).result()
    except Exception:
        logger.exception("Could not push %s to %s", event.get("type"), group)


EXCERPT = 120  # characters of the message a reply quotes


def excerpt(body: str, names: dict) -> str:
    """The start of a message as plain text (mentions as names), cut on a word."""
    text = " ".join(decode(body, names).split())
    if len(text) <= EXCERPT:
        return text
    cut = text[:EXCERPT].rsplit(" ", 1)[0] or text[:EXCERPT]
    return cut.rstrip(" ,;:.") + "…"


def bodies(messages) -> list[str]:
    """The texts whose mentions a page of messages shows (their quotes too)."""
    found = [m.body for m in messages]
    found += [m.reply_to.body for m in messages if m.reply_to_id and m.reply_to]
    return found


def payloads(messages) -> list[dict]:
    names = names_for(bodies(messages))
    return [payload(m, names) for m in messages]


def reactions_of(message) -> list[dict]:
    """Each reaction a message has, in the set's order, with who gave it."""
    if not message.reaction_count:
        return []
    given: dict[str, list] = {}
    for reaction in message.reactions.all():
        given.setdefault(reaction.reaction, []).append(reaction.user)
    return [
        {"key": key, "emoji": emoji, "count": len(given[key]),
         "users": [user.pk for user in given[key]],
         "names": [str(user) for user in given[key]]}
        for key, emoji in Reaction.choices
        if key in given
    ]  # fmt: skip


def attachments_of(message) -> list[dict]:
    if not message.attachment_count:
        return []
    return [
        {"id": a.pk, "kind": a.kind, "name": a.name, "size": a.size,
         "url": a.get_absolute_url(),
         "thumbnail": a.thumbnail_url if a.thumbnail else "",
         "width": a.width, "height": a.height}
        for a in message.attachments.all()
    ]  # fmt: skip


def quote_of(message, names) -> dict | None:
    answered = message.reply_to if message.reply_to_id else None
    if answered is None:
        return None
    return {
        "id": answered.pk,
        "seq": answered.seq,
        "author": str(answered.author),
        "excerpt": "" if answered.deleted_at else excerpt(answered.body, names),
        "deleted": answered.deleted_at is not None,
    }


def payload(message, names=None) -> dict:
    """A message as the protocol sends it: plain text, never HTML. Mentions stay
    "@[id]" in `body`, with the names in `mentions` for the client to link.
    `reply_to`: the message it answers (`id`, `seq`, `author`, `excerpt`) or null;
    `reactions`: [{`key`, `emoji`, `count`, `users`, `names`}]; `attachments`:
    [{`id`, `kind` ("photo" or "file"), `name`, `size`, `url`, `thumbnail`,
    `width`, `height`}]."""
    if names is None:
        names = names_for(bodies([message]))
    deleted = message.deleted_at is not None
    return {
        "id": message.pk,
        "room": message.room_id,
        "seq": message.seq,
        "key": message.key,  # the sender's own id for the send, or ""
        # A guest (a newcomer family) or a former member has no profile to link.
        "author": {
            "id": message.author_id,
            "name": str(message.author),
            "profile": message.author.is_active,
        },
        "body": "" if deleted else message.body,
        "mentions": {str(pk): str(user) for pk, user in names.items()},
        "created_at": message.created_at.isoformat(),
        "changed_at": stamp(message.changed_at),
        "edited": message.edited_at is not None,
        "deleted": deleted,
        "reply_to": quote_of(message, names),
        "reactions": [] if deleted else reactions_of(message),
        "attachments": [] if deleted else attachments_of(message),
    }


def message(message, *, event: str) -> None:
    """The frames are encoded once here, not once per socket: a consumer sends
    `frame` to the tabs that show the room, `activity` to the others."""
    frame = {"type": event, "message": payload(message)}
    activity = {"type": "activity", "room": message.room_id, "id": message.pk}
    _send(
        room_group(message.room_id),
        {"type": "chat.message", "event": event, "room": message.room_id,
         "author": message.author_id, "frame": encode(frame),
         "activity": encode(activity)},
    )  # fmt: skip


def encode(frame: dict) -> str:
    return json.dumps(frame, ensure_ascii=False)


def unread_changed(user) -> None:
    _send(user_group(user.pk), {"type": "chat.unread"})


def rooms_changed(user_ids) -> None:
    for pk in user_ids:
        _send(user_group(pk), {"type": "chat.rooms"})


def access_revoked(user_id: int, room_id: int) -> None:
    _send(user_group(user_id), {"type": "chat.revoked", "room": room_id})


def room_closed(room) -> None:
    """Every socket in the room checks again whether its member may still read."""
    _send(room_group(room.pk), {"type": "chat.recheck", "room": room.pk})


def member_gone(user_id: int) -> None:
    """A deactivated or erased member: their sockets close."""
    _send(user_group(user_id), {"type": "chat.gone"})


def session_ended(session_key: str) -> None:
    _send(session_group(session_key), {"type": "chat.gone"})


def notification(notification) -> None:
    """A new notification of `activity`, live (its bell and the text)."""
    _send(
        user_group(notification.recipient_id),
        {"type": "chat.notification", "text": notification.text,
         "url": notification.url},
    )  # fmt: skip
