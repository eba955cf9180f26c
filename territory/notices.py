"""The notification kind workspaces raise: a proposal to meet where I work."""

from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from activity.notifications import notify
from intranet.shell.notices import Channel, Kind, register

MEETING = "workspace_meeting"

register(Kind(MEETING, _("A member proposes to meet where I work"), Channel.SITE))


def meeting_proposed(user, *, proposal, workspace) -> None:
    with translation.override(user.language):
        day = date_format(proposal.day, "l j F")
    notify(
        user,
        MEETING,
        actor=proposal.user,
        text=_("%(member)s proposes to meet at %(place)s on %(day)s."),
        params={"member": str(proposal.user), "place": workspace.title, "day": day},
        url=(workspace.url or "") + "#meet",
    )
