"""What the territory holds about a member, for their data download and erasure."""

from intranet.shell.personal_data import eraser, exporter
from territory import services
from territory.models import MeetingProposal, SpeedTest, WorkspaceRegular


@exporter("broadband_tests", covers=[SpeedTest])
def export_tests(user) -> list[dict]:
    return [
        {
            "commune": test.commune.name,
            "technology": test.technology,
            "place": test.place,
            "download_mbps": test.download_mbps,
            "upload_mbps": test.upload_mbps,
            "latency_ms": test.latency_ms,
            "source": test.source,
            "measured_at": test.measured_at,
        }
        for test in SpeedTest.objects.filter(user=user).select_related("commune")
    ]


@eraser(covers=[SpeedTest])
def erase_tests(user) -> None:
    """The tests go, and the medians of their communes are computed without them."""
    services.member_tests_erase(user=user)


@exporter("workspaces", covers=[WorkspaceRegular, MeetingProposal])
def export_workspaces(user) -> dict:
    return {
        "i_work_there": [
            {"workspace": r.workspace.title, "since": r.created_at}
            for r in WorkspaceRegular.objects.filter(user=user).select_related(
                "workspace"
            )
        ],
        "proposals_to_meet": [
            {"workspace": p.workspace.title, "day": p.day, "note": p.note,
             "created_at": p.created_at}
            for p in MeetingProposal.objects.filter(user=user).select_related(
                "workspace"
            )
        ],
    }  # fmt: skip


@eraser(covers=[WorkspaceRegular, MeetingProposal])
def erase_workspaces(user) -> None:
    services.member_workspaces_erase(user=user)
