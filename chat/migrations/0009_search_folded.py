"""Chat search without scanning messages on PostgreSQL: `chat_fold(text)`, lower
case without accents (`unaccent`), and a trigram GIN index on `chat_fold(body)`
that answers `LIKE '%…%'`. Nothing on SQLite (chat.search registers a Python
`chat_fold` on each connection)."""

from django.db import migrations

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    # unaccent() is only STABLE (its dictionary could change): an index needs an
    # IMMUTABLE function that names its dictionary.
    "CREATE OR REPLACE FUNCTION chat_fold(text) RETURNS text "
    "LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS "
    "$$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$",
    "CREATE INDEX IF NOT EXISTS chat_message_folded_trgm ON chat_message "
    "USING gin (chat_fold(body) gin_trgm_ops)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS chat_message_folded_trgm",
    "DROP FUNCTION IF EXISTS chat_fold(text)",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("chat", "0008_unread_without_scans")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
