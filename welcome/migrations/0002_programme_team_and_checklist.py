"""The programme team (a group), what it may do, and the first checklist."""

from django.db import migrations

GROUP = "Équipe programme"
PERMISSIONS = [
    ("welcome", "installationproject", "manage_projects"),
    ("members", "invitation", "add_invitation"),
    ("wagtailadmin", "admin", "access_admin"),
    *[("welcome", "checklisttemplateitem", f"{action}_checklisttemplateitem")
      for action in ("add", "change", "delete", "view")],
]  # fmt: skip

STEPS = [
    ("Logement", "Trouver une location ou un bien, visiter, signer.", 60),
    ("Haut débit", "Vérifier l'éligibilité à la fibre ou à la 4G fixe, commander.", 45),
    ("École ou crèche", "Inscription à l'école, au collège, à la crèche ou chez une assistante maternelle.", 60),
    ("Coworking ou télécentre", "Visiter le tiers-lieu le plus proche, essayer une journée.", 75),
    ("Médecin", "Trouver un médecin traitant qui accepte de nouveaux patients.", 90),
    ("Démarches administratives", "Mairie, CAF, carte grise, sécurité sociale, impôts.", 90),
    ("Rencontre du comité", "Un apéritif ou une soirée d'accueil avec le comité.", 30),
    ("Entrée dans le réseau", "Invitation sur l'intranet, première rencontre du réseau.", 120),
]


def create(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    group, _ = Group.objects.get_or_create(name=GROUP)
    for app_label, model, codename in PERMISSIONS:
        content_type, _ = ContentType.objects.get_or_create(
            app_label=app_label, model=model
        )
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type,
            codename=codename,
            defaults={"name": codename.replace("_", " ")},
        )
        group.permissions.add(permission)
    Step = apps.get_model("welcome", "ChecklistTemplateItem")
    if not Step.objects.exists():
        Step.objects.bulk_create(
            [Step(title=title, description=text, due_days=days, position=i)
             for i, (title, text, days) in enumerate(STEPS)]
        )  # fmt: skip


def remove(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("welcome", "0001_installation_projects"),
        ("members", "0008_moderators_group"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]
    operations = [migrations.RunPython(create, remove)]
