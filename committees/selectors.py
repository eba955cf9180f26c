"""Reads of committees and their members, with what their templates need loaded."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key
from django.core.paginator import Page, Paginator
from django.db import transaction
from django.db.models import Case, Count, IntegerField, Q, QuerySet, Value, When
from wagtail.models import Page as WagtailPage

from committees.models import CommitteeMembership, CommitteePage, JoinRequest
from communes.models import Commune
from communes.selectors import commune
from intranet.prepared import Prepared

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser
    from django_stubs_ext import StrOrPromise

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


def committee_choices() -> list[tuple[int, str]]:
    """(id, name) of every published committee, by name: a filter's choices, without
    reading fifty whole pages."""
    return list(live_committees().values_list("pk", "title"))


def committee_members(*, committee: CommitteePage) -> QuerySet[CommitteeMembership]:
    """A committee's memberships, référents first, with their member and profile."""
    return (
        CommitteeMembership.objects.filter(committee=committee, user__is_active=True)
        .select_related("user__profile")
        .order_by(role_rank(), "user__last_name", "user__first_name", "pk")
    )


def memberships_of(*, user: User | AnonymousUser) -> list[CommitteeMembership]:
    """The committees a member belongs to, with the committee page loaded (one
    query, built once per process)."""
    return _MEMBERSHIPS.objects(member=user.pk or 0)


_MEMBERSHIPS = Prepared(
    lambda member: (
        CommitteeMembership.objects.filter(user_id=member, committee__live=True)
        .select_related("committee")
        .order_by("committee__title")
    ),
    member=int,
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


# --- The committee page: bounded lists, shared facts in the cache ---------------

#: Who runs the committee: its référents, elected officials, volunteers and editors.
BOARD = Q(role__in=ROLE_RANK[:3]) | Q(is_editor=True)
NEWEST = 6  # the latest plain members shown on the page
MEMBERS_PER_PAGE = 50
FACTS_TTL = 10 * 60  # a safety net for writes outside `committees.services`
# (an erasure, an account deactivated): every service below forgets them at once.


def _facts_key(committee_id: int) -> str:
    return f"committees:facts:{committee_id}"


@dataclass(frozen=True)
class CommitteeFacts:
    """What the committee page shows every member alike (kept in the cache)."""

    commune: Commune
    counts: dict[str, int]  # active members per role
    newest_ids: tuple[int, ...]  # the latest plain members' user ids, newest first

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def by_role(self) -> list[tuple[StrOrPromise, int]]:
        """(role label, count) for the roles that have members, référents first."""
        labels = dict(CommitteeMembership.Role.choices)
        return [(labels[r], self.counts[r]) for r in ROLE_RANK if self.counts.get(r)]


def committee_facts(*, committee: CommitteePage) -> CommitteeFacts:
    """The committee's commune, member counts and newest members, from the cache
    (two queries when it is cold). `forget_committee_facts` after every change."""
    key = _facts_key(committee.pk)
    facts = cache.get(key)
    if facts is None:
        active = CommitteeMembership.objects.filter(
            committee=committee, user__is_active=True
        )
        counts = dict(
            active.order_by()
            .values_list("role")
            .annotate(n=Count("pk"))
            .values_list("role", "n")
        )
        newest = (
            active.exclude(BOARD)
            .order_by("-joined_at", "-pk")
            .values_list("user_id", flat=True)[:NEWEST]
        )
        facts = CommitteeFacts(
            commune=commune(pk=committee.commune_id),
            counts=counts,
            newest_ids=tuple(newest),
        )
        cache.set(key, facts, FACTS_TTL)
    return facts


def _forget(keys: list[str]) -> None:
    """Drop cache entries now and once the transaction commits (a page drawn
    meanwhile from the old rows must not keep them)."""
    cache.delete_many(keys)
    transaction.on_commit(lambda: cache.delete_many(keys))


def forget_committee_facts(*, committee_id: int) -> None:
    _forget([_facts_key(committee_id)])


#: The committee page's news block, the same for every member, is a template
#: fragment cached per committee and language (`committee_page.html`).
NEWS_FRAGMENT = "committee_page_news"


def forget_committee_news(*, committee_id: int) -> None:
    _forget(
        [
            make_template_fragment_key(NEWS_FRAGMENT, [committee_id, code])
            for code, _name in settings.LANGUAGES
        ]
    )


def page_changed(*, page: WagtailPage, old_parent: WagtailPage | None = None) -> None:
    """A page was published, unpublished, moved or deleted: forget what the
    cache holds of it or of the committee it is (or was) published under."""
    if page.specific_class is CommitteePage or isinstance(page, CommitteePage):
        forget_committee_facts(committee_id=page.pk)
        forget_committee_news(committee_id=page.pk)
        return
    parents = Q(path=page.path[: -page.steplen])
    if old_parent is not None:
        parents |= Q(pk=old_parent.pk)
    for committee_id in CommitteePage.objects.filter(parents).values_list(
        "pk", flat=True
    ):
        forget_committee_news(committee_id=committee_id)


@dataclass
class CommitteePeople:
    """The members the committee page names: its board, its newest members, and
    the reader's own membership (None if they are not in it)."""

    board: list[CommitteeMembership]
    newest: list[CommitteeMembership]
    mine: CommitteeMembership | None


def _people(committee: int, viewer: int, newest: list[int]) -> QuerySet:
    return (
        CommitteeMembership.objects.filter(
            BOARD | Q(user_id__any=newest) | Q(user_id=viewer), committee=committee
        )
        .filter(user__is_active=True)
        .select_related("user__profile")
        .order_by(role_rank(), "user__last_name", "user__first_name", "pk")
    )


# Every committee page, for every reader: its SQL is built once per process.
_PEOPLE = Prepared(_people, committee=int, viewer=int, newest=list)


def committee_people(
    *, committee: CommitteePage, viewer: User | AnonymousUser, facts: CommitteeFacts
) -> CommitteePeople:
    """One query, bounded: the board, the newest members and the reader's row."""
    rows = _PEOPLE.objects(
        committee=committee.pk, viewer=viewer.pk or 0, newest=list(facts.newest_ids)
    )
    newest = {row.user_id: row for row in rows if row.user_id in facts.newest_ids}
    return CommitteePeople(
        board=[
            row
            for row in rows
            if row.role != CommitteeMembership.Role.MEMBER or row.is_editor
        ],
        newest=[newest[pk] for pk in facts.newest_ids if pk in newest],
        mine=next((row for row in rows if row.user_id == viewer.pk), None),
    )


def committee_members_page(
    *, committee: CommitteePage, facts: CommitteeFacts, number: str | int | None
) -> Page:
    """A page of the full list, référents first then by name, counted from the
    cached facts (counting joins every account: 30 ms at 100 ×). Raises
    `django.core.paginator.InvalidPage` for a page that does not exist."""
    paginator = Paginator(committee_members(committee=committee), MEMBERS_PER_PAGE)
    paginator.count = facts.total  # a cached_property, set before it is read
    page = paginator.page(number or 1)
    page.object_list = list(page.object_list)
    return page


def has_pending_request(
    *, committee: CommitteePage, user: User | AnonymousUser
) -> bool:
    return JoinRequest.objects.filter(
        committee=committee, user=user.pk, status=JoinRequest.Status.PENDING
    ).exists()
