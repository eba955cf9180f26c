"""Reads of committees and their members, with what their templates need loaded."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Case, IntegerField, QuerySet, Value, When

from committees.models import CommitteeMembership, CommitteePage, JoinRequest

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from members.models import User

ROLE_RANK = [
    CommitteeMembership.Role.REFERENT,
    CommitteeMembership.Role.ELECTED,
    CommitteeMembership.Role.VOLUNTEER,
    CommitteeMembership.Role.MEMBER,
]


def role_rank() -> Case:
    """An expression ordering memberships from référent down to plain member."""
    return Case(
        *(When(role=role, then=Value(rank)) for rank, role in enumerate(ROLE_RANK)),
        output_field=IntegerField(),
    )


def live_committees() -> QuerySet[CommitteePage]:
    """Every published committee, by name."""
    return CommitteePage.objects.live().order_by("title")


def committee_members(*, committee: CommitteePage) -> QuerySet[CommitteeMembership]:
    """A committee's memberships, référents first, with their member and profile."""
    return (
        CommitteeMembership.objects.filter(committee=committee, user__is_active=True)
        .select_related("user", "user__profile", "user__profile__commune")
        .order_by(role_rank(), "user__last_name", "user__first_name")
    )


def memberships_of(*, user: User | AnonymousUser) -> QuerySet[CommitteeMembership]:
    """The committees a member belongs to, with the committee page loaded."""
    return (
        CommitteeMembership.objects.filter(user=user.pk, committee__live=True)
        .select_related("committee")
        .order_by("committee__title")
    )


def referents_of(*, committee: CommitteePage) -> list[User]:
    return [
        membership.user
        for membership in CommitteeMembership.objects.filter(
            committee=committee, role=CommitteeMembership.Role.REFERENT
        ).select_related("user")
    ]


def committee_ids_of(*, user: User | AnonymousUser) -> set[int]:
    return set(
        CommitteeMembership.objects.filter(user=user.pk).values_list(
            "committee_id", flat=True
        )
    )


def is_referent_somewhere(*, user: User | AnonymousUser) -> bool:
    return CommitteeMembership.objects.filter(
        user=user.pk, role=CommitteeMembership.Role.REFERENT
    ).exists()


def pending_join_requests(*, committee: CommitteePage) -> QuerySet[JoinRequest]:
    return JoinRequest.objects.filter(
        committee=committee, status=JoinRequest.Status.PENDING
    ).select_related("user", "user__profile")
