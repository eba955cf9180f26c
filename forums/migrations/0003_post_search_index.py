"""On PostgreSQL, a French full-text index on forum messages (the site search's query
uses the same expression); other databases search with LIKE and need none."""

from django.db import migrations

CREATE = """
CREATE INDEX IF NOT EXISTS forums_post_body_fts ON forums_post
USING gin (to_tsvector('french'::regconfig, COALESCE(body, '')))
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS forums_post_body_fts")


class Migration(migrations.Migration):
    dependencies = [("forums", "0002_network_editors_manage_categories")]

    operations = [migrations.RunPython(create, drop)]
