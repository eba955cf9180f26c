"""What `members` holds about a member, for the download and the erasure."""

from importlib import import_module

from allauth.account.models import EmailAddress
from allauth.usersessions.models import UserSession
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db.models import Q

from activity import activity
from committees import rights
from committees.models import CommitteeMembership, JoinRequest
from intranet.shell.personal_data import eraser, exporter, masked
from members import selectors
from members.models import FeedToken, Invitation, OfferNeed, Profile, User

PROFILE_FIELDS = [
    "display_name", "headline", "profession", "bio",
    "arrival_year", "languages", "phone", "website", "linkedin", "other_link",
    "open_to_collaborate", "helps_newcomers", "email_visibility",
    "phone_visibility", "commune_visibility", "updated_at", "first_steps_dismissed_at",
]  # fmt: skip


@exporter("account", covers=[User, EmailAddress, FeedToken])
def export_account(user: User) -> dict:
    token = FeedToken.objects.filter(user=user).first()
    return {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "language": user.language,
        "date_joined": user.date_joined,
        "last_login": user.last_login,
        "email_addresses": [
            {"email": a.email, "verified": a.verified, "primary": a.primary}
            for a in EmailAddress.objects.filter(user=user).order_by("pk")
        ],
        # The secret of the private feed addresses: shown masked, renewable from
        # the account page.
        "feed_token": token and {
            "key": masked(token.key), "created_at": token.created_at
        },
    }  # fmt: skip


@exporter("sessions", covers=[UserSession, Session])
def export_sessions(user: User) -> list:
    """Every stored session: with the address and browser allauth recorded at
    login, or only its expiry for a login that went round allauth."""
    recorded = {s.session_key: s for s in UserSession.objects.filter(user=user)}
    sessions = Session.objects.filter(
        session_key__in=selectors.session_keys_of(user=user)
    ).order_by("expire_date")
    return [
        {"key": masked(s.session_key), "expires_at": s.expire_date,
         **({"ip_address": r.ip, "browser": r.user_agent,
             "started_at": r.created_at, "last_seen_at": r.last_seen_at}
            if (r := recorded.get(s.session_key)) else {})}
        for s in sessions
    ]  # fmt: skip


@exporter("profile", covers=[Profile])
def export_profile(user: User) -> dict:
    profile = Profile.objects.filter(user=user).select_related("commune").first()
    if profile is None:
        return {}
    data = {name: getattr(profile, name) for name in PROFILE_FIELDS}
    data["commune"] = profile.commune.name if profile.commune else None
    data["skills"] = sorted(profile.skills.names())
    for kind, name in (
        (OfferNeed.Kind.OFFER, "offers"),
        (OfferNeed.Kind.NEED, "needs"),
    ):
        data[name] = [
            {"text": entry.text, "skill": entry.skill.name if entry.skill else None}
            for entry in profile.offers_needs.filter(kind=kind).select_related("skill")
        ]
    return data


@exporter("memberships", covers=[CommitteeMembership])
def export_memberships(user: User) -> list:
    memberships = CommitteeMembership.objects.filter(user=user)
    return [
        {"committee": m.committee.title, "role": m.role, "editor": m.is_editor,
         "joined_at": m.joined_at}
        for m in memberships.select_related("committee")
    ]  # fmt: skip


@exporter("follows", covers=["actstream.Follow"])
def export_follows(user: User) -> dict:
    return {
        "members_i_follow": [str(u) for u in selectors.members_followed_by(user=user)],
        "my_followers": [str(u) for u in selectors.followers_of(obj=user)],
    }


@exporter("invitations_sent", covers=[Invitation])
def export_invitations(user: User) -> list:
    return [
        {"email": i.email, "committee": i.committee.title if i.committee else None,
         "sent_on": i.created_at, "status": i.status}
        for i in Invitation.objects.filter(inviter=user).select_related("committee")
    ]  # fmt: skip


@exporter("join_requests", covers=[JoinRequest])
def export_join_requests(user: User) -> list:
    return [
        {"committee": r.committee.title, "message": r.message, "status": r.status,
         "sent_on": r.created_at}
        for r in JoinRequest.objects.filter(user=user).select_related("committee")
    ]  # fmt: skip


@eraser(
    covers=[
        Profile, CommitteeMembership, JoinRequest, FeedToken, Invitation,
        EmailAddress, UserSession, Session, "actstream.Follow",
    ]
)  # fmt: skip
def erase_members_data(user: User) -> None:
    profile = Profile.objects.filter(user=user).first()
    if profile is not None:
        for file in (profile.photo, profile.photo_thumbnail):
            if file:
                file.delete(save=False)
        profile.delete()
    Profile.objects.create(user=user)  # blank, so pages keep rendering
    CommitteeMembership.objects.filter(user=user).delete()
    rights.user_sync_groups(user)
    JoinRequest.objects.filter(user=user).delete()
    FeedToken.objects.filter(user=user).delete()
    Invitation.objects.filter(
        Q(accepted_by=user) | Q(email__iexact=user.email)
    ).delete()
    Invitation.objects.filter(inviter=user).pending().delete()
    Invitation.objects.filter(inviter=user).update(inviter=None)
    EmailAddress.objects.filter(user=user).delete()
    store = import_module(settings.SESSION_ENGINE).SessionStore
    for key in selectors.session_keys_of(user=user):
        store(session_key=key).delete()  # the row and any cached copy
    UserSession.objects.filter(user=user).delete()
    activity.erase_member(user)


@eraser(covers=[User], last=True)
def erase_account(user: User) -> None:
    """The account row stays, nameless, inactive and unusable, so that what the
    member wrote is shown as by “Ancien membre”."""
    user.email = f"ancien-membre-{user.pk}@anonyme.invalid"
    user.first_name, user.last_name = "Ancien", "membre"
    user.is_active = user.is_staff = user.is_superuser = False
    user.language = settings.LANGUAGE_CODE
    user.last_login = None
    user.set_unusable_password()  # also ends every session (its hash changes)
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
