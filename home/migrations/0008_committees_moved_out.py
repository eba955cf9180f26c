"""The committee page and memberships moved to `committees` (state only)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('activity', '0003_committee_moved'),
        ('chat', '0004_committee_moved'),
        ('events', '0002_committee_moved'),
        ('forums', '0004_committee_moved'),
        ('members', '0009_committees_moved_out'),
        ('welcome', '0003_committee_moved'),
        ('home', '0007_site_name'),
    ]

    operations = [
        # The tables stay: `committees.0001` took them over as they are.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='committeepage',
                    name='commune',
                ),
                migrations.RemoveField(
                    model_name='committeepage',
                    name='page_ptr',
                ),
                migrations.DeleteModel(
                    name='CommitteeAccess',
                ),
                migrations.DeleteModel(
                    name='CommitteePage',
                ),
            ],
        ),
    ]
