"""What the newcomer pipeline holds about a member, for the download and the
erasure: the installation project of their family (found by their address), and
the checklist steps they hold for other families."""

from intranet.shell.personal_data import eraser, exporter
from welcome.models import CLOSED, SETTLED, ChecklistItem, InstallationProject


def _family_projects(user):
    return InstallationProject.objects.filter(
        people__email__iexact=user.email, anonymised_at__isnull=True
    ).distinct()


@exporter("installation_projects")
def export_projects(user) -> list:
    return [
        {
            "received_at": project.created_at,
            "stage": project.stage,
            "committee": project.committee.title if project.committee else None,
            "email": project.email,
            "phone": project.phone,
            "current_location": project.current_location,
            "timeline": project.timeline,
            "tenure": project.tenure,
            "housing_type": project.housing_type,
            "broadband": project.broadband,
            "questions": project.questions,
            "household": [
                {
                    "adult": p.is_adult,
                    "first_name": p.first_name,
                    "last_name": p.last_name,
                    "email": p.email,
                    "profession": p.profession,
                    "work_mode": p.work_mode,
                    "school_level": p.school_level,
                }
                for p in project.people.all()
            ],  # fmt: skip
        }
        for project in _family_projects(user).select_related("committee")
    ]


@exporter("newcomer_checklist_steps")
def export_steps(user) -> list:
    items = ChecklistItem.objects.filter(owner=user).select_related("project")
    return [
        {"project": item.project_id, "step": item.title, "status": item.status,
         "due_on": item.due_on, "notes": item.notes}
        for item in items
    ]  # fmt: skip


@eraser
def erase_projects(user) -> None:
    from welcome import services

    for project in _family_projects(user):
        services.project_anonymise(project=project)
    # The families they sponsored get a new sponsor from their référents.
    open_projects = InstallationProject.objects.filter(sponsor=user).exclude(
        stage__in=[*CLOSED, *SETTLED]
    )
    open_projects.update(sponsor=None)
    ChecklistItem.objects.filter(owner=user).update(owner=None)
