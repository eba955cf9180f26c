"""Name the django.contrib.sites site after the network: allauth's e-mails use it."""

from urllib.parse import urlsplit

from django.conf import settings
from django.db import migrations


def name_site(apps, schema_editor):
    Site = apps.get_model("sites", "Site")
    Site.objects.update_or_create(
        pk=settings.SITE_ID,
        defaults={"domain": urlsplit(settings.BASE_URL).netloc, "name": "Sohosolo"},
    )


def unname_site(apps, schema_editor):
    apps.get_model("sites", "Site").objects.filter(pk=settings.SITE_ID).update(
        domain="example.com", name="example.com"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0006_committee_groups_cascade"),
        ("sites", "0002_alter_domain_unique"),
    ]

    operations = [migrations.RunPython(name_site, unname_site)]
