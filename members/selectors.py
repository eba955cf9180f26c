from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from allauth.usersessions.models import UserSession
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.db.models import (
    Exists,
    IntegerField,
    Model,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
)
from django.db.models.functions import Cast
from django.utils import timezone

from activity import activity
from committees.models import CommitteeMembership, CommitteePage
from committees.selectors import (
    is_referent_somewhere,
    live_committees,
)
from intranet.shell import header
from intranet.text import search_terms
from members.models import (
    FeedToken,
    Invitation,
    OfferNeed,
    Profile,
    Skill,
    User,
    Visibility,
    hash_token,
)

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser
    from django.http import HttpRequest


def committees_user_can_invite_to(*, user: User) -> QuerySet[CommitteePage]:
    """The committee pages a member may invite into: all for staff, else their own."""
    committees = live_committees()
    if user.has_perm("members.add_invitation"):
        return committees
    return committees.filter(
        memberships__user=user,
        memberships__role=CommitteeMembership.Role.REFERENT,
    )


def feed_token_of(*, user: User) -> FeedToken | None:
    """The member's feed secret; every account gets one when it is created."""
    return FeedToken.objects.filter(user=user).first()


def user_for_feed_token(*, key: str) -> User | None:
    """The active member a feed secret belongs to; None if unknown or revoked."""
    if not key or len(key) > 64:
        return None
    token = FeedToken.objects.select_related("user").filter(key=key).first()
    if token is None or not token.user.is_active:
        return None
    return token.user


def invitation_for_token(*, token: str) -> Invitation | None:
    """The invitation a token belongs to, whatever its status; None if forged."""
    if not token or len(token) > 100:
        return None
    return (
        Invitation.objects.select_related("inviter", "committee")
        .filter(token_hash=hash_token(token))
        .first()
    )


def invitations_sent_by(*, user: User) -> QuerySet[Invitation]:
    return Invitation.objects.filter(inviter=user).select_related(
        "committee", "accepted_by"
    )


def can_invite_somewhere(*, user: User) -> bool:
    """Whether the member may open the invitation page at all."""
    if not user.is_authenticated:
        return False
    return user.has_perm("members.add_invitation") or is_referent_somewhere(user=user)


def can_invite_from(*, request: HttpRequest) -> bool:
    """`can_invite_somewhere` for the request's member, from the header's row
    (`referent`, read once a request): the navigation and the dashboard ask."""
    user = request.user
    if not user.is_authenticated:
        return False
    return user.has_perm("members.add_invitation") or bool(
        header.counts(request)["referent"]
    )


# --- Field privacy: the one decider --------------------------------------------
# Each member chooses who sees their e-mail, phone and commune. Every page, list and
# export that shows one of them asks here: `visible_fields` for the profiles at
# hand, `field_visible_q` to filter or count in the database by the same rule.

PRIVATE_FIELDS = ("email", "phone", "commune")


def visible_fields(
    *,
    profiles: Iterable[Profile],
    viewer: User | AnonymousUser,
    shared: set[int] | None = None,
) -> dict[int, dict[str, bool]]:
    """Which of the e-mail, phone and commune of each profile `viewer` may see, by
    member id. At most two queries, whatever the number of profiles; none when
    the caller knows already which of them share a committee with `viewer`."""
    profiles = list(profiles)
    active = viewer.is_authenticated and viewer.is_active
    if shared is None:
        shared = set()
        if active and any(
            getattr(profile, f"{field}_visibility") == Visibility.COMMITTEES
            for profile in profiles
            for field in PRIVATE_FIELDS
        ):
            mine = CommitteeMembership.objects.filter(user=viewer.pk)
            shared = set(
                CommitteeMembership.objects.filter(
                    committee_id__in=mine.values("committee_id"),
                    user_id__in=[profile.user_id for profile in profiles],
                ).values_list("user_id", flat=True)
            )

    def allowed(profile: Profile, field: str) -> bool:
        if profile.user_id == viewer.pk:
            return True
        if not active:
            return False
        visibility = getattr(profile, f"{field}_visibility")
        return visibility == Visibility.MEMBERS or (
            visibility == Visibility.COMMITTEES and profile.user_id in shared
        )

    return {
        profile.user_id: {field: allowed(profile, field) for field in PRIVATE_FIELDS}
        for profile in profiles
    }


def visible_contact_fields(*, profile: Profile, viewer: User) -> dict[str, bool]:
    """Which of the e-mail, phone and commune of `profile` `viewer` may see
    (`profile_for_page` with `viewer` says already whether they share a committee)."""
    shares = getattr(profile, "shares_committee", None)
    shared = None if shares is None else ({profile.user_id} if shares else set())
    return visible_fields(profiles=[profile], viewer=viewer, shared=shared)[
        profile.user_id
    ]


def field_visible_q(*, field: str, viewer: User) -> Q:
    """The profiles whose `field` `viewer` may see, as a filter on Profile: the rule
    of `visible_fields`, for the database to count and filter by."""
    assert field in PRIVATE_FIELDS
    if not (viewer.is_authenticated and viewer.is_active):
        return Q(pk__in=[])
    shared = CommitteeMembership.objects.filter(
        committee__memberships__user=viewer
    ).values("user")
    visibility = f"{field}_visibility"
    return (
        Q(**{visibility: Visibility.MEMBERS})
        | Q(user=viewer)
        | Q(**{visibility: Visibility.COMMITTEES}, user__in=shared)
    )


def profile_for_page(*, pk: int, viewer: User | None = None) -> Profile | None:
    """Member `pk`'s profile with their skills and lines; for `viewer`, in the same
    query, whether they follow them (`following`) and share a committee
    (`shares_committee`), and how many members follow them and they follow."""
    profiles = Profile.objects.all()
    if viewer is not None:
        member = User(pk=pk)  # a stand-in: the follows are keyed by its class and id
        profiles = profiles.annotate(
            following=Exists(activity.follower_ids(member).filter(user=viewer.pk)),
            follower_count=header.count_of(followers_of(obj=member)),
            following_count=header.count_of(members_followed_by(user=member)),
            shares_committee=Exists(
                CommitteeMembership.objects.filter(
                    user=pk, committee__memberships__user=viewer.pk
                )
            ),
        )
    return (
        profiles.select_related("user", "commune")
        .prefetch_related(
            "skills",  # type: ignore[misc]  # stubs miss taggit's relation
            Prefetch(
                "offers_needs",
                OfferNeed.objects.select_related("skill").order_by(
                    "kind", "position", "pk"
                ),
            ),
        )
        .filter(user__pk=pk, user__is_active=True)
        .first()
    )


def skill_names(*, limit: int = 300) -> list[str]:
    """The skills members already use, for suggestions while typing."""
    return list(Skill.objects.order_by("name").values_list("name", flat=True)[:limit])


def skill_choices() -> list[tuple[str, str]]:
    """(slug, name) of the skills at least one active member has."""
    return list(
        Skill.objects.filter(items__content_object__user__is_active=True)
        .distinct()
        .order_by("name")
        .values_list("slug", "name")
    )


def followers_of(*, obj: Model) -> QuerySet[User]:
    return (
        User.objects.filter(pk__in=activity.follower_ids(obj), is_active=True)
        .select_related("profile")
        .order_by("last_name", "first_name")
    )


def members_followed_by(*, user: User) -> QuerySet[User]:
    # actstream keeps object ids as text: the few followed ids are cast to
    # integers (those of members always are), not every member's id to text,
    # which would read the whole table (28,000 members: 28 ms).
    followed = activity.followed_ids(user, User).annotate(
        member_id=Cast("object_id", IntegerField())
    )
    return (
        User.objects.filter(pk__in=followed.values("member_id"), is_active=True)
        .select_related("profile")
        .order_by("last_name", "first_name")
    )


def members_named_like(*, text: str, limit: int = 8) -> list[User]:
    """Active members whose first name, last name or full name starts with `text`."""
    text = search_terms(text, max_length=60)
    if len(text) < 2:
        return []
    first, _space, rest = text.partition(" ")
    starts = (
        Q(first_name__iexact=first, last_name__istartswith=rest)
        if rest
        else Q(first_name__istartswith=text) | Q(last_name__istartswith=text)
    )
    return list(
        User.objects.filter(starts, is_active=True)
        .only("pk", "first_name", "last_name", "email")
        .order_by("first_name", "last_name")[:limit]
    )


CANDIDATES_SHOWN = 20


def members_to_add(*, committee: CommitteePage, text: str) -> list[User]:
    """Active members outside `committee` whose first or last name holds each
    word of `text` (two letters at least), by name: at most `CANDIDATES_SHOWN`,
    plus one to tell that there are more."""
    words = search_terms(text, max_length=60).split()[:4]
    if not words or len("".join(words)) < 2:
        return []
    found = User.objects.filter(is_active=True).exclude(
        Exists(
            CommitteeMembership.objects.filter(user=OuterRef("pk"), committee=committee)
        )
    )
    for word in words:
        found = found.filter(
            Q(first_name__icontains=word) | Q(last_name__icontains=word)
        )
    return list(
        found.select_related("profile", "profile__commune").order_by(
            "last_name", "first_name", "pk"
        )[: CANDIDATES_SHOWN + 1]
    )


def session_keys_of(*, user: User) -> set[str]:
    """The keys of every stored session logged in as `user`: those allauth
    recorded at login, and any other (a login that went round allauth), found by
    reading each unexpired session. For the download and the erasure only: it
    reads the whole table."""
    keys = set(
        UserSession.objects.filter(user=user).values_list("session_key", flat=True)
    )
    store = SessionStore()
    unexpired = Session.objects.filter(expire_date__gt=timezone.now()).exclude(
        session_key__in=keys
    )
    for key, data in unexpired.values_list("session_key", "session_data").iterator():
        if store.decode(data).get(SESSION_KEY) == str(user.pk):
            keys.add(key)
    return keys
