"""The directory's search ignores accents as well as case (issue #21): its words
are matched in the texts folded by `sohosolo_fold` (lower case, no accents), so
on PostgreSQL the trigram indexes of migration 0011 (on UPPER(column)) give way
to indexes on the folded columns; the names' indexes also answer the trigram
similarity (`%`) that forgives a typo in a name."""

from django.db import migrations

import intranet.fulltext

OLD = [
    "members_user_first_name_trgm",
    "members_user_last_name_trgm",
    "members_profile_display_name_trgm",
    "members_profile_headline_trgm",
    "members_profile_profession_trgm",
    "members_profile_bio_trgm",
    "members_profile_offers_trgm",
    "members_skill_name_trgm",
]
FOLDED = [
    ("members_user_first_name_fold", "members_user", "first_name"),
    ("members_user_last_name_fold", "members_user", "last_name"),
    ("members_profile_display_name_fold", "members_profile", "display_name"),
    ("members_profile_headline_fold", "members_profile", "headline"),
    ("members_profile_profession_fold", "members_profile", "profession"),
    ("members_profile_bio_fold", "members_profile", "bio"),
    ("members_profile_offers_fold", "members_profile", "offers"),
    ("members_skill_name_fold", "members_skill", "name"),
]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    intranet.fulltext.create_fold(apps, schema_editor)
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name in OLD:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")
    for name, table, column in FOLDED:
        # The expression of `Contains(Unaccent(column), …)`: sohosolo_fold(column)
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} "
            f"USING gin ((sohosolo_fold({column})) gin_trgm_ops)"
        )


def backward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _table, _column in FOLDED:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")
    for name, (_new, table, column) in zip(OLD, FOLDED, strict=True):
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} "
            f"USING gin ((UPPER({column}::text)) gin_trgm_ops)"
        )


class Migration(migrations.Migration):
    dependencies = [("members", "0011_directory_indexes")]

    operations = [migrations.RunPython(forward, backward)]
