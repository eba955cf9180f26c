"""The committee page and memberships moved to `committees` (state only)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('committees', '0001_committees'),
        ('members', '0008_moderators_group'),
    ]

    operations = [
        # The tables stay: `committees.0001` took them over as they are.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='joinrequest',
                    name='committee',
                ),
                migrations.RemoveField(
                    model_name='joinrequest',
                    name='decided_by',
                ),
                migrations.RemoveField(
                    model_name='joinrequest',
                    name='user',
                ),
                migrations.AlterField(
                    model_name='invitation',
                    name='committee',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='invitations', to='committees.committeepage', verbose_name='committee'),
                ),
                migrations.DeleteModel(
                    name='CommitteeMembership',
                ),
                migrations.DeleteModel(
                    name='JoinRequest',
                ),
            ],
        ),
    ]
