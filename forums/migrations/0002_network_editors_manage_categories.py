"""The CCI team manages forum categories in the admin (a snippet)."""

from django.db import migrations

GROUP = "Équipe réseau"
CODENAMES = ["add_category", "change_category", "delete_category", "view_category"]


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=GROUP).first()
    if group is None:
        return
    content_type, _ = ContentType.objects.get_or_create(
        app_label="forums", model="category"
    )
    for codename in CODENAMES:
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type,
            codename=codename,
            defaults={"name": codename.replace("_", " ")},
        )
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=GROUP).first()
    if group is not None:
        group.permissions.remove(*group.permissions.filter(codename__in=CODENAMES))


class Migration(migrations.Migration):
    dependencies = [
        ("forums", "0001_forums"),
        ("home", "0003_network_editors_group"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
