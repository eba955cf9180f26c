"""The committee page and memberships moved to `committees` (state only)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('committees', '0001_committees'),
        ('welcome', '0002_programme_team_and_checklist'),
    ]

    operations = [
        # The tables stay: `committees.0001` took them over as they are.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='installationproject',
                    name='area_committees',
                    field=models.ManyToManyField(blank=True, related_name='+', to='committees.committeepage', verbose_name='committees considered'),
                ),
                migrations.AlterField(
                    model_name='installationproject',
                    name='committee',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='installation_projects', to='committees.committeepage', verbose_name='committee'),
                ),
            ],
        ),
    ]
