"""The committees' workflows and approval steps get names that read naturally in
Wagtail's buttons (« Soumettre à la relecture du comité d'accueil d'Auch »), not
« Soumettre à Publication · Comité d'accueil d'Auch (#20) »."""

from django.db import migrations


def _names(title):
    if title.startswith("Comité "):
        of = f"du {title[0].lower()}{title[1:]}"
    elif title[:1].upper() in "AEIOUYÉÈÊÂÎÔH":
        of = f"d’{title}"
    else:
        of = f"de {title}"
    return f"la relecture {of}"[:255], f"la validation {of}"[:255]


def rename(apps, schema_editor):
    CommitteeAccess = apps.get_model("committees", "CommitteeAccess")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    Task = apps.get_model("wagtailcore", "Task")
    for access in CommitteeAccess.objects.select_related("committee"):
        workflow_name, task_name = _names(access.committee.title)
        Workflow.objects.filter(pk=access.workflow_id).update(name=workflow_name)
        tasks = WorkflowTask.objects.filter(workflow_id=access.workflow_id)
        Task.objects.filter(pk__in=tasks.values("task_id")).update(name=task_name)


def rename_back(apps, schema_editor):
    CommitteeAccess = apps.get_model("committees", "CommitteeAccess")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    Task = apps.get_model("wagtailcore", "Task")
    for access in CommitteeAccess.objects.select_related("committee"):
        label = f"{access.committee.title} (#{access.committee_id})"
        Workflow.objects.filter(pk=access.workflow_id).update(
            name=f"Publication · {label}"[:255]
        )
        tasks = WorkflowTask.objects.filter(workflow_id=access.workflow_id)
        Task.objects.filter(pk__in=tasks.values("task_id")).update(
            name=f"Validation · {label}"[:255]
        )


class Migration(migrations.Migration):
    dependencies = [
        ("committees", "0003_workflow_names_without_numbers"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(rename, rename_back)]
