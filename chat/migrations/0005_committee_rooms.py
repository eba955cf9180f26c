"""Every committee has its room: a committee now comes with its room, where the
chat's index used to make those of the reader's committees when it was read."""

from django.db import migrations
from django.utils import timezone


def create(apps, schema_editor):
    Room = apps.get_model("chat", "Room")
    CommitteePage = apps.get_model("committees", "CommitteePage")
    have = Room.objects.filter(committee__isnull=False).values("committee_id")
    Room.objects.bulk_create(
        Room(kind="committee", committee_id=pk, created_at=timezone.now())
        for pk in CommitteePage.objects.exclude(pk__in=have).values_list(
            "pk", flat=True
        )
    )


class Migration(migrations.Migration):
    dependencies = [
        ("chat", "0004_committee_moved"),
        ("committees", "0001_committees"),
    ]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
