"""The committee page and memberships moved to `committees` (state only)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('committees', '0001_committees'),
        ('events', '0001_events'),
    ]

    operations = [
        # The tables stay: `committees.0001` took them over as they are.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='eventpage',
                    name='committee',
                    field=models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='events', to='committees.committeepage'),
                ),
            ],
        ),
    ]
