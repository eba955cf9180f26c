"""What `activity` holds about a member, for their data download and erasure."""

from actstream.models import Action, Follow

from activity import activity
from activity.models import (
    Comment,
    ContentReport,
    DigestSubscription,
    FeedPost,
    Notification,
    NotificationPreference,
    PostReaction,
    PushSubscription,
    SentDigest,
)
from intranet.shell import notices
from intranet.shell.personal_data import eraser, exporter


def _kind(key: str) -> str:
    kind = notices.KINDS.get(key)
    return str(kind.label) if kind else key


@exporter(
    "notifications",
    covers=[Notification, NotificationPreference, DigestSubscription, SentDigest,
            PushSubscription],
)  # fmt: skip
def export_notifications(user) -> dict:
    return {
        "received": [
            {"kind": n.kind, "text": n.text, "created_at": n.created_at,
             "read_at": n.read_at}
            for n in Notification.objects.filter(recipient=user)
        ],
        # What the member's doing told others: what, when and to whom, not the
        # text of someone else's inbox nor whether they read it.
        "caused": [
            {"what": _kind(n.kind), "when": n.created_at,
             "to": n.recipient.get_full_name()}
            for n in Notification.objects.filter(actor=user)
            .exclude(recipient=user).select_related("recipient")
            .order_by("created_at", "pk")
        ],
        "digests_sent": [
            {"frequency": d.frequency, "sent_at": d.sent_at,
             "notifications": d.notification_count}
            for d in SentDigest.objects.filter(user=user).order_by("sent_at")
        ],
        "preferences": dict(
            NotificationPreference.objects.filter(user=user).values_list(
                "kind", "channel"
            )
        ),
        "digest": DigestSubscription.objects.filter(user=user)
        .values_list("frequency", flat=True).first() or "weekly",
        # The push service's address names the device; its keys stay here.
        "push_devices": [
            {"device": p.label, "push_service": p.endpoint, "since": p.created_at,
             "last_sent": p.last_success}
            for p in PushSubscription.objects.filter(user=user).order_by("created_at")
        ],
    }  # fmt: skip


@exporter("reports", covers=[ContentReport])
def export_reports(user) -> list:
    """What the member reported outside the forums, and what became of it."""
    return [
        {"content": f"{r.content_type.app_label}.{r.content_type.model}",
         "id": r.object_id, "reason": r.reason, "status": r.status,
         "created_at": r.created_at}
        for r in ContentReport.objects.filter(reporter=user)
        .select_related("content_type").order_by("created_at", "pk")
    ]  # fmt: skip


@exporter("posts", covers=[FeedPost, Comment, PostReaction])
def export_posts(user) -> dict:
    return {
        "posts": [
            {"id": p.pk, "text": p.body, "committee": p.committee and p.committee.title,
             "image": p.image.name, "image_description": p.image_alt,
             "created_at": p.created_at, "edited_at": p.edited_at}
            for p in FeedPost.objects.filter(author=user).select_related("committee")
        ],
        "comments": [
            {"post": c.post_id, "text": c.body, "created_at": c.created_at,
             "edited_at": c.edited_at}
            for c in Comment.objects.filter(author=user)
        ],
        "reactions": [
            {"post": r.post_id, "reaction": r.reaction, "created_at": r.created_at}
            for r in PostReaction.objects.filter(user=user)
        ],
    }  # fmt: skip


@exporter("feed", covers=[Action])
def export_feed(user) -> list:
    return [
        {"verb": a.verb, "timestamp": a.timestamp,
         "object": str(a.action_object) if a.action_object_object_id else None,
         "target": str(a.target) if a.target_object_id else None}
        for a in activity.actions_of(user).prefetch_related("action_object", "target")
    ]  # fmt: skip


@eraser(
    covers=[Notification, NotificationPreference, DigestSubscription, SentDigest,
            PostReaction, PushSubscription, Action, Follow, ContentReport]
)  # fmt: skip
def erase_activity(user) -> None:
    """Posts and comments stay, shown as by "Ancien membre"; what names the member
    to others (notifications they caused) and what is theirs alone goes."""
    Notification.objects.filter(recipient=user).delete()
    Notification.objects.filter(actor=user).delete()
    NotificationPreference.objects.filter(user=user).delete()
    DigestSubscription.objects.filter(user=user).delete()
    SentDigest.objects.filter(user=user).delete()
    PushSubscription.objects.filter(user=user).delete()
    PostReaction.objects.filter(user=user).delete()
    ContentReport.objects.filter(reporter=user).delete()
    activity.erase_member(user)
