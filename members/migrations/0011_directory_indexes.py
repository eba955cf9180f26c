"""The directory at 28,000 members: its orders walk an index a page at a time, and
on PostgreSQL its search (LIKE '%word%', on both databases) uses trigram indexes."""

from django.db import migrations, models

TRIGRAM = [
    ("members_user_first_name_trgm", "members_user", "first_name"),
    ("members_user_last_name_trgm", "members_user", "last_name"),
    ("members_profile_display_name_trgm", "members_profile", "display_name"),
    ("members_profile_headline_trgm", "members_profile", "headline"),
    ("members_profile_profession_trgm", "members_profile", "profession"),
    ("members_profile_bio_trgm", "members_profile", "bio"),
    ("members_profile_offers_trgm", "members_profile", "offers"),
    ("members_skill_name_trgm", "members_skill", "name"),
]


def create_trigram(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, table, column in TRIGRAM:
        # The expression of Django's icontains: UPPER("column"::text) LIKE …
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} "
            f"USING gin ((UPPER({column}::text)) gin_trgm_ops)"
        )


def drop_trigram(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, _table, _column in TRIGRAM:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("members", "0010_feed_tokens_for_everyone")]

    operations = [
        migrations.AddIndex(
            model_name="user",
            index=models.Index(
                fields=["last_name", "first_name"], name="members_user_by_name"
            ),
        ),
        migrations.AddIndex(
            model_name="user",
            index=models.Index(fields=["-date_joined"], name="members_user_newest"),
        ),
        migrations.RunPython(create_trigram, drop_trigram),
    ]
