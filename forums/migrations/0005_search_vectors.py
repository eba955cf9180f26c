"""Stored search vectors of forum messages and topic titles (generated columns, French
without accents, GIN-indexed on PostgreSQL; NULL on SQLite, which searches with LIKE),
replacing 0003's expression index; and the index of the latest topics."""

import django.contrib.postgres.search
from django.db import migrations, models

import intranet.fulltext

GIN = [
    ("forums_post_search", "forums_post"),
    ("forums_topic_search", "forums_topic"),
]


def create_gin(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS forums_post_body_fts")
        for name, table in GIN:
            schema_editor.execute(
                f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (search_vector)"
            )


def drop_gin(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, _table in GIN:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS forums_post_body_fts ON forums_post "
            "USING gin (to_tsvector('french'::regconfig, COALESCE(body, '')))"
        )


class Migration(migrations.Migration):
    dependencies = [("forums", "0004_committee_moved")]

    operations = [
        migrations.RunPython(intranet.fulltext.create_config, migrations.RunPython.noop),
        migrations.AddField(
            model_name="post",
            name="search_vector",
            field=models.GeneratedField(
                db_persist=True,
                expression=intranet.fulltext.StoredVector("body"),
                output_field=django.contrib.postgres.search.SearchVectorField(
                    null=True
                ),
            ),
        ),
        migrations.AddField(
            model_name="topic",
            name="search_vector",
            field=models.GeneratedField(
                db_persist=True,
                expression=intranet.fulltext.StoredVector("title"),
                output_field=django.contrib.postgres.search.SearchVectorField(
                    null=True
                ),
            ),
        ),
        migrations.RunPython(create_gin, drop_gin),
        migrations.AddIndex(
            model_name="topic",
            index=models.Index(fields=["-last_post_at"], name="forums_topic_latest"),
        ),
    ]
