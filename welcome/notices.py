"""The notification kinds the newcomer pipeline owns, and the calls its services
make. Members are told through `activity.notifications`; the family, who has no
account, by e-mail (`welcome.emails`)."""

from django.utils.translation import gettext_lazy as _

from activity import notifications
from committees.models import CommitteeMembership
from committees.selectors import referents_of
from intranet.links import reverse
from intranet.shell.notices import Channel, Kind, register

PROJECT_RECEIVED = "welcome_received"
PROJECT_ROUTED = "welcome_routed"
SPONSOR_ASSIGNED = "welcome_sponsor"
CHECKLIST_OVERDUE = "welcome_overdue"
FAMILY_INSTALLED = "welcome_installed"

register(
    Kind(
        PROJECT_RECEIVED,
        _("A new installation project (programme team)"),
        Channel.EMAIL,
    )
)
register(
    Kind(
        PROJECT_ROUTED,
        _("An installation project routed to my committee"),
        Channel.EMAIL,
    )
)
register(
    Kind(SPONSOR_ASSIGNED, _("I am asked to sponsor a newcomer family"), Channel.EMAIL)
)
register(
    Kind(CHECKLIST_OVERDUE, _("A newcomer's checklist step is overdue"), Channel.DIGEST)
)
register(
    Kind(
        FAMILY_INSTALLED, _("A newcomer family settles in my committee"), Channel.DIGEST
    )
)


def _url(project) -> str:
    return reverse("welcome:project", args=[project.pk])


def project_received(*, project, team) -> None:
    for person in team:
        notifications.notify(
            person,
            PROJECT_RECEIVED,
            text=_("New installation project: %(family)s, from %(place)s."),
            params={"family": project.family_name, "place": project.current_location},
            url=_url(project),
        )


def project_routed(*, project, by) -> None:
    for referent in referents_of(committee=project.committee):
        notifications.notify(
            referent,
            PROJECT_ROUTED,
            actor=by,
            text=_(
                "The %(family)s is routed to the %(committee)s: "
                "choose a sponsor among its members."
            ),
            params={
                "family": project.family_name,
                "committee": project.committee.title,
            },
            url=_url(project),
        )


def sponsor_assigned(*, project, by) -> None:
    notifications.notify(
        project.sponsor,
        SPONSOR_ASSIGNED,
        actor=by,
        text=_("You sponsor the %(family)s, coming to the %(committee)s. Thank you!"),
        params={"family": project.family_name, "committee": project.committee.title},
        url=_url(project),
    )


def item_overdue(*, item, people) -> None:
    for person in people:
        notifications.notify(
            person,
            CHECKLIST_OVERDUE,
            text=_("Overdue for the %(family)s: %(step)s (due on %(date)s)."),
            params={
                "family": item.project.family_name,
                "step": item.title,
                "date": item.due_on.strftime("%d/%m/%Y"),
            },
            url=_url(item.project),
        )


def family_installed(*, project, by) -> None:
    members = CommitteeMembership.objects.filter(
        committee=project.committee
    ).select_related("user")
    for membership in members:
        notifications.notify(
            membership.user,
            FAMILY_INSTALLED,
            actor=by,
            text=_(
                "The %(family)s has settled in with the %(committee)s: "
                "they are invited to the network. Welcome them!"
            ),
            params={
                "family": project.family_name,
                "committee": project.committee.title,
            },
            url=project.committee.url or "",
        )
