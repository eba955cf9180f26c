"""Missions and their answers (issue #24); the search vector's GIN index on PostgreSQL."""

import django.contrib.postgres.search
import django.db.models.deletion
import django.utils.timezone
import intranet.fulltext
from django.conf import settings
from django.db import migrations, models


def create_gin(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS missions_mission_search ON missions_mission "
            "USING gin (search_vector)"
        )


def drop_gin(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS missions_mission_search")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('communes', '0002_load_communes'),
        ('members', '0013_profile_first_steps_dismissed'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(intranet.fulltext.create_config, migrations.RunPython.noop),
        migrations.CreateModel(
            name='Mission',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('title', models.CharField(max_length=160, verbose_name='title')),
                ('description', models.TextField(max_length=8000, verbose_name='description')),
                ('kind', models.CharField(choices=[('team', 'Looking for a partner to team up with'), ('handover', 'Passing the mission on')], max_length=10, verbose_name='what I am looking for')),
                ('starts_on', models.DateField(verbose_name='start')),
                ('duration', models.CharField(choices=[('days', 'A few days'), ('weeks', 'A few weeks'), ('months', 'A few months'), ('ongoing', 'Ongoing, recurring')], max_length=10, verbose_name='duration')),
                ('budget', models.CharField(blank=True, choices=[('lt1k', 'Under €1,000'), ('1k-5k', '€1,000 to €5,000'), ('5k-15k', '€5,000 to €15,000'), ('gt15k', 'Over €15,000')], max_length=10, verbose_name='budget')),
                ('closes_on', models.DateField(verbose_name='answers until')),
                ('status', models.CharField(choices=[('open', 'Open'), ('filled', 'Filled'), ('cancelled', 'Cancelled'), ('expired', 'Expired')], default='open', max_length=10)),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('updated_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('closed_at', models.DateTimeField(blank=True, null=True)),
                ('answer_count', models.PositiveIntegerField(default=0)),
                ('hidden_at', models.DateTimeField(blank=True, null=True)),
                ('search_vector', models.GeneratedField(db_persist=True, expression=intranet.fulltext.StoredVector('title', 'description'), output_field=django.contrib.postgres.search.SearchVectorField(null=True))),
                ('author', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('commune', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='communes.commune', verbose_name='where')),
                ('hidden_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('skills', models.ManyToManyField(related_name='+', to='members.skill', verbose_name='skills wanted')),
            ],
            options={
                'verbose_name': 'mission',
                'verbose_name_plural': 'missions',
                'ordering': ['-created_at', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='Answer',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('message', models.TextField(max_length=1000, verbose_name='message')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('member', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('mission', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='answers', to='missions.mission')),
            ],
            options={
                'verbose_name': 'answer to a mission',
                'verbose_name_plural': 'answers to missions',
                'ordering': ['created_at', 'pk'],
            },
        ),
        migrations.AddIndex(
            model_name='mission',
            index=models.Index(fields=['status', 'closes_on', '-created_at'], name='missions_open'),
        ),
        migrations.AddIndex(
            model_name='mission',
            index=models.Index(fields=['author', '-created_at'], name='missions_by_author'),
        ),
        migrations.AddIndex(
            model_name='answer',
            index=models.Index(fields=['member', '-created_at'], name='missions_answers_of'),
        ),
        migrations.AddConstraint(
            model_name='answer',
            constraint=models.UniqueConstraint(fields=('mission', 'member'), name='missions_one_answer_each'),
        ),
        migrations.RunPython(create_gin, drop_gin),
    ]
