"""Full-text search on both databases (issue #19).

On PostgreSQL a searchable text has a stored `tsvector` column (`StoredVector`, a
generated column, so no write path can forget it) with a GIN index, in the French
configuration without accents (`CONFIG`, made by `create_config` in the apps'
migrations): « evenement » finds « événement », « journal » finds « journaux ».
On SQLite (tests, development) the column is empty and `contains_all` falls back
to LIKE on the text without accents: the same results for whole words.
"""

import functools
import unicodedata
from functools import reduce
from operator import and_
from typing import Any

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db.models import Expression, Func, Manager, Q, QuerySet, TextField
from django.db.models.lookups import Contains

CONFIG = "french_unaccent"
MAX_WORDS = 6

CREATE_CONFIG = """
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'french_unaccent') THEN
    CREATE TEXT SEARCH CONFIGURATION french_unaccent (COPY = french);
    ALTER TEXT SEARCH CONFIGURATION french_unaccent
      ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
  END IF;
END $$;
"""


def create_config(apps: Any, schema_editor: Any) -> None:
    """For a migration's RunPython: the text search configuration, once per database
    (several apps' migrations call it; nothing happens on SQLite)."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE_CONFIG)


class StoredVector(SearchVector):
    """The expression of a generated `tsvector` column: the French vector without
    accents on PostgreSQL, NULL on SQLite (which searches the text itself)."""

    def __init__(self, *expressions: Any, **extra: Any) -> None:
        extra.setdefault("config", CONFIG)
        super().__init__(*expressions, **extra)

    def as_sqlite(
        self, compiler: Any, connection: Any, **extra: Any
    ) -> tuple[str, Any]:
        return "NULL", []


class WithoutVector(Manager):
    """A manager that leaves the stored vector out of the rows it loads: only the
    search reads it (`WithoutVector.from_queryset(SomeQuerySet)()` keeps methods)."""

    def get_queryset(self) -> QuerySet:
        return super().get_queryset().defer("search_vector")


# What unaccent's rules spell out that Unicode's decomposition keeps whole.
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "ł": "l"})


@functools.lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Lower case without accents (« Événement » → « evenement », « Œuvre » →
    « oeuvre »), as the SQL function `sohosolo_fold` does on PostgreSQL. Kept for
    the texts met again (the dashboard folds the same entries on every visit)."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.lower().translate(_LIGATURES))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


# unaccent() is only STABLE (its dictionary could change): named IMMUTABLE, so
# that an index can be built on a column folded (the members directory's
# trigram indexes, members migration 0012).
CREATE_FOLD = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE OR REPLACE FUNCTION sohosolo_fold(text) RETURNS text "
    "LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS "
    "$$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$",
]


def create_fold(apps: Any, schema_editor: Any) -> None:
    """For a migration's RunPython: the SQL function `sohosolo_fold` (nothing
    happens on SQLite, where `Unaccent` gives each connection Python's `fold`)."""
    if schema_editor.connection.vendor == "postgresql":
        for statement in CREATE_FOLD:
            schema_editor.execute(statement)


class Unaccent(Func):
    """The text folded as `fold` does: the SQL function `sohosolo_fold`, made by
    `create_fold` on PostgreSQL, given to each connection on SQLite."""

    function = "sohosolo_fold"
    output_field = TextField()

    def as_sqlite(
        self, compiler: Any, connection: Any, **extra: Any
    ) -> tuple[str, Any]:
        connection.ensure_connection()
        connection.connection.create_function(
            self.function, 1, _fold_or_null, deterministic=True
        )
        return super().as_sql(compiler, connection, **extra)


class StoredFold(Func):
    """The expression of a generated column: its texts joined by spaces, folded
    by `sohosolo_fold` on PostgreSQL (where a trigram index can serve LIKE without
    folding each row again); NULL on SQLite, which folds the texts as it reads.
    `||` rather than CONCAT: a generated column needs an immutable expression."""

    function = "sohosolo_fold"
    arg_joiner = " || ' ' || "
    output_field = TextField()

    def as_sqlite(
        self, compiler: Any, connection: Any, **extra: Any
    ) -> tuple[str, Any]:
        return "NULL", []


def _fold_or_null(text: str | None) -> str | None:
    return None if text is None else fold(text)


def words(query: str) -> list[str]:
    return query.split()[:MAX_WORDS]


def search_query(query: str) -> SearchQuery:
    """PostgreSQL: every word of `query`, stemmed, accents ignored."""
    return SearchQuery(" ".join(words(query)), config=CONFIG, search_type="plain")


def contains_all(text: str | Expression, query: str) -> Q:
    """SQLite: every word of `query` is in the column `text` (a path across
    relations allowed, or an expression), ignoring case and accents. One column,
    as one vector."""
    return reduce(
        and_, (Q(Contains(Unaccent(text), fold(word))) for word in words(query))
    )
