"""What `members` holds about a member, for the download and the erasure."""

from allauth.account.models import EmailAddress
from allauth.usersessions.models import UserSession
from django.contrib.sessions.models import Session
from django.db.models import Q

from activity import activity
from committees import rights
from committees.models import CommitteeMembership, JoinRequest
from intranet.shell.personal_data import eraser, exporter
from members import selectors
from members.models import FeedToken, Invitation, Profile, User

PROFILE_FIELDS = [
    "display_name", "headline", "profession", "bio", "offers", "needs",
    "arrival_year", "languages", "phone", "website", "linkedin", "other_link",
    "open_to_collaborate", "helps_newcomers", "email_visibility",
    "phone_visibility", "commune_visibility", "updated_at",
]  # fmt: skip


@exporter("account")
def export_account(user: User) -> dict:
    return {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "language": user.language,
        "date_joined": user.date_joined,
        "last_login": user.last_login,
    }


@exporter("profile")
def export_profile(user: User) -> dict:
    profile = Profile.objects.filter(user=user).select_related("commune").first()
    if profile is None:
        return {}
    data = {name: getattr(profile, name) for name in PROFILE_FIELDS}
    data["commune"] = profile.commune.name if profile.commune else None
    data["skills"] = sorted(profile.skills.names())
    return data


@exporter("memberships")
def export_memberships(user: User) -> list:
    memberships = CommitteeMembership.objects.filter(user=user)
    return [
        {"committee": m.committee.title, "role": m.role, "editor": m.is_editor,
         "joined_at": m.joined_at}
        for m in memberships.select_related("committee")
    ]  # fmt: skip


@exporter("follows")
def export_follows(user: User) -> dict:
    return {
        "members_i_follow": [str(u) for u in selectors.members_followed_by(user=user)],
        "my_followers": [str(u) for u in selectors.followers_of(obj=user)],
    }


@exporter("invitations_sent")
def export_invitations(user: User) -> list:
    return [
        {"email": i.email, "committee": i.committee.title if i.committee else None,
         "sent_on": i.created_at, "status": i.status}
        for i in Invitation.objects.filter(inviter=user).select_related("committee")
    ]  # fmt: skip


@exporter("join_requests")
def export_join_requests(user: User) -> list:
    return [
        {"committee": r.committee.title, "message": r.message, "status": r.status,
         "sent_on": r.created_at}
        for r in JoinRequest.objects.filter(user=user).select_related("committee")
    ]  # fmt: skip


@eraser
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
    session_keys = UserSession.objects.filter(user=user).values_list(
        "session_key", flat=True
    )
    Session.objects.filter(session_key__in=list(session_keys)).delete()
    UserSession.objects.filter(user=user).delete()
    activity.erase_member(user)
