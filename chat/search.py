"""Chat messages in the site search, for the members who may read them."""

from django.utils.translation import gettext_lazy as _

from activity.mentions import TOKEN
from chat import selectors
from chat.models import Message
from intranet.shell import search


def _search(user, query):
    rooms = selectors.readable_rooms(user=user).values("pk")
    found = Message.objects.shown().filter(room__in=rooms)
    for word in query.split()[:8]:
        found = found.filter(body__icontains=word)
    return found.select_related("author", "room__committee").order_by("-id")


def _result(message) -> search.Result:
    room = message.room
    return search.Result(
        title=str(message.author),
        url=f"{room.get_absolute_url()}?avant={message.pk + 1}#message-{message.pk}",
        excerpt=TOKEN.sub("@", message.body)[:300],
        meta=str(room) if not room.is_direct else str(_("Conversation")),
    )


search.register(search.Kind("chat", _("Chat messages"), _search, _result, order=80))
