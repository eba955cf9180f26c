import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from activity import activity
from committees import rights
from committees import services as committee_services
from committees.models import CommitteePage
from intranet import bus, ratelimit
from intranet.images import process_photo
from intranet.links import reverse
from intranet.text import printable
from members import emails, notices, selectors
from members.models import (
    FeedToken,
    Invitation,
    OfferNeed,
    Profile,
    Skill,
    User,
    hash_token,
)

INVITATIONS = ratelimit.Rate(40, 3600)  # per inviter


def can_invite(*, user: User, committee: CommitteePage | None = None) -> bool:
    """Network staff invite anyone; a référent invites into their own committee."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.has_perm("members.add_invitation"):
        return True
    return committee is not None and rights.is_referent(user=user, committee=committee)


@transaction.atomic
def invitation_create(
    *,
    inviter: User,
    email: str,
    committee: CommitteePage | None = None,
    message: str = "",
) -> tuple[Invitation, str]:
    """Invite an address; e-mails the single-use link once the invitation is saved.

    A pending invitation to the same address is replaced, so that inviting again
    resends a fresh link. Returns the invitation and its token (for the e-mail only).
    """
    if not can_invite(user=inviter, committee=committee):
        raise PermissionDenied(_("You may not invite into this committee."))
    if not ratelimit.spend(f"invitations:{inviter.pk}", INVITATIONS):
        raise ValidationError(
            _(
                "You sent many invitations in the last hour: wait a little before "
                "sending more."
            ),
            code="rate",
        )
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


@dataclass(frozen=True)
class InvitationAccepted:
    """An invitation became a member (the newcomer pipeline brings them into their
    family's conversation); published inside the transaction that created them."""

    invitation: Invitation
    user: User


@transaction.atomic
def invitation_accept(
    *, token: str, first_name: str, last_name: str, password: str
) -> User:
    """Create the member an invitation was for, with profile, verified address and
    committee membership, and mark the invitation used. All or nothing.
    """
    found = selectors.invitation_for_token(token=token)
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
    FeedToken.objects.create(user=user, key=secrets.token_urlsafe(32))
    activity.record(user, activity.JOINED_NETWORK)
    if invitation.committee is not None:
        committee_services.membership_join(user=user, committee=invitation.committee)
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    notices.invitation_accepted(invitation=invitation, user=user)
    bus.publish(InvitationAccepted(invitation=invitation, user=user))
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


def offers_needs_set(
    *, profile: Profile, kind: str, lines: list[tuple[str, str]]
) -> list[OfferNeed]:
    """Replace the profile's lines of `kind` (offers or needs) with `lines`, each a
    (text, skill name) pair; a skill is taken from the shared list, or added to it
    under the name typed. At most `OfferNeed.MAX_PER_KIND` lines."""
    if kind not in OfferNeed.Kind.values:
        raise ValidationError(_("Unknown kind of line."), code="kind")
    if len(lines) > OfferNeed.MAX_PER_KIND:
        raise ValidationError(
            _("At most %(max)d lines."),
            code="too_many",
            params={"max": OfferNeed.MAX_PER_KIND},
        )
    max_text = OfferNeed._meta.get_field("text").max_length or 160
    with transaction.atomic():
        OfferNeed.objects.filter(profile=profile, kind=kind).delete()
        entries = []
        for position, (text, skill_name) in enumerate(lines):
            text = " ".join(printable(text).split())
            if not text:
                continue
            if len(text) > max_text:
                raise ValidationError(
                    _("A line holds at most %(max)d characters."),
                    code="too_long",
                    params={"max": max_text},
                )
            skill = _skill_named(skill_name)
            entries.append(
                OfferNeed(
                    profile=profile,
                    kind=kind,
                    text=text,
                    skill=skill,
                    position=position,
                )
            )
        return OfferNeed.objects.bulk_create(entries)


def _skill_named(name: str) -> Skill | None:
    """The shared skill of that name (whatever its case), added when new."""
    name = " ".join(printable(name or "").split())[:50]
    if not name:
        return None
    found = Skill.objects.filter(name__iexact=name).first()
    if found is None:
        found = Skill.objects.create(name=name)  # TagBase makes its slug
    return found


def profile_update(
    *,
    user: User,
    fields: dict[str, Any],
    skills: list[str],
    photo: UploadedFile | None = None,
    remove_photo: bool = False,
    offers_needs: dict[str, list[tuple[str, str]]] | None = None,
) -> Profile:
    """Save the member's own profile, all or nothing; `offers_needs` (kind → the
    (text, skill) lines) replaces the lines of each kind given.

    A new photo is checked before anything is written; the old photo files are
    deleted once the new profile is committed.
    """
    processed = process_photo(photo) if photo is not None else None
    with transaction.atomic():
        profile, _created = Profile.objects.select_for_update().get_or_create(user=user)
        for name, value in fields.items():
            setattr(profile, name, value)
        profile.full_clean(exclude=["user", "photo", "photo_thumbnail"])
        old_files: list[str] = []
        if processed is not None or remove_photo:
            old_files = [
                f.name for f in (profile.photo, profile.photo_thumbnail) if f.name
            ]
            profile.photo = profile.photo_thumbnail = ""
        if processed is not None:
            new, thumbnail = processed.photo, processed.thumbnail
            assert new.name and thumbnail.name  # process_photo names both files
            profile.photo.save(new.name, new, save=False)
            profile.photo_thumbnail.save(thumbnail.name, thumbnail, save=False)
        profile.save()
        profile.skills.set([s for s in skills if s][:30])
        for kind, lines in (offers_needs or {}).items():
            offers_needs_set(profile=profile, kind=kind, lines=lines)
        if old_files:
            storage = Profile._meta.get_field("photo").storage

            def delete_old_files() -> None:
                for name in old_files:
                    storage.delete(name)

            transaction.on_commit(delete_old_files)
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


def committee_follow(*, user: User, committee: CommitteePage) -> bool:
    return activity.follow(user, committee)


def committee_unfollow(*, user: User, committee: CommitteePage) -> bool:
    return activity.unfollow(user, committee)


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


@transaction.atomic
def first_steps_dismiss(*, user: User) -> None:
    """Put away the dashboard's first-steps checklist for good."""
    from members import first_steps

    Profile.objects.filter(user=user).update(first_steps_dismissed_at=timezone.now())
    transaction.on_commit(lambda: first_steps.forget(user.pk))
