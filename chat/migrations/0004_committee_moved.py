"""The committee page and memberships moved to `committees` (state only)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('chat', '0003_participant_guest'),
        ('committees', '0001_committees'),
    ]

    operations = [
        # The tables stay: `committees.0001` took them over as they are.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='room',
                    name='committee',
                    field=models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='chat_room', to='committees.committeepage'),
                ),
            ],
        ),
    ]
