"""The notification kinds `members` owns, the calls its services make, and what
members hear of their committees' life (joins and requests to join)."""

from django.utils.translation import gettext_lazy as _

from activity import notifications
from committees.models import CommitteePage
from committees.selectors import referents_of
from committees.services import JoinRequested, MemberJoined
from intranet import bus
from intranet.links import reverse
from intranet.shell.notices import Channel, Kind, register
from members.models import Invitation, User

NEW_FOLLOWER = "new_follower"
INVITATION_ACCEPTED = "invitation_accepted"
COMMITTEE_NEW_MEMBER = "committee_new_member"
JOIN_REQUEST = "join_request"

register(Kind(NEW_FOLLOWER, _("Someone follows me"), Channel.DIGEST))
register(Kind(INVITATION_ACCEPTED, _("Someone I invited joined")))
register(Kind(COMMITTEE_NEW_MEMBER, _("A new member in my committee"), Channel.DIGEST))
register(Kind(JOIN_REQUEST, _("A request to join a committee I run"), Channel.EMAIL))


def new_follower(*, follower: User, followed: User) -> None:
    notifications.notify(
        followed,
        NEW_FOLLOWER,
        actor=follower,
        text=_("%(name)s now follows you."),
        params={"name": str(follower)},
        url=reverse("members:profile_detail", args=[follower.pk]),
    )


def invitation_accepted(*, invitation: Invitation, user: User) -> None:
    if invitation.inviter is not None:
        notifications.notify(
            invitation.inviter,
            INVITATION_ACCEPTED,
            actor=user,
            text=_("%(name)s accepted your invitation and joined the network."),
            params={"name": str(user)},
            url=reverse("members:profile_detail", args=[user.pk]),
        )


def committee_new_member(
    *, committee: CommitteePage, user: User, told_already: User | None = None
) -> None:
    for referent in referents_of(committee=committee):
        if told_already is not None and referent.pk == told_already.pk:
            continue
        notifications.notify(
            referent,
            COMMITTEE_NEW_MEMBER,
            actor=user,
            text=_("%(name)s joined the %(committee)s."),
            params={"name": str(user), "committee": committee.title},
            url=reverse("members:profile_detail", args=[user.pk]),
        )


def _member_joined(event: MemberJoined) -> None:
    membership = event.membership
    committee_new_member(
        committee=membership.committee, user=membership.user, told_already=event.by
    )


def _join_requested(event: JoinRequested) -> None:
    request = event.request
    for referent in referents_of(committee=request.committee):
        notifications.notify(
            referent,
            JOIN_REQUEST,
            actor=request.user,
            text=_("%(name)s asks to join the %(committee)s."),
            params={"name": str(request.user), "committee": request.committee.title},
            url=reverse("members:committee_manage", args=[request.committee.pk]),
        )


bus.subscribe(MemberJoined, _member_joined)
bus.subscribe(JoinRequested, _join_requested)
