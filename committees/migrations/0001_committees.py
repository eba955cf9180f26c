"""Committees get an app of their own: the committee page and its rights (from
`home`), the memberships and the requests to join (from `members`).

Nothing is copied: the models are declared here on their tables, which keep
their names (renaming a table that others reference is not safe on SQLite), and
the content types move, so that pages, revisions, permissions, feed entries and
follows keep pointing at the same rows."""

import django.db.models.deletion
import django.utils.timezone
import wagtail.fields
from django.conf import settings
from django.db import migrations, models


MOVED = {
    "committeepage": "home",
    "committeeaccess": "home",
    "committeemembership": "members",
    "joinrequest": "members",
}


def _move(apps, source_of, target_of):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model, old_app in MOVED.items():
        source, target = source_of(old_app), target_of(old_app)
        if not ContentType.objects.filter(app_label=target, model=model).exists():
            ContentType.objects.filter(app_label=source, model=model).update(
                app_label=target
            )


def move_content_types(apps, schema_editor):
    _move(apps, lambda old: old, lambda old: "committees")


def move_content_types_back(apps, schema_editor):
    _move(apps, lambda old: "committees", lambda old: old)


class Migration(migrations.Migration):

    dependencies = [
        ('home', '0007_site_name'),
        ('members', '0008_moderators_group'),
        ('auth', '0012_alter_user_first_name_max_length'),
        ('communes', '0002_load_communes'),
        ('wagtailcore', '0098_apitoken'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='CommitteePage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('description', wagtail.fields.RichTextField(blank=True, verbose_name='description')),
                        ('contact_email', models.EmailField(blank=True, max_length=254, verbose_name='contact e-mail')),
                        ('contact_phone', models.CharField(blank=True, max_length=30, verbose_name='contact phone')),
                        ('fibre', models.CharField(blank=True, choices=[('available', 'Fibre available almost everywhere'), ('partial', 'Fibre in part of the commune'), ('planned', 'Fibre planned'), ('none', 'No fibre yet (ADSL, 4G box or satellite)')], max_length=20, verbose_name='fibre')),
                        ('typical_speeds', models.CharField(blank=True, help_text='E.g. “Fibre 1 Gb/s in the village, ADSL 8 Mb/s in the hamlets”.', max_length=200, verbose_name='typical speeds')),
                        ('mobile_coverage', models.CharField(blank=True, choices=[('good', 'Good 4G/5G coverage'), ('fair', '4G in most places'), ('weak', 'Weak mobile coverage')], max_length=20, verbose_name='mobile coverage')),
                        ('nearest_station', models.CharField(blank=True, max_length=200, verbose_name='nearest station')),
                        ('schools', models.TextField(blank=True, verbose_name='schools')),
                        ('childcare', models.TextField(blank=True, verbose_name='childcare')),
                        ('doctors', models.TextField(blank=True, verbose_name='doctors and health')),
                        ('markets', models.TextField(blank=True, verbose_name='markets and shops')),
                        ('coworking', models.TextField(blank=True, verbose_name='coworking or telecentre')),
                        ('sheet_checked_on', models.DateField(blank=True, null=True, verbose_name='village sheet last checked on')),
                        ('commune', models.ForeignKey(help_text='The commune where the committee welcomes newcomers.', on_delete=django.db.models.deletion.PROTECT, related_name='committees', to='communes.commune', verbose_name='commune')),
                    ],
                    options={
                        'db_table': 'home_committeepage',
                        'verbose_name': 'committee',
                        'verbose_name_plural': 'committees',
                    },
                    bases=('wagtailcore.page',),
                ),
                migrations.CreateModel(
                    name='CommitteeAccess',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('collection', models.OneToOneField(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.collection')),
                        ('editors', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='auth.group')),
                        ('referents', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='auth.group')),
                        ('workflow', models.OneToOneField(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.workflow')),
                        ('committee', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='access', to='committees.committeepage')),
                    ],
                    options={
                        'db_table': 'home_committeeaccess',
                        'verbose_name': 'committee access',
                        'verbose_name_plural': 'committee accesses',
                    },
                ),
                migrations.CreateModel(
                    name='CommitteeMembership',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('role', models.CharField(choices=[('member', 'Member'), ('volunteer', 'Volunteer'), ('elected', 'Elected official'), ('referent', 'Referent')], default='member', max_length=20, verbose_name='role')),
                        ('is_editor', models.BooleanField(default=False, help_text="May write the committee's pages in the administration.", verbose_name='editor')),
                        ('joined_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='joined on')),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='committee_memberships', to=settings.AUTH_USER_MODEL)),
                        ('committee', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='memberships', to='committees.committeepage')),
                    ],
                    options={
                        'db_table': 'members_committeemembership',
                        'verbose_name': 'committee membership',
                        'verbose_name_plural': 'committee memberships',
                        'indexes': [models.Index(fields=['committee', 'role'], name='members_com_committ_247e8b_idx')],
                        'constraints': [models.UniqueConstraint(fields=('user', 'committee'), name='members_one_membership_per_committee')],
                    },
                ),
                migrations.CreateModel(
                    name='JoinRequest',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('message', models.TextField(blank=True, max_length=1000, verbose_name='message')),
                        ('status', models.CharField(choices=[('pending', 'Pending'), ('accepted', 'Accepted'), ('declined', 'Declined')], default='pending', max_length=10, verbose_name='status')),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='sent on')),
                        ('decided_at', models.DateTimeField(blank=True, null=True)),
                        ('committee', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='join_requests', to='committees.committeepage')),
                        ('decided_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='join_requests', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'db_table': 'members_joinrequest',
                        'verbose_name': 'request to join',
                        'verbose_name_plural': 'requests to join',
                        'ordering': ['created_at'],
                        'constraints': [models.UniqueConstraint(condition=models.Q(('status', 'pending')), fields=('user', 'committee'), name='members_one_pending_join_request')],
                    },
                ),
            ],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
