"""What the chat holds about a member, for their data download and erasure."""

from django.utils import timezone

from chat.models import Message, Participant, ReadMarker
from intranet.shell.personal_data import eraser, exporter


@exporter("chat", covers=[Message, Participant, ReadMarker])
def export_chat(user) -> dict:
    return {
        "messages": [
            {"id": m.pk, "room": m.room_id, "text": m.body, "created_at": m.created_at,
             "edited_at": m.edited_at, "deleted_at": m.deleted_at}
            for m in Message.objects.filter(author=user).order_by("id")
        ],
        "conversations": [
            {"room": p.room_id, "joined_at": p.joined_at, "left_at": p.left_at}
            for p in Participant.objects.filter(user=user)
        ],
        "read_markers": [
            {"room": r.room_id, "last_read": r.last_read_id, "muted": r.muted}
            for r in ReadMarker.objects.filter(user=user)
        ],
    }  # fmt: skip


@eraser(covers=[Participant, ReadMarker])
def erase_chat(user) -> None:
    """Their messages stay (shown as by « Ancien membre »), so the others keep their
    conversations; they leave every conversation."""
    Participant.objects.filter(user=user, left_at__isnull=True).update(
        left_at=timezone.now()
    )
    ReadMarker.objects.filter(user=user).delete()
