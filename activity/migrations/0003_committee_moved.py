"""The committee page and memberships moved to `committees` (state only)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('activity', '0002_posts_comments_reactions_digests'),
        ('committees', '0001_committees'),
    ]

    operations = [
        # The tables stay: `committees.0001` took them over as they are.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='committeefeedsettings',
                    name='committee',
                    field=models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='feed_settings', to='committees.committeepage'),
                ),
                migrations.AlterField(
                    model_name='feedpost',
                    name='committee',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='feed_posts', to='committees.committeepage', verbose_name='committee'),
                ),
            ],
        ),
    ]
