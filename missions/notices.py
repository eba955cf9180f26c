"""The notification kinds missions raise: a mission that fits me, an answer to
mine, and what became of a mission I answered."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from activity.notifications import notify
from intranet.shell.notices import Channel, Kind, register

MATCH = "mission_match"
ANSWER = "mission_answer"
CLOSED = "mission_closed"

register(Kind(MATCH, _("A mission that fits my skills"), Channel.DIGEST))
register(Kind(ANSWER, _("A member answers one of my missions"), Channel.SITE))
register(Kind(CLOSED, _("What became of a mission I answered"), Channel.SITE))


def matching(*, mission, members) -> None:
    """Tell the members who fit a new mission (a bounded few: `services`)."""
    for user in members:
        notify(
            user,
            MATCH,
            actor=mission.author,
            text=_("A mission fits your skills: “%(title)s”."),
            params={"title": mission.title},
            url=mission.get_absolute_url(),
            excerpt=mission.description,
        )


def answered(*, answer) -> None:
    mission = answer.mission
    notify(
        mission.author,
        ANSWER,
        actor=answer.member,
        text=_("%(name)s is interested in your mission “%(title)s”."),
        params={"name": str(answer.member), "title": mission.title},
        url=mission.get_absolute_url() + "#answers",
        excerpt=answer.message,
        regarding=mission,
        many=ngettext_lazy(
            "%(count)d member is interested in your mission “%(title)s”.",
            "%(count)d members are interested in your mission “%(title)s”.",
            "count",
        ),
    )


def closed(*, mission, members) -> None:
    if mission.status == mission.Status.FILLED:
        text = _("The mission “%(title)s” you answered is filled.")
    else:
        text = _("The mission “%(title)s” you answered is cancelled.")
    for user in members:
        notify(
            user,
            CLOSED,
            actor=mission.author,
            text=text,
            params={"title": mission.title},
            url=mission.get_absolute_url(),
        )
