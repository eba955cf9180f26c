"""How members appear in the feeds: who joins the network and its committees, and
what "Mon fil" gathers from the people and committees one follows."""

from activity import activity, feed
from home.models import CommitteePage
from members.models import CommitteeMembership, User

feed.register_verb(
    feed.Verb(activity.JOINED_NETWORK, "members/entries/joined_network.html", True)
)
feed.register_verb(feed.Verb(activity.JOINED, "members/entries/joined.html", True))


def _members(viewer):
    return User.objects.filter(is_active=True).select_related("profile")


feed.register_model(User, _members)


def _followed_people(viewer):
    return activity.by_actor(User, activity.followed_ids(viewer, User))


def _followed_and_own_committees(viewer):
    mine = CommitteeMembership.objects.filter(user=viewer)
    return activity.by_target(
        CommitteePage, activity.followed_ids(viewer, CommitteePage)
    ) | activity.by_target(CommitteePage, activity.as_text_ids(mine, "committee_id"))


feed.register_interest(_followed_people)
feed.register_interest(_followed_and_own_committees)
