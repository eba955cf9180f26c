"""Places are unique in a room, and a send is stored once per author and key
(after 0006 numbered the messages: in a migration of its own, so that PostgreSQL
alters the table after the rows are written)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [("chat", "0006_message_places_and_send_keys")]

    operations = [
        migrations.AddIndex(
            model_name='message',
            index=models.Index(fields=['room', 'changed_at'], name='chat_messag_room_id_e50e7c_idx'),
        ),
        migrations.AddConstraint(
            model_name='message',
            constraint=models.UniqueConstraint(fields=('room', 'seq'), name='chat_one_place'),
        ),
        migrations.AddConstraint(
            model_name='message',
            constraint=models.UniqueConstraint(condition=models.Q(('key', ''), _negated=True), fields=('author', 'key'), name='chat_one_message_per_send'),
        ),
    ]
