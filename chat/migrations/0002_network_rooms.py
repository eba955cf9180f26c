"""The network's first rooms, and the CCI team manages them in the admin."""

from django.db import migrations

GROUP = "Équipe réseau"
CODENAMES = ["add_networkroom", "change_networkroom", "delete_networkroom",
             "view_networkroom"]  # fmt: skip

ROOMS = [
    ("Général", "general", "Tout le réseau : nouvelles, questions, bonne humeur.", 0),
    ("Entraide", "entraide", "Un coup de main, un bon plan, une adresse.", 1),
    ("Coworking", "coworking", "Qui travaille où aujourd'hui ? Places libres, sorties.", 2),
]


def create(apps, schema_editor):
    Room = apps.get_model("chat", "Room")
    for name, slug, description, position in ROOMS:
        Room.objects.get_or_create(
            slug=slug,
            defaults={"kind": "network", "name": name, "description": description,
                      "position": position},
        )  # fmt: skip
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    group = apps.get_model("auth", "Group").objects.filter(name=GROUP).first()
    if group is None:
        return
    content_type, _ = ContentType.objects.get_or_create(
        app_label="chat", model="networkroom"
    )
    for codename in CODENAMES:
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type,
            codename=codename,
            defaults={"name": codename.replace("_", " ")},
        )
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [("chat", "0001_chat"), ("home", "0003_network_editors_group")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
