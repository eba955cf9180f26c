"""Each message gets its place in its room (1, 2, 3… by id), the room its last
place, and a date of last change; then the places are made unique."""

import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


PLACES = """
UPDATE chat_message SET seq = numbered.place
FROM (
    SELECT id, ROW_NUMBER() OVER (PARTITION BY room_id ORDER BY id) AS place
    FROM chat_message
) AS numbered
WHERE chat_message.id = numbered.id
"""
CHANGES = """
UPDATE chat_message SET changed_at = COALESCE(deleted_at, edited_at, created_at)
"""
LAST_PLACES = """
UPDATE chat_room SET last_seq = COALESCE(
    (SELECT MAX(seq) FROM chat_message WHERE chat_message.room_id = chat_room.id), 0
)
"""


class Migration(migrations.Migration):

    dependencies = [
        ('chat', '0005_committee_rooms'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='message',
            name='changed_at',
            field=models.DateTimeField(default=django.utils.timezone.now),
        ),
        migrations.AddField(
            model_name='message',
            name='key',
            field=models.CharField(blank=True, default='', max_length=64),
        ),
        migrations.AddField(
            model_name='message',
            name='seq',
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AddField(
            model_name='room',
            name='last_seq',
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.RunSQL(PLACES, migrations.RunSQL.noop),
        migrations.RunSQL(CHANGES, migrations.RunSQL.noop),
        migrations.RunSQL(LAST_PLACES, migrations.RunSQL.noop),
    ]
