"""The free texts are gone: the entries of 0014 hold them (0015). On PostgreSQL
the folded trigram index of `offers` (0012) goes with its column."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("members", "0015_offers_and_needs_from_texts")]

    operations = [
        migrations.RemoveField(model_name="profile", name="offers"),
        migrations.RemoveField(model_name="profile", name="needs"),
    ]
