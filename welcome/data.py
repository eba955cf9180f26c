"""What the newcomer pipeline holds about a member, for the download and the
erasure: the installation project of their family (found by their address), the
projects they sponsor, the stage changes they made and the checklist steps they
hold for other families."""

from intranet.shell.personal_data import eraser, exporter
from welcome.models import (
    CLOSED,
    SETTLED,
    ChecklistItem,
    InstallationProject,
    Person,
    StageChange,
)


def _family_projects(user):
    return InstallationProject.objects.filter(
        people__email__iexact=user.email, anonymised_at__isnull=True
    ).distinct()


@exporter("installation_projects", covers=[InstallationProject, Person])
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


@exporter("newcomer_checklist_steps", covers=[ChecklistItem])
def export_steps(user) -> list:
    items = ChecklistItem.objects.filter(owner=user).select_related("project")
    return [
        {"project": item.project_id, "step": item.title, "status": item.status,
         "due_on": item.due_on, "notes": item.notes}
        for item in items
    ]  # fmt: skip


@exporter("newcomers_accompanied", covers=[InstallationProject, StageChange])
def export_accompanied(user) -> dict:
    """The member's part in other families' projects: which they sponsor, which
    steps they recorded. Not the families' details: those are the families'."""
    sponsored = InstallationProject.objects.filter(sponsor=user)
    changes = StageChange.objects.filter(by=user).select_related("project")
    return {
        "sponsored_projects": [
            {"project": p.pk, "committee": p.committee.title if p.committee else None,
             "stage": p.stage, "received_at": p.created_at}
            for p in sponsored.select_related("committee").order_by("pk")
        ],
        "stage_changes": [
            {"project": c.project_id, "from": c.from_stage, "to": c.to_stage,
             "at": c.at, "reason": c.reason}
            for c in changes.order_by("at", "pk")
        ],
    }  # fmt: skip


@eraser(covers=[InstallationProject, Person, ChecklistItem])
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
    ChecklistItem.objects.filter(updated_by=user).update(updated_by=None)
