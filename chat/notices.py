"""Mentions in chat messages, told through activity's notifications."""

from django.utils.translation import gettext_lazy as _

from activity.mentions import mentioned_ids
from activity.notices import MAX_NOTIFIED, MENTION
from activity.notifications import notify
from members.models import User


def mentions(*, message, room) -> None:
    from chat.selectors import can_read

    ids = sorted(mentioned_ids(message.body) - {message.author_id})[:MAX_NOTIFIED]
    for user in User.objects.filter(pk__in=ids, is_active=True):
        if can_read(user=user, room=room):
            notify(
                user,
                MENTION,
                actor=message.author,
                text=_("%(name)s mentioned you in the chat (%(room)s)."),
                params={"name": str(message.author), "room": str(room)},
                url=room.get_absolute_url() + f"#message-{message.pk}",
                excerpt=message.body,
            )
