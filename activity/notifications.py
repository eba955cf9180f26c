"""Notifications: each app registers its kinds (`intranet.shell.notices`), then
calls `notify()` in its services.

The text is rendered once, in the recipient's language, when the notification is
created; the member's preference per kind decides whether it is kept, e-mailed at
once, kept for the digest, or dropped.
"""

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone, translation

from activity import emails
from activity.models import Notification, NotificationPreference
from intranet import bus
from intranet.shell.notices import KINDS, Channel, Kind


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


def preference_set(*, user, kind: str, channel: str) -> None:
    if kind not in KINDS or channel not in Channel.values:
        raise ValueError(f"unknown kind or channel: {kind} {channel}")
    NotificationPreference.objects.update_or_create(
        user=user, kind=kind, defaults={"channel": channel}
    )


def notify(
    recipient, kind: str, *, text, params=None, actor=None, url: str = ""
) -> Notification | None:
    """Store a notification for `recipient` (unless they turned the kind off) and
    e-mail it after commit when they asked for that. `text` is a lazy translation,
    filled with `params` in the recipient's language."""
    if not recipient.is_active or (actor is not None and actor.pk == recipient.pk):
        return None
    channel = channel_for(recipient, kind)
    if channel == Channel.OFF:
        return None
    with translation.override(recipient.language):
        rendered = (str(text) % (params or {}))[:300]
    notification = Notification.objects.create(
        recipient=recipient,
        kind=kind,
        actor=actor,
        text=rendered,
        url=url,
        channel=channel,
    )
    if channel == Channel.EMAIL:
        transaction.on_commit(lambda: emails.send_notification(notification))
    bus.publish(NotificationStored(notification=notification))
    return notification


def unread_count(user) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def mark_read(*, user, pk: int | None = None) -> int:
    """Mark one notification (or all, without `pk`) of `user` as read."""
    notifications = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if pk is not None:
        notifications = notifications.filter(pk=pk)
    return notifications.update(read_at=timezone.now())
