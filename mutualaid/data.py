"""What mutual help holds about a member, for their data download and erasure."""

from intranet.shell.personal_data import eraser, exporter
from mutualaid import services
from mutualaid.models import HelpAnswer, HelpEntry


@exporter("mutual_help", covers=[HelpEntry, HelpAnswer])
def export_help(user) -> dict:
    return {
        "entries": [
            {"kind": e.kind, "category": e.category, "title": e.title,
             "details": e.details, "commune": e.commune.name,
             "skill": e.skill.name if e.skill else None, "status": e.status,
             "posted_at": e.created_at, "expires_at": e.expires_at,
             "closed_at": e.closed_at, "hidden_at": e.hidden_at,
             "answers_received": [
                 {"from": str(a.author), "message": a.message, "at": a.created_at}
                 for a in e.answers.select_related("author")
             ]}
            for e in HelpEntry.objects.filter(author=user).select_related(
                "commune", "skill"
            )
        ],
        "answers_given": [
            {"entry": a.entry.title, "message": a.message, "at": a.created_at}
            for a in HelpAnswer.objects.filter(author=user).select_related("entry")
        ],
    }  # fmt: skip


@eraser(covers=[HelpEntry, HelpAnswer])
def erase_help(user) -> None:
    services.member_erase(user=user)
