"""Wagtail's search of pages ignores accents on PostgreSQL (issue #21): its
configuration is now `french_unaccent` (settings), and the index entries already
written in French are folded the same way here, weights and positions kept
(`unaccent` on the vector's text, then read back as a vector), so « ecole » finds
« école » without waiting for each page to be saved again. `manage.py
update_index` rebuilds the entries exactly, whenever convenient."""

from django.db import migrations

import intranet.fulltext

FOLD = """
UPDATE wagtailsearch_indexentry SET
  title = public.unaccent(title::text)::tsvector,
  body = public.unaccent(body::text)::tsvector
"""


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    intranet.fulltext.create_config(apps, schema_editor)
    schema_editor.execute(FOLD)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0008_committees_moved_out"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
