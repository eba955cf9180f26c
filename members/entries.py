"""How members appear in the feeds: who joins the network and its committees, and
what "Mon fil" gathers from the people and committees one follows."""

from django.db.models import CharField, Exists, F, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from activity import activity
from committees.models import CommitteeMembership, CommitteePage
from committees.services import MemberJoined
from intranet import bus
from intranet.links import reverse
from intranet.shell import dashboard, feed, header, menu
from members import first_steps, selectors
from members.models import User

feed.register_verb(
    feed.Verb(activity.JOINED_NETWORK, "members/entries/joined_network.html", True)
)
feed.register_verb(feed.Verb(activity.JOINED, "members/entries/joined.html", True))


def _members(viewer):
    return User.objects.filter(is_active=True).select_related("profile")


feed.register_model(User, _members, one_shape=True)


def _followed_people(viewer):
    return activity.by_actor(User, activity.followed_ids(viewer, User))


def _followed_and_own_committees(viewer):
    mine = CommitteeMembership.objects.filter(user=viewer)
    return activity.by_target(
        CommitteePage, activity.followed_ids(viewer, CommitteePage)
    ) | activity.by_target(CommitteePage, activity.as_text_ids(mine, "committee_id"))


feed.register_interest(_followed_people)
feed.register_interest(_followed_and_own_committees)


def _joined_committee(event: MemberJoined) -> None:
    membership = event.membership
    activity.record(membership.user, activity.JOINED, target=membership.committee)


bus.subscribe(MemberJoined, _joined_committee)

menu.register(
    menu.Entry("directory", _("Directory"), lambda r: reverse("members:directory"), 60)
)
menu.register(
    menu.Entry(
        "invite",
        _("Invite"),
        lambda request: reverse("members:invitation_list"),
        90,
        visible=lambda request: selectors.can_invite_from(request=request),
    )
)

# Whether the member is a référent somewhere (may invite): for the navigation.
header.register(
    header.Counter(
        "referent",
        lambda user: Exists(
            CommitteeMembership.objects.filter(
                user=user.pk, role=CommitteeMembership.Role.REFERENT
            )
        ),
        False,
    )
)

# The header's avatar: the member's current thumbnail (a new name at each upload,
# so no cache keeps the old one), read in the header's one query.
header.register(
    header.Counter(
        "photo",
        lambda user: Coalesce(
            F("profile__photo_thumbnail"), Value(""), output_field=CharField()
        ),
        "",
    )
)

dashboard.register(
    dashboard.Panel(
        "first_steps", "members/panels/first_steps.html", first_steps.checklist,
        dashboard.MAIN, 1,
    )
)  # fmt: skip
