"""Writes of committee memberships and requests to join.

Roles drive rights: every change re-derives the member's Wagtail groups
(`rights.user_sync_groups`) in the same transaction. Apps above react to what
happens here (the feed entry, the notifications, the chat's rooms) through the
events below (`intranet.bus`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from committees import rights, selectors
from committees.models import CommitteeMembership, CommitteePage, JoinRequest
from intranet import bus

if TYPE_CHECKING:
    from members.models import User


@dataclass(frozen=True)
class MemberJoined:
    """A member joined a committee; `by` is who added them (None: they accepted
    an invitation into it)."""

    membership: CommitteeMembership
    by: User | None


@dataclass(frozen=True)
class MemberLeft:
    user: User
    committee: CommitteePage


@dataclass(frozen=True)
class JoinRequested:
    request: JoinRequest


def _require_manager(by: User, committee: CommitteePage) -> None:
    if not rights.can_manage_committee(user=by, committee=committee):
        raise PermissionDenied(_("Only this committee's référents may do that."))


def _keep_a_referent(committee: CommitteePage, *, leaving: CommitteeMembership) -> None:
    others = CommitteeMembership.objects.filter(
        committee=committee, role=CommitteeMembership.Role.REFERENT
    ).exclude(pk=leaving.pk)
    if leaving.role == CommitteeMembership.Role.REFERENT and not others.exists():
        raise ValidationError(
            _("A committee keeps at least one référent: name another one first."),
            code="last_referent",
        )


@transaction.atomic
def membership_join(*, user: User, committee: CommitteePage) -> CommitteeMembership:
    """Make a new member part of the committee their invitation was for."""
    membership = CommitteeMembership.objects.create(user=user, committee=committee)
    selectors.forget_committee_facts(committee_id=committee.pk)
    rights.user_sync_groups(user)
    bus.publish(MemberJoined(membership=membership, by=None))
    return membership


@transaction.atomic
def membership_add(
    *,
    by: User,
    committee: CommitteePage,
    user: User,
    role: str = "member",
    is_editor: bool = False,
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
    selectors.forget_committee_facts(committee_id=committee.pk)
    JoinRequest.objects.filter(
        user=user, committee=committee, status=JoinRequest.Status.PENDING
    ).update(
        status=JoinRequest.Status.ACCEPTED, decided_by=by, decided_at=timezone.now()
    )
    rights.user_sync_groups(user)
    bus.publish(MemberJoined(membership=membership, by=by))
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
    selectors.forget_committee_facts(committee_id=membership.committee_id)
    rights.user_sync_groups(membership.user)
    return membership


@transaction.atomic
def membership_remove(*, by: User, membership: CommitteeMembership) -> None:
    """Take a member out of a committee, with the rights it gave them."""
    membership = CommitteeMembership.objects.select_for_update().get(pk=membership.pk)
    _require_manager(by, membership.committee)
    _keep_a_referent(membership.committee, leaving=membership)
    membership.delete()
    selectors.forget_committee_facts(committee_id=membership.committee_id)
    rights.user_sync_groups(membership.user)
    bus.publish(MemberLeft(user=membership.user, committee=membership.committee))


@transaction.atomic
def join_request_create(
    *, user: User, committee: CommitteePage, message: str = ""
) -> JoinRequest:
    """Ask to join a committee (once at a time); its référents are told."""
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
    bus.publish(JoinRequested(request=request))
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
