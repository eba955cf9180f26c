"""Chat search without scanning messages: each message keeps its text folded
(lower case, no accents), filled here in one UPDATE through the SQL function
`chat_fold`; on PostgreSQL, `chat_fold` is made over `unaccent` and a trigram GIN
index on `folded` answers `LIKE '%…%'`. On SQLite `chat_fold` is Python's
(`chat.text.fold`, registered on each connection by `chat.search`)."""

from django.db import migrations, models

FUNCTION = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    # unaccent() is only STABLE (its dictionary could change): name it, IMMUTABLE.
    "CREATE OR REPLACE FUNCTION chat_fold(text) RETURNS text "
    "LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS "
    "$$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$",
]
FILL = "UPDATE chat_message SET folded = chat_fold(body) WHERE body <> ''"
INDEX = (
    "CREATE INDEX IF NOT EXISTS chat_message_folded_trgm ON chat_message "
    "USING gin (folded gin_trgm_ops)"
)


def forward(apps, schema_editor):
    postgresql = schema_editor.connection.vendor == "postgresql"
    for statement in [*(FUNCTION if postgresql else []), FILL]:
        schema_editor.execute(statement)
    if postgresql:
        schema_editor.execute(INDEX)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS chat_message_folded_trgm")


class Migration(migrations.Migration):
    dependencies = [("chat", "0008_unread_without_scans")]

    operations = [
        migrations.AddField(
            model_name="message",
            name="folded",
            field=models.TextField(default="", editable=False),
        ),
        migrations.RunPython(forward, backward),
    ]
