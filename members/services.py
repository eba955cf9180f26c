import secrets
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from activity import activity
from home import access
from members import emails, selectors
from members import notifications as notices
from members.models import (
    CommitteeMembership,
    FeedToken,
    Invitation,
    JoinRequest,
    Profile,
    User,
    hash_token,
)
from members.photos import process_photo


def can_invite(*, user: User, committee=None) -> bool:
    """Network staff invite anyone; a référent invites into their own committee."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.has_perm("members.add_invitation"):
        return True
    return committee is not None and selectors.is_referent(
        user=user, committee=committee
    )


@transaction.atomic
def invitation_create(
    *, inviter: User, email: str, committee=None, message: str = ""
) -> tuple[Invitation, str]:
    """Invite an address; e-mails the single-use link once the invitation is saved.

    A pending invitation to the same address is replaced, so that inviting again
    resends a fresh link. Returns the invitation and its token (for the e-mail only).
    """
    if not can_invite(user=inviter, committee=committee):
        raise PermissionDenied(_("You may not invite into this committee."))
    email = User.objects.normalize_email(email).lower()
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError(
            _("%(email)s already has an account on the intranet."),
            code="exists",
            params={"email": email},
        )
    if EmailAddress.objects.filter(email__iexact=email).exists():
        raise ValidationError(
            _("%(email)s already has an account on the intranet."),
            code="exists",
            params={"email": email},
        )
    now = timezone.now()
    pending = Invitation.objects.pending().filter(email__iexact=email)
    others = pending.exclude(inviter=inviter)
    if others.exists() and not inviter.has_perm("members.add_invitation"):
        raise ValidationError(
            _(
                "%(email)s was already invited by someone else; "
                "ask them or the programme team."
            ),
            code="pending",
            params={"email": email},
        )
    pending.update(revoked_at=now)
    token = Invitation.new_token()
    invitation = Invitation.objects.create(
        email=email,
        token_hash=hash_token(token),
        inviter=inviter,
        committee=committee,
        message=message.strip(),
        created_at=now,
        expires_at=now + timedelta(days=settings.INVITATION_VALIDITY_DAYS),
    )
    url = reverse("invitation_accept", kwargs={"token": token})
    language = translation.get_language()
    transaction.on_commit(
        lambda: emails.send_invitation(invitation, path=url, language=language)
    )
    return invitation, token


@transaction.atomic
def invitation_revoke(*, invitation: Invitation, by: User) -> None:
    """Cancel a pending invitation: its link stops working at once."""
    if invitation.inviter_id != by.pk and not by.has_perm("members.add_invitation"):
        raise PermissionDenied(_("You may only revoke your own invitations."))
    updated = (
        Invitation.objects.pending()
        .filter(pk=invitation.pk)
        .update(revoked_at=timezone.now())
    )
    if not updated:
        raise ValidationError(_("This invitation is no longer pending."))


#: `listener(invitation, user)` runs inside the transaction that turned an
#: invitation into a member (the newcomer pipeline brings them into their
#: family's conversation).
ACCEPTED_LISTENERS: list = []


@transaction.atomic
def invitation_accept(
    *, token: str, first_name: str, last_name: str, password: str
) -> User:
    """Create the member an invitation was for, with profile, verified address and
    committee membership, and mark the invitation used. All or nothing.
    """
    found = selectors.invitation_for_token(token)
    # Lock the row so that two clicks on the same link create one account.
    invitation = (
        Invitation.objects.select_for_update().filter(pk=found.pk).first()
        if found
        else None
    )
    if invitation is None or invitation.status != Invitation.Status.PENDING:
        raise ValidationError(_("This invitation link is not valid."), code="invalid")
    if User.objects.filter(email__iexact=invitation.email).exists():
        raise ValidationError(
            _("An account already exists for this address."), code="exists"
        )
    user = User(
        email=invitation.email,
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        language=translation.get_language() or settings.LANGUAGE_CODE,
    )
    validate_password(password, user)
    user.set_password(password)
    user.save()
    Profile.objects.create(user=user)
    EmailAddress.objects.create(
        user=user, email=user.email, verified=True, primary=True
    )
    activity.record(user, activity.JOINED_NETWORK)
    if invitation.committee_id:
        CommitteeMembership.objects.create(user=user, committee=invitation.committee)
        access.user_sync_groups(user)
        activity.record(user, activity.JOINED, target=invitation.committee)
        notices.committee_new_member(committee=invitation.committee, user=user)
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    notices.invitation_accepted(invitation=invitation, user=user)
    for listener in ACCEPTED_LISTENERS:
        listener(invitation, user)
    return user


@transaction.atomic
def feed_token_renew(*, user: User) -> FeedToken:
    """Give the member a new feed secret; every URL made with the old one stops."""
    FeedToken.objects.filter(user=user).delete()
    return FeedToken.objects.create(user=user, key=secrets.token_urlsafe(32))


def feed_token_for(*, user: User) -> FeedToken:
    """The member's feed secret, created on first use (safe when two requests race)."""
    token = FeedToken.objects.filter(user=user).first()
    if token is not None:
        return token
    try:
        with transaction.atomic():
            return FeedToken.objects.create(user=user, key=secrets.token_urlsafe(32))
    except IntegrityError:
        return FeedToken.objects.get(user=user)


def language_set(*, user: User, language: str) -> None:
    """Remember the member's interface language (used for their e-mails too)."""
    if language not in dict(settings.LANGUAGES):
        raise ValidationError(_("Unknown language."))
    User.objects.filter(pk=user.pk).update(language=language)
    user.language = language


def profile_update(
    *, user: User, fields: dict, skills: list[str], photo=None, remove_photo=False
) -> Profile:
    """Save the member's own profile, all or nothing.

    A new photo is checked before anything is written; the old photo files are
    deleted once the new profile is committed.
    """
    processed = process_photo(photo) if photo is not None else None
    with transaction.atomic():
        profile, _created = Profile.objects.select_for_update().get_or_create(user=user)
        for name, value in fields.items():
            setattr(profile, name, value)
        profile.full_clean(exclude=["user", "photo", "photo_thumbnail"])
        old_files = []
        if processed is not None or remove_photo:
            old_files = [f.name for f in (profile.photo, profile.photo_thumbnail) if f]
            profile.photo = profile.photo_thumbnail = ""
        if processed is not None:
            profile.photo.save(processed.photo.name, processed.photo, save=False)
            profile.photo_thumbnail.save(
                processed.thumbnail.name, processed.thumbnail, save=False
            )
        profile.save()
        profile.skills.set([s for s in skills if s][:30])
        if old_files:
            storage = Profile._meta.get_field("photo").storage
            transaction.on_commit(lambda: [storage.delete(name) for name in old_files])
    return profile


def member_follow(*, user: User, other: User) -> bool:
    """Follow another member (idempotent); nobody follows themselves."""
    if other.pk == user.pk:
        raise ValidationError(_("You cannot follow yourself."), code="self")
    if not other.is_active:
        raise ValidationError(_("This member is no longer active."), code="inactive")
    created = activity.follow(user, other)
    if created:
        notices.new_follower(follower=user, followed=other)
    return created


def member_unfollow(*, user: User, other: User) -> bool:
    return activity.unfollow(user, other)


def committee_follow(*, user: User, committee) -> bool:
    return activity.follow(user, committee)


def committee_unfollow(*, user: User, committee) -> bool:
    return activity.unfollow(user, committee)


# --- Committee membership, managed by référents and staff ------------------------


def can_manage_committee(*, user: User, committee) -> bool:
    """Staff manage every committee; a référent manages their own."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.has_perm("members.change_committeemembership") or selectors.is_referent(
        user=user, committee=committee
    )


def _require_manager(by: User, committee) -> None:
    if not can_manage_committee(user=by, committee=committee):
        raise PermissionDenied(_("Only this committee's référents may do that."))


#: `listener(user, committee)` runs after a member joins or leaves a committee
#: (the chat re-checks which rooms their open sockets may read).
MEMBERSHIP_LISTENERS: list = []


def _membership_changed(user: User, committee) -> None:
    for listener in MEMBERSHIP_LISTENERS:
        listener(user, committee)


def _keep_a_referent(committee, *, leaving: CommitteeMembership) -> None:
    others = CommitteeMembership.objects.filter(
        committee=committee, role=CommitteeMembership.Role.REFERENT
    ).exclude(pk=leaving.pk)
    if leaving.role == CommitteeMembership.Role.REFERENT and not others.exists():
        raise ValidationError(
            _("A committee keeps at least one référent: name another one first."),
            code="last_referent",
        )


@transaction.atomic
def membership_add(
    *, by: User, committee, user: User, role: str = "member", is_editor=False
) -> CommitteeMembership:
    """Add a member to a committee; their rights in the admin follow at once."""
    _require_manager(by, committee)
    if role not in CommitteeMembership.Role.values:
        raise ValidationError(_("Unknown role."), code="role")
    if not user.is_active:
        raise ValidationError(_("This member is no longer active."), code="inactive")
    if CommitteeMembership.objects.filter(user=user, committee=committee).exists():
        raise ValidationError(
            _("%(name)s is already in this committee."),
            code="exists",
            params={"name": user},
        )
    membership = CommitteeMembership.objects.create(
        user=user, committee=committee, role=role, is_editor=is_editor
    )
    JoinRequest.objects.filter(
        user=user, committee=committee, status=JoinRequest.Status.PENDING
    ).update(
        status=JoinRequest.Status.ACCEPTED, decided_by=by, decided_at=timezone.now()
    )
    access.user_sync_groups(user)
    activity.record(user, activity.JOINED, target=committee)
    notices.committee_new_member(committee=committee, user=user, told_already=by)
    _membership_changed(user, committee)
    return membership


@transaction.atomic
def membership_update(
    *, by: User, membership: CommitteeMembership, role: str, is_editor: bool
) -> CommitteeMembership:
    """Change a member's role in a committee; their admin rights follow at once."""
    membership = CommitteeMembership.objects.select_for_update().get(pk=membership.pk)
    _require_manager(by, membership.committee)
    if role not in CommitteeMembership.Role.values:
        raise ValidationError(_("Unknown role."), code="role")
    if role != CommitteeMembership.Role.REFERENT:
        _keep_a_referent(membership.committee, leaving=membership)
    membership.role, membership.is_editor = role, is_editor
    membership.save(update_fields=["role", "is_editor"])
    access.user_sync_groups(membership.user)
    return membership


@transaction.atomic
def membership_remove(*, by: User, membership: CommitteeMembership) -> None:
    """Take a member out of a committee, with the rights it gave them."""
    membership = CommitteeMembership.objects.select_for_update().get(pk=membership.pk)
    _require_manager(by, membership.committee)
    _keep_a_referent(membership.committee, leaving=membership)
    membership.delete()
    access.user_sync_groups(membership.user)
    _membership_changed(membership.user, membership.committee)


@transaction.atomic
def join_request_create(*, user: User, committee, message: str = "") -> JoinRequest:
    """Ask to join a committee (once at a time)."""
    if CommitteeMembership.objects.filter(user=user, committee=committee).exists():
        raise ValidationError(_("You are already in this committee."), code="member")
    if JoinRequest.objects.filter(
        user=user, committee=committee, status=JoinRequest.Status.PENDING
    ).exists():
        raise ValidationError(
            _("Your request is already waiting for the référents."), code="pending"
        )
    request = JoinRequest.objects.create(
        user=user, committee=committee, message=message.strip()[:1000]
    )
    notices.join_request(request=request)
    return request


@transaction.atomic
def join_request_decide(*, by: User, request: JoinRequest, accept: bool) -> None:
    """Accept (the member joins) or decline a pending request."""
    request = JoinRequest.objects.select_for_update().get(pk=request.pk)
    _require_manager(by, request.committee)
    if request.status != JoinRequest.Status.PENDING:
        raise ValidationError(_("This request was already answered."), code="done")
    if accept:
        membership_add(by=by, committee=request.committee, user=request.user)
    else:
        request.status = JoinRequest.Status.DECLINED
        request.decided_by, request.decided_at = by, timezone.now()
        request.save(update_fields=["status", "decided_by", "decided_at"])


# --- Changing one's e-mail address -----------------------------------------------

EMAIL_CHANGE_SALT = "members.email-change"
EMAIL_CHANGE_MAX_AGE = 24 * 3600


def _email_taken(email: str, *, except_user: User | None = None) -> bool:
    users = User.objects.filter(email__iexact=email)
    addresses = EmailAddress.objects.filter(email__iexact=email)
    if except_user is not None:
        users = users.exclude(pk=except_user.pk)
        addresses = addresses.exclude(user=except_user)
    return users.exists() or addresses.exists()


def email_change_request(*, user: User, password: str, new_email: str) -> None:
    """After checking the password, e-mail a confirmation link to the new address
    (valid one day) and warn the current one. Nothing changes until confirmed."""
    if not user.check_password(password):
        raise ValidationError(_("Your password is not correct."), code="password")
    new_email = User.objects.normalize_email(new_email).lower()
    if new_email == user.email:
        raise ValidationError(_("This is already your address."), code="same")
    if _email_taken(new_email, except_user=user):
        raise ValidationError(
            _("This address is already used by another account."), code="taken"
        )
    token = signing.dumps({"user": user.pk, "email": new_email}, salt=EMAIL_CHANGE_SALT)
    url = reverse("members:email_change_confirm", kwargs={"token": token})
    emails.send_email_change(user, new_email=new_email, path=url)


@transaction.atomic
def email_change_confirm(*, user: User, token: str) -> str:
    """Apply a confirmed change of address; the old address stops logging in."""
    try:
        data = signing.loads(
            token, salt=EMAIL_CHANGE_SALT, max_age=EMAIL_CHANGE_MAX_AGE
        )
    except signing.SignatureExpired:
        raise ValidationError(
            _("This link has expired: ask for the change again."), code="expired"
        ) from None
    except signing.BadSignature:
        raise ValidationError(_("This link is not valid."), code="invalid") from None
    if data.get("user") != user.pk:
        raise ValidationError(
            _("This link was sent to another account: log in with that one."),
            code="other_user",
        )
    new_email = data["email"]
    if _email_taken(new_email, except_user=user):
        raise ValidationError(
            _("This address is already used by another account."), code="taken"
        )
    User.objects.filter(pk=user.pk).update(email=new_email)
    user.email = new_email
    EmailAddress.objects.filter(user=user).delete()
    EmailAddress.objects.create(user=user, email=new_email, verified=True, primary=True)
    return new_email
