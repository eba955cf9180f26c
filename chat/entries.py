"""How the chat shows in the shell: its navigation entry with the count of unread
messages, and the header's counter behind it."""

from django.utils.translation import gettext_lazy as _

from chat import selectors
from intranet.links import reverse
from intranet.shell import header, menu

header.register(
    header.Counter("messages", lambda user: selectors.unread_count(user=user))
)
menu.register(
    menu.Entry(
        "chat",
        _("Chat"),
        lambda request: reverse("chat:index"),
        50,
        badge="messages",
        badge_label=_("unread messages"),
        badge_hook="data-chat-unread",
    )
)
