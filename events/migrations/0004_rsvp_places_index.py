"""The places taken at a meetup are summed from an index alone on PostgreSQL (issue
#19: covering `guests`); other databases skip covering indexes."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("events", "0003_rsvp_answered_index")]

    operations = [
        migrations.AddIndex(
            model_name="rsvp",
            index=models.Index(
                fields=["event", "status"],
                include=("guests",),
                name="events_rsvp_places_idx",
            ),
        ),
    ]
