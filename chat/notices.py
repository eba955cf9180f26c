"""Mentions in chat messages, reactions to them and direct messages, told through
activity's notifications."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from activity import notices as activity_notices
from activity.mentions import mentioned_ids
from activity.notices import MAX_NOTIFIED, MENTION
from activity.notifications import notify
from intranet.shell.notices import Channel, Kind, register
from members.models import User

DIRECT_MESSAGE = "direct_message"
# The chat's own counters tell of new messages in the site: off until a member
# asks for them by push (or e-mail) on the notification choices page.
register(Kind(DIRECT_MESSAGE, _("A direct message to me"), Channel.OFF))


def direct_message(*, message, room) -> None:
    """Tell the other members of a direct conversation (not those who left it or
    muted it); messages in one conversation join one notification while unread."""
    from chat.models import Participant, ReadMarker

    muted = ReadMarker.objects.filter(room=room, muted=True).values("user_id")
    others = (
        Participant.objects.filter(room=room, left_at__isnull=True, is_guest=False)
        .exclude(user_id=message.author_id)
        .exclude(user_id__in=muted)
        .select_related("user")
    )
    for participant in others:
        notify(
            participant.user,
            DIRECT_MESSAGE,
            actor=message.author,
            text=_("%(name)s sent you a message."),
            params={"name": str(message.author)},
            url=room.get_absolute_url() + f"#message-{message.pk}",
            excerpt=message.body,
            regarding=room,
            many=ngettext_lazy(
                "%(count)d new message from %(name)s.",
                "%(count)d new messages, the latest from %(name)s.",
                "count",
            ),
        )


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
