"""A profile's offers and needs become entries (`OfferNeed`), one per thing
offered or looked for, each with an optional skill: the help matching reads them
(issue #24). Their text has a stored search vector (French without accents,
GIN-indexed on PostgreSQL; NULL on SQLite)."""

import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

import intranet.fulltext


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        intranet.fulltext.create_fold(apps, schema_editor)
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS members_offerneed_search ON "
            "members_offerneed USING gin (search_vector)"
        )
        # The directory finds a member by what they offer (`Contains(Unaccent(…))`).
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS members_offerneed_text_fold ON "
            "members_offerneed USING gin ((sohosolo_fold(text)) gin_trgm_ops)"
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS members_offerneed_search")
        schema_editor.execute("DROP INDEX IF EXISTS members_offerneed_text_fold")


class Migration(migrations.Migration):
    dependencies = [("members", "0013_profile_first_steps_dismissed")]

    operations = [
        migrations.RunPython(intranet.fulltext.create_config, migrations.RunPython.noop),
        migrations.CreateModel(
            name="OfferNeed",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("kind", models.CharField(choices=[("offer", "What I offer"), ("need", "What I am looking for")], max_length=6, verbose_name="kind")),
                ("text", models.CharField(max_length=160, verbose_name="text")),
                ("position", models.PositiveSmallIntegerField(default=0)),
                ("search_vector", models.GeneratedField(db_persist=True, expression=intranet.fulltext.StoredVector("text"), output_field=django.contrib.postgres.search.SearchVectorField(null=True))),
                ("profile", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="offers_needs", to="members.profile")),
                ("skill", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="offers_needs", to="members.skill", verbose_name="skill")),
            ],
            options={
                "verbose_name": "offer or need",
                "verbose_name_plural": "offers and needs",
                "ordering": ["profile", "kind", "position", "pk"],
                "indexes": [models.Index(fields=["kind", "skill"], name="members_offerneed_skill")],
            },
        ),
        migrations.RunPython(create_indexes, drop_indexes),
    ]
