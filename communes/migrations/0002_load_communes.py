from django.db import migrations


def load(apps, schema_editor):
    from communes.loader import commune_rows

    Commune = apps.get_model("communes", "Commune")
    Commune.objects.bulk_create(Commune(**row) for row in commune_rows())


def unload(apps, schema_editor):
    apps.get_model("communes", "Commune").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("communes", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
