"""What `activity` holds about a member, for their data download."""

from activity.models import Notification, NotificationPreference
from members.personal_data import exporter


@exporter("notifications")
def export_notifications(user) -> dict:
    return {
        "received": [
            {"kind": n.kind, "text": n.text, "created_at": n.created_at,
             "read_at": n.read_at}
            for n in Notification.objects.filter(recipient=user)
        ],
        "preferences": dict(
            NotificationPreference.objects.filter(user=user).values_list(
                "kind", "channel"
            )
        ),
    }  # fmt: skip
