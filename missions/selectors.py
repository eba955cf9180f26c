"""Missions: what a member may read, and who fits a mission.

The matching (`matches_for`) is one SQL query whatever the size of the network: it
starts from the tagged skills of the mission's skills (an index on the tag), counts
them per member, and orders by that count, then by the distance between the
communes' town halls (an equirectangular approximation, plain arithmetic on both
databases: exact enough at the Gers's scale), taken only when the viewer may see
the member's commune (`members.selectors.field_visible_q`); a few lines for the
page then name the skills in common and the distance in kilometres.
"""

from dataclasses import dataclass
from datetime import date
from math import cos, radians
from typing import Any, cast

from django.contrib.auth.models import AnonymousUser
from django.db.models import (
    Case,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    FloatField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from activity.models import NotificationPreference
from committees import rights
from communes.models import Commune
from intranet.shell.notices import Channel
from members import selectors as member_selectors
from members.models import Profile, Skill, TaggedSkill, User
from missions.models import Answer, Mission, MissionQuerySet
from missions.notices import MATCH

PER_PAGE = 20
MATCHES_SHOWN = 8
KM_PER_DEGREE = 111.2
DISTANCES = (10, 25, 50)  # the list's filter, in km around my commune


def readable(*, user: User | AnonymousUser) -> MissionQuerySet:
    """The missions `user` may read: every shown one for a member (never public),
    and a hidden one for its author and the moderators."""
    if not (user.is_authenticated and user.is_active):
        return Mission.objects.none()
    if rights.can_moderate(user=user):
        return Mission.objects.all()
    return Mission.objects.filter(Q(hidden_at__isnull=True) | Q(author=user))


def listed(*, user: User | AnonymousUser) -> MissionQuerySet:
    """The missions listed to `user` (the site search): the shown ones, the same
    for every member, so that its query has one shape; none for anyone else. A
    hidden mission is opened by its address, for those who may read it."""
    if not (user.is_authenticated and user.is_active):
        return Mission.objects.none()
    return Mission.objects.shown()


def mission_for_page(*, pk: int, user: User | AnonymousUser) -> Mission | None:
    return (
        readable(user=user)
        .select_related("author__profile", "commune", "hidden_by")
        .prefetch_related("skills")
        .filter(pk=pk)
        .first()
    )


class _Number(Value):
    """A number written into the SQL. The distance is both selected and grouped
    by: PostgreSQL receives values apart from the SQL (the settings' server-side
    binding), and would see the two copies as different expressions ($1 and $5)."""

    def as_sql(self, compiler: Any, connection: Any) -> tuple[str, tuple]:
        return repr(float(self.value)), ()


def _squared_km(lat_field: str, lon_field: str, origin: Commune) -> ExpressionWrapper:
    """The squared distance in km² from `origin` (equirectangular)."""
    ky = KM_PER_DEGREE
    kx = KM_PER_DEGREE * cos(radians(origin.latitude))
    dy = (F(lat_field) - _Number(origin.latitude)) * _Number(ky)
    dx = (F(lon_field) - _Number(origin.longitude)) * _Number(kx)
    return ExpressionWrapper(dy * dy + dx * dx, output_field=FloatField())


def _within(lat_field: str, lon_field: str, origin: Commune, km: float) -> Q:
    """A bounding box (indexable) around `origin`; the exact circle is the caller's."""
    dlat = km / KM_PER_DEGREE
    dlon = km / (KM_PER_DEGREE * cos(radians(origin.latitude)))
    return Q(
        **{
            f"{lat_field}__gte": origin.latitude - dlat,
            f"{lat_field}__lte": origin.latitude + dlat,
            f"{lon_field}__gte": origin.longitude - dlon,
            f"{lon_field}__lte": origin.longitude + dlon,
        }
    )


@dataclass
class Filters:
    skill: str = ""  # a skill's slug
    near: int | None = None  # km around my commune
    remote: bool = False
    kind: str = ""
    sort: str = "match"  # or "new"


def open_missions(
    *, user: User, filters: Filters | None = None, today: date | None = None
) -> QuerySet[Mission]:
    """The open missions `user` may read, with `fit`: how many of the skills
    they want `user` has; best matches first (then newest), or newest first."""
    filters = filters or Filters()
    mine = TaggedSkill.objects.filter(content_object__user_id=user.pk).values("tag_id")
    fit = (
        Mission.skills.through.objects.filter(
            mission_id=OuterRef("pk"), skill_id__in=mine
        )
        .order_by()
        .values("mission_id")
        .annotate(n=Count("*"))
        .values("n")  # type: ignore[misc]  # the stubs miss the annotation
    )
    missions = (
        readable(user=user).shown().open(today).annotate(fit=Coalesce(Subquery(fit), 0))
    )
    if filters.skill:
        missions = missions.filter(
            pk__in=Mission.skills.through.objects.filter(
                skill__slug=filters.skill
            ).values("mission_id")
        )
    if filters.kind:
        missions = missions.filter(kind=filters.kind)
    if filters.remote:
        missions = missions.filter(commune__isnull=True)
    elif filters.near:
        home = (
            Commune.objects.filter(profiles__user=user).first()
            if user.is_authenticated
            else None
        )
        if home is None:
            missions = missions.none()
        else:
            missions = (
                missions.filter(_within("commune__latitude", "commune__longitude",
                                        home, filters.near))
                .alias(d2=_squared_km("commune__latitude", "commune__longitude", home))
                .filter(d2__lte=filters.near**2)
            )  # fmt: skip
    order = ["-created_at", "-pk"]
    if filters.sort != "new":
        order = ["-fit", *order]
    return with_list_relations(missions=missions).order_by(*order)


def with_list_relations(*, missions: QuerySet[Mission]) -> QuerySet[Mission]:
    return missions.select_related("author__profile", "commune").prefetch_related(
        "skills"
    )


def missions_by(*, user: User) -> QuerySet[Mission]:
    """My missions, open or closed, newest first."""
    return with_list_relations(
        missions=readable(user=user).filter(author=user).order_by("-created_at", "-pk")
    )


def missions_answered_by(*, user: User) -> QuerySet[Mission]:
    """The missions I answered, newest answer first."""
    answered = Answer.objects.filter(member=user, mission_id=OuterRef("pk"))
    return with_list_relations(
        missions=readable(user=user)
        .filter(Exists(answered))
        .annotate(answered_at=Subquery(answered.values("created_at")[:1]))
        .order_by("-answered_at", "-pk")
    )


def answers_to(*, mission: Mission) -> QuerySet[Answer]:
    """Every answer to `mission`, for its author: oldest first."""
    return Answer.objects.filter(
        mission=mission, member__is_active=True
    ).select_related("member__profile")


def answer_of(*, mission: Mission, user: User) -> Answer | None:
    return Answer.objects.filter(mission=mission, member_id=user.pk).first()


# --- Matching --------------------------------------------------------------------


@dataclass
class Match:
    profile: Profile
    shared: int  # skills in common
    skills: list[str]  # their names
    distance_km: float | None  # None: remote mission, or a commune not shown


def candidates(
    *,
    mission: Mission,
    limit: int,
    viewer: User | None = None,
    skill_ids: list[int] | None = None,
) -> QuerySet[Profile]:
    """The profiles of the active members who have at least one of the mission's
    skills, with `shared` (how many) and `d2` (the squared distance to the
    mission's commune, when `viewer` may see theirs; `viewer` None: the network's
    own ordering, shown to nobody), best first, to slice at `limit`.

    The members are ordered by skills in common first: for a mission of several
    skills, a first query counts them on the tagged-skill table alone and finds
    how many the `limit`-th best shares (with room for members who left); only
    those who share at least as many are joined to their profile and commune,
    not every holder of a common skill."""
    if skill_ids is None:
        skill_ids = [skill.pk for skill in mission.skills.all()]
    author = Profile.objects.filter(user_id=mission.author_id).values("pk")
    profiles = Profile.objects.filter(
        tagged_skills__tag_id__in=skill_ids, user__is_active=True
    ).exclude(user_id=mission.author_id)
    if len(skill_ids) > 1:
        counts = (
            TaggedSkill.objects.filter(tag_id__in=skill_ids)
            .exclude(content_object_id__in=author)
            .order_by()
            .values("content_object_id")
            .annotate(n=Count("pk"))
        )
        slack = 2 * limit  # members who left still count in the threshold
        nth = list(counts.order_by("-n").values_list("n", flat=True)[slack - 1 : slack])
        threshold = nth[0] if nth else 1
        if threshold > 1:
            band = counts.filter(n__gte=threshold).values("content_object_id")
            profiles = profiles.filter(pk__in=band)
    profiles = profiles.annotate(shared=Count("tagged_skills"))
    order = [F("shared").desc()]
    if mission.commune is not None:
        d2: Any = _squared_km(
            "commune__latitude", "commune__longitude", mission.commune
        )
        if viewer is not None:
            shown = member_selectors.field_visible_q(field="commune", viewer=viewer)
            d2 = Case(When(shown, then=d2), default=None, output_field=FloatField())
        profiles = profiles.annotate(d2=d2)
        order.append(F("d2").asc(nulls_last=True))
    order += [F("open_to_collaborate").desc(), F("user_id").asc()]
    return profiles.order_by(*order)


def matches_for(
    *, mission: Mission, viewer: User, limit: int = MATCHES_SHOWN
) -> list[Match]:
    """The members who fit `mission` best, as `viewer` may see them (the distance
    only to those whose commune they may see): three queries."""
    skills = {skill.pk: skill.name for skill in mission.skills.all()}
    if not skills:
        return []
    found = list(
        candidates(
            mission=mission, limit=limit, viewer=viewer, skill_ids=list(skills)
        ).select_related("user", "commune")[:limit]
    )
    if not found:
        return []
    shared: dict[int, list[str]] = {}
    for profile_id, tag_id in TaggedSkill.objects.filter(
        content_object_id__in=[p.pk for p in found], tag_id__in=list(skills)
    ).values_list("content_object_id", "tag_id"):
        shared.setdefault(profile_id, []).append(skills[tag_id])
    visible = member_selectors.visible_fields(profiles=found, viewer=viewer)
    matches = []
    for profile in found:
        distance = None
        if mission.commune is not None and profile.commune is not None:
            if visible[profile.user_id]["commune"]:
                distance = mission.commune.distance_km(profile.commune)
        matches.append(
            Match(
                profile,
                cast(Any, profile).shared,
                sorted(shared.get(profile.pk, [])),
                distance,
            )
        )
    return matches


def members_to_tell(*, mission: Mission, limit: int) -> QuerySet[User]:
    """Whom to tell of a new mission: the best `limit` fits who did not turn the
    kind off (the preference read in the same query)."""
    off = NotificationPreference.objects.filter(kind=MATCH, channel=Channel.OFF).values(
        "user_id"
    )
    best = (
        candidates(mission=mission, limit=limit)
        .exclude(user_id__in=off)
        .values_list("user_id", flat=True)[:limit]
    )
    return User.objects.filter(pk__in=list(best))


def skill_choices() -> list[tuple[str, str]]:
    """The skill filter: those the open missions want."""
    today = timezone.localdate()
    return list(
        Skill.objects.filter(
            pk__in=Mission.skills.through.objects.filter(
                mission__status=Mission.Status.OPEN,
                mission__closes_on__gte=today,
                mission__hidden_at__isnull=True,
            ).values("skill_id")
        )
        .order_by("name")
        .values_list("slug", "name")
    )


def skills_named(*, names: list[str]) -> tuple[list[Skill], list[str]]:
    """The skills of the members' vocabulary called `names` (by their slug: any
    case), and the names it does not hold."""
    slugs = {Skill().slugify(name): name for name in names}
    found = {skill.slug: skill for skill in Skill.objects.filter(slug__in=list(slugs))}
    return (
        [found[slug] for slug in slugs if slug in found],
        [name for slug, name in slugs.items() if slug not in found],
    )
