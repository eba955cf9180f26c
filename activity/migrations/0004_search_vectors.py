"""Stored search vectors of feed posts and comments (generated columns, French without
accents, GIN-indexed on PostgreSQL; NULL on SQLite, which searches with LIKE)."""

import django.contrib.postgres.search
from django.db import migrations, models

import intranet.fulltext

GIN = [
    ("activity_feedpost_search", "activity_feedpost"),
    ("activity_comment_search", "activity_comment"),
]


def create_gin(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, table in GIN:
            schema_editor.execute(
                f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (search_vector)"
            )


def drop_gin(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, _table in GIN:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


def vector():
    return models.GeneratedField(
        db_persist=True,
        expression=intranet.fulltext.StoredVector("body"),
        output_field=django.contrib.postgres.search.SearchVectorField(null=True),
    )


class Migration(migrations.Migration):
    dependencies = [("activity", "0003_committee_moved")]

    operations = [
        migrations.RunPython(intranet.fulltext.create_config, migrations.RunPython.noop),
        migrations.AddField(model_name="comment", name="search_vector", field=vector()),
        migrations.AddField(model_name="feedpost", name="search_vector", field=vector()),
        migrations.RunPython(create_gin, drop_gin),
    ]
