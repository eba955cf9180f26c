"""Wagtail's submit button reads « Soumettre à la relecture du comité d'accueil de
Saint-Puy », no longer « Soumettre à Publication · Comité d'accueil de Saint-Puy
(#20) » (issue #21): the committees' workflows and tasks renamed (groups and
collections keep their number, which keeps their names unique)."""

from django.db import migrations



def workflow_name(title):  # as committees.rights.workflow_name, frozen here
    if title[:6].casefold() == "comité":
        return f"la relecture du {title[0].lower()}{title[1:]}"[:255]
    return f"la relecture · {title}"[:255]


def task_name(title):
    return f"Validation · {title}"[:255]


def rename(apps, schema_editor):
    CommitteeAccess = apps.get_model("committees", "CommitteeAccess")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    Task = apps.get_model("wagtailcore", "Task")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    for access in CommitteeAccess.objects.select_related("committee"):
        title = access.committee.title
        Workflow.objects.filter(pk=access.workflow_id).update(name=workflow_name(title))
        tasks = WorkflowTask.objects.filter(workflow_id=access.workflow_id)
        Task.objects.filter(pk__in=tasks.values("task_id")).update(name=task_name(title))


class Migration(migrations.Migration):
    dependencies = [
        ("committees", "0002_membership_page_indexes"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(rename, migrations.RunPython.noop)]
