"""Notifications: each app registers its kinds (`intranet.shell.notices`), then
calls `notify()` in its services.

The text is rendered once, in the recipient's language, when the notification is
created; the member's preference per kind decides whether it is kept, e-mailed at
once, pushed to their devices (`activity.push`), kept for the digest, or dropped.
"""

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone, translation

from activity import emails, push
from activity.models import Notification, NotificationPreference
from intranet import bus, membertext
from intranet.shell.notices import KINDS, Channel, Kind
from intranet.text import elide

# What is kept of what was said, for the list and the e-mails (which cut it shorter).
EXCERPT_KEPT = 600


@dataclass(frozen=True)
class NotificationStored:
    """Published in the transaction that stored it (the chat pushes it live once
    committed)."""

    notification: Notification


def channel_for(user: Any, kind: str) -> str:
    chosen = (
        NotificationPreference.objects.filter(user=user, kind=kind)
        .values_list("channel", flat=True)
        .first()
    )
    return chosen or KINDS[kind].default


def preferences_of(user) -> list[tuple[Kind, str]]:
    chosen = dict(
        NotificationPreference.objects.filter(user=user).values_list("kind", "channel")
    )
    return [(kind, chosen.get(kind.key, kind.default)) for kind in KINDS.values()]


def channels() -> list[tuple[str, str]]:
    """The choices offered: push only when the server can send it."""
    return [
        (value, label)
        for value, label in Channel.choices
        if value != Channel.PUSH or push.enabled()
    ]


def preference_set(*, user, kind: str, channel: str) -> None:
    if kind not in KINDS or channel not in dict(channels()):
        raise ValueError(f"unknown kind or channel: {kind} {channel}")
    NotificationPreference.objects.update_or_create(
        user=user, kind=kind, defaults={"channel": channel}
    )


def about(obj) -> str:
    """The key of the object a notification is about ("forums.post:12")."""
    return f"{obj._meta.label_lower}:{obj.pk}"


def notify(
    recipient,
    kind: str,
    *,
    text,
    params=None,
    actor=None,
    url: str = "",
    excerpt: str = "",
    regarding=None,
    many=None,
) -> Notification | None:
    """Store a notification for `recipient` (unless they turned the kind off) and
    e-mail it after commit when they asked for that. `text` is a lazy translation,
    filled with `params` in the recipient's language; `excerpt` is what was said
    (members' text as stored, mentions as codes), kept cut on a word.

    With `regarding` (the object it is about) and `many` (a lazy plural with
    `%(count)d`, e.g. "%(count)d reactions to your post"), what happens again of
    the same kind on that object joins the notification still unread (and not
    yet in a digest) rather than adding one: its count grows, its text becomes
    `many`, it comes back to the top."""
    if not recipient.is_active or (actor is not None and actor.pk == recipient.pk):
        return None
    channel = channel_for(recipient, kind)
    if channel == Channel.OFF:
        return None
    key = about(regarding) if regarding is not None else ""
    excerpt = membertext.cut(" ".join((excerpt or "").split()), EXCERPT_KEPT)
    with transaction.atomic():
        notification = _store(
            recipient, kind, channel, text, params, actor, url, excerpt, key, many
        )
    if channel == Channel.EMAIL:
        transaction.on_commit(lambda: emails.send_notification(notification))
    elif channel == Channel.PUSH:
        # Each time, a repeat too: it replaces the device's previous one (same tag).
        transaction.on_commit(lambda: push.send_notification(notification))
    if notification.count == 1:
        # Pushed live once: a repeat joins a notification the bell already counts.
        bus.publish(NotificationStored(notification=notification))
    return notification


def _store(recipient, kind, channel, text, params, actor, url, excerpt, key, many):
    notification = None
    if key and many is not None:
        notification = (
            Notification.objects.select_for_update()
            .filter(
                recipient=recipient,
                kind=kind,
                about=key,
                read_at__isnull=True,
                digest__isnull=True,
            )
            .order_by("-created_at", "-pk")
            .first()
        )
    if notification is not None:
        notification.count += 1
        with translation.override(recipient.language):
            count_params = {**(params or {}), "count": notification.count}
            notification.text = elide(str(many % count_params))[:300]
        notification.actor, notification.url = actor, url or notification.url
        notification.excerpt = excerpt or notification.excerpt
        notification.created_at = timezone.now()
        notification.save(
            update_fields=["count", "text", "actor", "url", "excerpt", "created_at"]
        )
    else:
        with translation.override(recipient.language):
            # « de Édith » → « d'Édith »: every kind's text, in the recipient's
            # language.
            rendered = elide(str(text) % (params or {}))[:300]
        notification = Notification.objects.create(
            recipient=recipient,
            kind=kind,
            actor=actor,
            text=rendered,
            url=url,
            channel=channel,
            excerpt=excerpt,
            about=key,
        )
    return notification


def unread_count(user) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def mark_read(*, user, pk: int | None = None) -> int:
    """Mark one notification (or all, without `pk`) of `user` as read."""
    notifications = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if pk is not None:
        notifications = notifications.filter(pk=pk)
    return notifications.update(read_at=timezone.now())
