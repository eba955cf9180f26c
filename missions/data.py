"""What missions hold about a member, for their data download and erasure."""

from intranet.shell.personal_data import eraser, exporter
from missions import services
from missions.models import Answer, Mission


@exporter("missions", covers=[Mission, Answer])
def export_missions(user) -> dict:
    return {
        "my_missions": [
            {
                "title": m.title,
                "description": m.description,
                "kind": m.kind,
                "skills": sorted(skill.name for skill in m.skills.all()),
                "commune": m.commune.name if m.commune else None,
                "starts_on": m.starts_on,
                "duration": m.duration,
                "budget": m.budget,
                "closes_on": m.closes_on,
                "status": m.shown_status,
                "created_at": m.created_at,
                "answers": [
                    {"member": str(a.member), "message": a.message,
                     "created_at": a.created_at}
                    for a in m.answers.all()
                ],
            }
            for m in Mission.objects.filter(author=user)
            .select_related("commune")
            .prefetch_related("skills", "answers__member")
        ],
        "my_answers": [
            {"mission": a.mission.title, "message": a.message,
             "created_at": a.created_at}
            for a in Answer.objects.filter(member=user).select_related("mission")
        ],
    }  # fmt: skip


@eraser(covers=[Mission, Answer])
def erase_missions(user) -> None:
    services.member_missions_erase(user=user)
