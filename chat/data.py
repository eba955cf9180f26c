"""What the chat holds about a member, for their data download and erasure."""

from django.utils import timezone

from chat import services
from chat.models import Attachment, Message, MessageReaction, Participant, ReadMarker
from intranet.shell.personal_data import eraser, exporter


# Attachments point at members through their message: exported with the
# messages, erased with what the member sent.
@exporter("chat", covers=[Message, Participant, ReadMarker, MessageReaction])
def export_chat(user) -> dict:
    files: dict[int, list[dict]] = {}
    for a in Attachment.objects.filter(message__author=user).order_by("pk"):
        files.setdefault(a.message_id, []).append(
            {"name": a.name, "kind": a.kind, "size": a.size,
             "url": a.get_absolute_url()}
        )  # fmt: skip
    return {
        "messages": [
            {"id": m.pk, "room": m.room_id, "text": m.body, "created_at": m.created_at,
             "edited_at": m.edited_at, "deleted_at": m.deleted_at,
             "reply_to": m.reply_to_id, "attachments": files.get(m.pk, [])}
            for m in Message.objects.filter(author=user).order_by("id")
        ],
        "reactions": [
            {"message": r.message_id, "room": r.message.room_id,
             "reaction": r.reaction, "created_at": r.created_at}
            for r in MessageReaction.objects.filter(user=user)
            .select_related("message").order_by("pk")
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


@eraser(covers=[Participant, ReadMarker, MessageReaction])
def erase_chat(user) -> None:
    """Their messages' texts stay (shown as by « Ancien membre »), so the others
    keep their conversations; their photos and documents (files and all) and their
    reactions go; they leave every conversation."""
    Participant.objects.filter(user=user, left_at__isnull=True).update(
        left_at=timezone.now()
    )
    ReadMarker.objects.filter(user=user).delete()
    services.reactions_delete(user=user)
    services.attachments_delete(
        queryset=Attachment.objects.filter(message__author=user)
    )
