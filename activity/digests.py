"""E-mail digests: what a member chose to read in one e-mail, daily or weekly.

A digest covers the unread notifications kept for it (channel "digest") and not yet
sent, up to the end of the period: midnight (daily) or Monday midnight (weekly),
Paris time. Each member's digest is written, marked and sent in one transaction, and
a period is sent at most once (a unique row per member and period end, claimed
before anything is sent), so a run that crashed half-way can simply be run again:
it sends the rest; two runs at the same moment send each digest once.
"""

from collections import defaultdict
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from activity import emails
from activity.models import (
    Channel,
    DigestFrequency,
    DigestSubscription,
    Notification,
    SentDigest,
)
from activity.notifications import preference_set
from intranet.shell.notices import KINDS


def period_end(frequency: str, now: datetime | None = None) -> datetime:
    midnight = timezone.localtime(now or timezone.now()).replace(
        hour=0, minute=0, second=0, microsecond=0
    )
    if frequency == DigestFrequency.WEEKLY:
        midnight -= timedelta(days=midnight.weekday())
    return midnight


def frequency_of(user) -> str:
    chosen = (
        DigestSubscription.objects.filter(user=user)
        .values_list("frequency", flat=True)
        .first()
    )
    return chosen or DigestFrequency.WEEKLY


def frequency_set(*, user, frequency: str) -> None:
    if frequency not in DigestFrequency.values:
        raise ValueError(f"unknown frequency: {frequency}")
    DigestSubscription.objects.update_or_create(
        user=user, defaults={"frequency": frequency}
    )


def stop(*, user) -> None:
    """No more digest: every kind kept for it stays in the site only."""
    chosen = dict(user.notification_preferences.values_list("kind", "channel"))
    for kind in KINDS.values():
        if chosen.get(kind.key, kind.default) == Channel.DIGEST:
            preference_set(user=user, kind=kind.key, channel=Channel.SITE)


def _pending(end: datetime):
    return Notification.objects.filter(
        channel=Channel.DIGEST,
        digest__isnull=True,
        read_at__isnull=True,
        created_at__lt=end,
        recipient__is_active=True,
    )


def _subscribers(frequency: str) -> Q:
    daily = Q(pk__in=DigestSubscription.objects.filter(
        frequency=DigestFrequency.DAILY
    ).values("user_id"))  # fmt: skip
    return daily if frequency == DigestFrequency.DAILY else ~daily


def send_all(frequency: str, now: datetime | None = None) -> int:
    """Send the digests of the period that just ended; returns how many were sent."""
    end = period_end(frequency, now)
    recipients = (
        get_user_model()
        .objects.filter(_subscribers(frequency))
        .filter(pk__in=_pending(end).values("recipient_id"))
        .exclude(pk__in=SentDigest.objects.filter(period_end=end).values("user_id"))
        .order_by("pk")
    )
    sent = 0
    for user in recipients.iterator():
        sent += _send_one(user, frequency, end)
    return sent


@transaction.atomic
def _send_one(user, frequency: str, end: datetime) -> int:
    if SentDigest.objects.filter(user=user, period_end=end).exists():
        return 0
    items = list(_pending(end).filter(recipient=user).order_by("created_at", "pk"))
    if not items:
        return 0
    try:
        # The unique row claims the member's period: a copy of the command running
        # at the same moment waits here for the first one's commit, then skips.
        with transaction.atomic():
            digest = SentDigest.objects.create(
                user=user,
                frequency=frequency,
                period_end=end,
                notification_count=len(items),
            )
    except IntegrityError:
        return 0
    Notification.objects.filter(pk__in=[n.pk for n in items]).update(digest=digest)
    by_kind = defaultdict(list)
    for item in items:
        by_kind[item.kind].append(item)
    sections = [
        (KINDS[key].label if key in KINDS else key, found,
         emails.unsubscribe_url(user, key))
        for key, found in by_kind.items()
    ]  # fmt: skip
    # Sent inside the transaction: if sending fails, nothing is marked and the next
    # run tries again.
    emails.send_digest(user, sections, frequency)
    return 1
