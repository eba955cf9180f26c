"""The notification kinds `members` owns, and the calls its services make."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from activity import notifications
from activity.notifications import Kind
from members.selectors import referents_of

NEW_FOLLOWER = "new_follower"
INVITATION_ACCEPTED = "invitation_accepted"
COMMITTEE_NEW_MEMBER = "committee_new_member"
JOIN_REQUEST = "join_request"

notifications.register(Kind(NEW_FOLLOWER, _("Someone follows me"), "digest"))
notifications.register(Kind(INVITATION_ACCEPTED, _("Someone I invited joined")))
notifications.register(
    Kind(COMMITTEE_NEW_MEMBER, _("A new member in my committee"), "digest")
)
notifications.register(
    Kind(JOIN_REQUEST, _("A request to join a committee I run"), "email")
)


def new_follower(*, follower, followed) -> None:
    notifications.notify(
        followed,
        NEW_FOLLOWER,
        actor=follower,
        text=_("%(name)s now follows you."),
        params={"name": str(follower)},
        url=reverse("members:profile_detail", args=[follower.pk]),
    )


def invitation_accepted(*, invitation, user) -> None:
    if invitation.inviter is not None:
        notifications.notify(
            invitation.inviter,
            INVITATION_ACCEPTED,
            actor=user,
            text=_("%(name)s accepted your invitation and joined the network."),
            params={"name": str(user)},
            url=reverse("members:profile_detail", args=[user.pk]),
        )


def committee_new_member(*, committee, user, told_already=None) -> None:
    for referent in referents_of(committee):
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


def join_request(*, request) -> None:
    for referent in referents_of(request.committee):
        notifications.notify(
            referent,
            JOIN_REQUEST,
            actor=request.user,
            text=_("%(name)s asks to join the %(committee)s."),
            params={"name": str(request.user), "committee": request.committee.title},
            url=reverse("members:committee_manage", args=[request.committee.pk]),
        )
