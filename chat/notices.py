"""Mentions in chat messages and reactions to them, told through activity's
notifications."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from activity import notices as activity_notices
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


def reacted(*, message, by) -> None:
    """Tell the author of `message` that `by` reacted to it, while they may still
    read its room; reactions to one message join one notification while unread."""
    from chat.selectors import can_read

    if message.author is None or not can_read(user=message.author, room=message.room):
        return
    activity_notices.reaction(
        to=message,
        by=by,
        text=_("%(name)s reacted to your message in the chat (%(room)s)."),
        many=ngettext_lazy(
            "%(count)d reaction to your message in the chat (%(room)s).",
            "%(count)d reactions to your message in the chat (%(room)s).",
            "count",
        ),
        params={"room": str(message.room)},
        url=message.room.get_absolute_url() + f"#message-{message.pk}",
    )
