"""The committee page and memberships moved to `committees` (state only)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('committees', '0001_committees'),
        ('forums', '0003_post_search_index'),
    ]

    operations = [
        # The tables stay: `committees.0001` took them over as they are.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='category',
                    name='committee',
                    field=models.ForeignKey(blank=True, help_text='Leave empty for a category of the whole network.', null=True, on_delete=django.db.models.deletion.CASCADE, related_name='forum_categories', to='committees.committeepage', verbose_name='committee'),
                ),
            ],
        ),
    ]
