"""Reads of the newcomer pipeline, and who may see what.

A project's personal data is seen by the programme team, the référents of the
committee it is routed to and its sponsor: nobody else, staff or not."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, F, OuterRef, Prefetch, Q, QuerySet, Subquery, Window
from django.db.models.functions import Coalesce, RowNumber
from django.http import HttpRequest
from django.utils import timezone

from committees.models import CommitteeMembership, CommitteePage
from intranet.shell import header
from members.models import User
from welcome.models import (
    CLOSED,
    PIPELINE,
    ChecklistItem,
    InstallationProject,
    Person,
    Stage,
    StageChange,
)

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise

TEAM, REFERENT, SPONSOR = "team", "referent", "sponsor"


def is_team(*, user: User | AnonymousUser) -> bool:
    return (
        user.is_authenticated
        and user.is_active
        and user.has_perm("welcome.manage_projects")
    )


def _referent_committees(user: User) -> QuerySet[CommitteeMembership, int]:
    return CommitteeMembership.objects.filter(
        user=user, role=CommitteeMembership.Role.REFERENT
    ).values_list("committee_id", flat=True)


def visible_projects(*, user: User | AnonymousUser) -> QuerySet[InstallationProject]:
    if isinstance(user, AnonymousUser) or not user.is_active:
        return InstallationProject.objects.none()
    if is_team(user=user):
        return InstallationProject.objects.all()
    return followed_by(user=user)


def role_on(*, user: User | AnonymousUser, project: InstallationProject) -> str | None:
    """The part `user` plays in `project`, the strongest first; None: no access."""
    if is_team(user=user):
        return TEAM
    if not user.is_authenticated or not user.is_active or project.anonymised_at:
        return None
    if (
        project.committee_id
        and CommitteeMembership.objects.filter(
            user=user,
            committee_id=project.committee_id,
            role=CommitteeMembership.Role.REFERENT,
        ).exists()
    ):
        return REFERENT
    if project.sponsor_id == user.pk:
        return SPONSOR
    return None


def followed_by(*, user: User) -> QuerySet[InstallationProject]:
    """The projects `user` sponsors or oversees as a référent of their committee."""
    return InstallationProject.objects.filter(
        Q(sponsor=user.pk) | Q(committee__in=_referent_committees(user)),
        anonymised_at__isnull=True,
    )


def has_projects(*, request: HttpRequest) -> bool:
    """Whether the newcomers' section belongs in the member's navigation."""
    return is_team(user=request.user) or header.counts(request)["newcomers"]


def _with_people(
    queryset: QuerySet[InstallationProject],
) -> QuerySet[InstallationProject]:
    return queryset.select_related("committee", "sponsor").prefetch_related(
        Prefetch("people", queryset=Person.objects.order_by("-is_adult", "position"))
    )


def attach_adults(
    *, projects: Iterable[InstallationProject]
) -> list[InstallationProject]:
    loaded = list(projects)
    for project in loaded:
        project._adults = [p for p in project.people.all() if p.is_adult]
    return loaded


def board(
    *,
    user: User | AnonymousUser,
    year: int | None = None,
    committee: CommitteePage | None = None,
    mine: bool = False,
    stage: str | None = None,
    per_stage: int = 12,
) -> list[tuple[str, StrPromise, list[InstallationProject], int]]:
    """The projects `user` sees, by stage: [(stage, label, projects, count)], the
    pipeline's stages first, then the closed ones; the latest moved `per_stage`
    of each (whatever their number: one query for the cards, one for the counts)."""
    chosen = visible_projects(user=user)
    if year:
        chosen = chosen.filter(created_at__year=year)
    if committee is not None:
        chosen = chosen.filter(committee=committee)
    if mine:
        chosen = chosen.filter(Q(sponsor=user) | Q(changes__by=user))
    if stage:
        chosen = chosen.filter(stage=stage)
    base = InstallationProject.objects.filter(pk__in=chosen.values("pk"))
    counts = dict(
        base.order_by()
        .values("stage")
        .annotate(n=Count("pk"))
        .values_list("stage", "n")
    )
    late = ChecklistItem.objects.filter(
        project=OuterRef("pk"),
        status__in=[ChecklistItem.Status.TODO, ChecklistItem.Status.DOING],
        due_on__lt=timezone.localdate(),
    )
    latest = base.annotate(
        row=Window(
            RowNumber(),
            partition_by=F("stage"),
            order_by=[F("stage_changed_at").desc(), F("pk").desc()],
        )
    ).filter(row__lte=per_stage)
    ranked = InstallationProject.objects.filter(
        pk__in=list(latest.values_list("pk", flat=True))
    ).annotate(
        overdue=Coalesce(
            Subquery(
                late.order_by().values("project").annotate(n=Count("pk")).values("n")
            ),
            0,
        )
    )
    by_stage: dict[str, list[InstallationProject]] = {
        key: [] for key in [*PIPELINE, *CLOSED] if stage in (None, key)
    }
    for project in attach_adults(
        projects=_with_people(ranked).order_by("-stage_changed_at")
    ):
        by_stage[project.stage].append(project)
    return [
        (key, Stage(key).label, projects, counts.get(key, 0))
        for key, projects in by_stage.items()
    ]


def years() -> list[int]:
    """The years projects were received in, the latest first."""
    dates = InstallationProject.objects.dates("created_at", "year", order="DESC")
    return [day.year for day in dates]


def project_for(*, user: User | AnonymousUser, pk: int) -> InstallationProject | None:
    """The project with everything its page shows, if `user` may see it."""
    project = (
        _with_people(visible_projects(user=user))
        .select_related("conversation", "prospect")
        .prefetch_related("area_committees", "area_communes")
        .filter(pk=pk)
        .first()
    )
    if project is not None:
        attach_adults(projects=[project])
    return project


def steps_of(*, project: InstallationProject) -> list[dict[str, StrPromise | bool]]:
    """The pipeline as the family and the team see it: done, current, to come."""
    reached = project.step
    if project.is_closed:
        last = project.changes.exclude(to_stage__in=CLOSED).order_by("-at").first()
        reached = PIPELINE.index(Stage(last.to_stage)) if last else 0
    return [
        {
            "label": Stage(stage).label,
            "done": i < reached or (i == reached and project.is_closed),
            "current": i == reached and not project.is_closed,
        }
        for i, stage in enumerate(PIPELINE)
    ]


def checklist_of(*, project: InstallationProject) -> list[ChecklistItem]:
    return list(project.checklist.select_related("owner", "updated_by"))


def history_of(*, project: InstallationProject) -> QuerySet[StageChange]:
    return project.changes.select_related("by").order_by("at", "pk")


def sponsor_choices(*, project: InstallationProject) -> QuerySet[User]:
    """A sponsor is a member of the project's committee; those happy to help
    newcomers come first."""
    if project.committee_id is None:
        return User.objects.none()
    return (
        User.objects.filter(
            is_active=True, committee_memberships__committee_id=project.committee_id
        )
        .select_related("profile")
        .order_by("-profile__helps_newcomers", "last_name", "first_name")
    )


def owner_choices(*, project: InstallationProject) -> QuerySet[User]:
    """Who may hold a checklist item: the committee's members and the team."""
    team = User.objects.filter(
        Q(groups__permissions__codename="manage_projects")
        | Q(user_permissions__codename="manage_projects")
    )
    members = User.objects.filter(
        committee_memberships__committee_id=project.committee_id
    )
    return (
        User.objects.filter(is_active=True)
        .filter(Q(pk__in=team.values("pk")) | Q(pk__in=members.values("pk")))
        .order_by("last_name", "first_name")
    )


def team_members() -> QuerySet[User]:
    return User.objects.filter(
        is_active=True,
        pk__in=User.objects.filter(
            Q(groups__permissions__codename="manage_projects")
            | Q(user_permissions__codename="manage_projects")
        ).values("pk"),
    ).exclude(is_superuser=True)


def overdue_items(*, user: User, today: date | None = None) -> QuerySet[ChecklistItem]:
    """Open checklist items past their date in the projects `user` follows as
    sponsor or référent (or holds), oldest first."""
    today = today or timezone.localdate()
    follows = Q(project__sponsor=user) | Q(
        project__committee__in=_referent_committees(user)
    )
    return (
        ChecklistItem.objects.filter(
            follows | Q(owner=user),
            status__in=[ChecklistItem.Status.TODO, ChecklistItem.Status.DOING],
            due_on__lt=today,
            project__anonymised_at__isnull=True,
        )
        .exclude(project__stage__in=CLOSED)
        .select_related("project", "owner")
        .order_by("due_on", "pk")
    )


def followed_projects(*, user: User) -> list[InstallationProject]:
    """The open projects `user` sponsors or oversees as référent (not as team)."""
    return attach_adults(
        projects=_with_people(
            followed_by(user=user).exclude(stage__in=[*CLOSED, Stage.INTEGRATED])
        ).order_by("-stage_changed_at")
    )
