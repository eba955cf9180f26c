"""Chat messages in the site search, for the members who may read them.

Words match anywhere in a message, whatever their case and accents (« ecole »
finds « École »): each message keeps its text folded (`Message.folded`, lower
case without accents, `chat.text.fold`), and so is each word. On PostgreSQL a
trigram GIN index on `folded` answers the `LIKE '%…%'` (migration 0009). The
SQL function `chat_fold` folds as `fold` does: over `unaccent` on PostgreSQL,
`fold` itself on SQLite (registered on each connection), for migrations."""

import functools

from django.db import connection
from django.db.backends.signals import connection_created
from django.db.models import F, QuerySet
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

from chat import selectors
from chat.models import Message
from chat.text import fold
from intranet import membertext
from intranet.prepared import Prepared
from intranet.shell import search
from members.models import User


@receiver(connection_created)
def _sqlite_fold(sender, connection, **kwargs) -> None:
    if connection.vendor == "sqlite":
        connection.connection.create_function("chat_fold", 1, fold, deterministic=True)


WINDOW = 25_000  # ids: the newest messages searched first (then 8 times more…)
PLENTY = 2_000  # matches from which a page is looked for in windows


class Found:
    """Matching messages, newest first, as the site search pages them: the count
    is exact. A few matches are read from the trigram index and sorted; when a
    word matches plenty, a page is looked for among the newest messages first, in
    windows of ids growing eightfold, so a frequent word reads a few hundred rows
    rather than sort thousands. Their queries are built once per process for each
    number of words and page (`Prepared`): only the reader's id and the words
    change."""

    def __init__(self, user, words: list[str]):
        self._values = {"viewer": user.pk, **{f"w{n}": w for n, w in enumerate(words)}}
        self._count: int | None = None
        self._latest: int | None = None  # the newest message's id, once asked
        self._asked = False

    @functools.cached_property
    def queryset(self) -> QuerySet:
        return _matching(**self._values)

    def count(self) -> int:
        if self._count is None:
            self._count = self.queryset.count()
        return self._count

    def __len__(self) -> int:
        return self.count()

    def at_least(self, n: int) -> int:
        """The count, or `n` when there are at least that many (the overview's
        « 50+ »): the matches are counted no further than PLENTY if it is enough."""
        if self._plenty() and PLENTY + 1 >= n:
            return n
        return self.count()

    def _plenty(self) -> bool:
        """Whether there are more than PLENTY matches."""
        if self._count is not None and self._count <= PLENTY:
            return False
        if not self._asked:
            self._asked = True
            capped, self._latest = self._capped_count_and_latest()
            if capped <= PLENTY:
                self._count = capped
                return False
        return True

    def _capped_count_and_latest(self) -> tuple[int, int | None]:
        """The matches counted up to PLENTY + 1, and the newest message's id (where
        the windows start), in one query."""
        sql, params = _kept(self._values, PLENTY).sql(**self._values)
        table = connection.ops.quote_name(Message._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT (SELECT COUNT(*) FROM ({sql}) AS capped), "
                f"(SELECT MAX(id) FROM {table})",
                params,
            )
            return cursor.fetchone()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop = index.start or 0, index.stop
        if stop is None:
            return list(_newest_first(self.queryset)[start:])
        if self._plenty():
            latest, window = self._latest, WINDOW
            while latest and latest - window > 0:
                values = {**self._values, "floor": latest - window}
                page = _kept(values, start, stop).objects(**values)
                if len(page) == stop - start:
                    return page
                window *= 8
        return _kept(self._values, start, stop).objects(**self._values)


def _search(user, query):
    if not user.is_active:
        return Message.objects.none()
    return Found(user, [fold(word) or "" for word in query.split()[:8]])


def _matching(viewer: int, floor: int | None = None, **words: str) -> QuerySet:
    """The shown messages of the rooms `viewer` reads with every word in their
    folded text (newer than the id `floor`, if given)."""
    reader = User(pk=viewer, is_active=True)
    rooms = selectors.readable_rooms(user=reader).values("pk")
    found = Message.objects.shown().filter(room__in=rooms)
    if floor is not None:
        found = found.filter(id__gt=floor)
    for word in words.values():
        found = found.filter(folded__contains=word)
    return found.select_related("author", "room__committee")


def _newest_first(found: QuerySet) -> QuerySet:
    # `id + 0`: no index gives that order, so the database reads the matches (of a
    # window) and sorts them, never walks all messages by id.
    return found.order_by((F("id") + 0).desc())


def _kept(values: dict, *limits: int) -> Prepared:
    """The query for values of these names: the matches counted up to one limit
    (PLENTY), or a page of them (start, stop)."""
    return _prepared(tuple(values), limits)


@functools.lru_cache(maxsize=64)
def _prepared(names: tuple[str, ...], limits: tuple[int, ...]) -> Prepared:
    def build(**values) -> QuerySet:
        found = _matching(**values)
        if len(limits) == 1:
            return found.order_by().values("pk")[: limits[0] + 1]
        return _newest_first(found)[limits[0] : limits[1]]

    return Prepared(build, **{name: str if name[0] == "w" else int for name in names})


def _result(message) -> search.Result:
    room = message.room
    return search.Result(
        title=str(message.author),
        url=f"{room.get_absolute_url()}?avant={message.pk + 1}#message-{message.pk}",
        excerpt=membertext.excerpt(
            message.body, membertext.names_of(message, message.body)
        ),
        meta=str(room) if not room.is_direct else str(_("Conversation")),
    )


search.register(
    search.Kind(
        "chat",
        _("Chat messages"),
        _search,
        _result,
        order=80,
        prepare=membertext.attach_names,
    )
)
