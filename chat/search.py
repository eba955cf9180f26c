"""Chat messages in the site search, for the members who may read them.

Words match anywhere in a message, whatever their case and accents (« ecole »
finds « École »): both sides go through `chat_fold`, lower case without accents.
On PostgreSQL it is an SQL function over `unaccent`, and a trigram GIN index on
`chat_fold(body)` answers the `LIKE '%…%'` (migration 0009); on SQLite the same
function is Python's `fold`, registered on each connection."""

import unicodedata

from django.db.backends.signals import connection_created
from django.db.models import Func, TextField
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

from activity.mentions import TOKEN
from chat import selectors
from chat.models import Message
from intranet.shell import search

# What unaccent's rules spell out that Unicode's decomposition keeps whole.
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "ł": "l"})


def fold(text: str | None) -> str | None:
    """`text` in lower case without accents, as PostgreSQL's `chat_fold`."""
    if text is None:
        return None
    text = unicodedata.normalize("NFKD", text.lower().translate(_LIGATURES))
    return "".join(c for c in text if not unicodedata.combining(c))


class Fold(Func):
    function = "chat_fold"
    output_field = TextField()


@receiver(connection_created)
def _sqlite_fold(sender, connection, **kwargs) -> None:
    if connection.vendor == "sqlite":
        connection.connection.create_function("chat_fold", 1, fold, deterministic=True)


def _search(user, query):
    rooms = selectors.readable_rooms(user=user).values("pk")
    found = Message.objects.shown().filter(room__in=rooms)
    words = [fold(word) or "" for word in query.split()[:8]]
    if words:
        found = found.annotate(folded=Fold("body"))
    for word in words:
        found = found.filter(folded__contains=word)
    # Newest first, by time rather than by id: no index gives that order, so
    # PostgreSQL reads the matches from the trigram index and sorts them, instead
    # of walking every message backwards by id looking for a rare word.
    return found.select_related("author", "room__committee").order_by(
        "-created_at", "-id"
    )


def _result(message) -> search.Result:
    room = message.room
    return search.Result(
        title=str(message.author),
        url=f"{room.get_absolute_url()}?avant={message.pk + 1}#message-{message.pk}",
        excerpt=TOKEN.sub("@", message.body)[:300],
        meta=str(room) if not room.is_direct else str(_("Conversation")),
    )


search.register(search.Kind("chat", _("Chat messages"), _search, _result, order=80))
