"""Reads of the territory: the communes' broadband figures and a member's tests.

Figures are shown only where at least `MIN_MEMBERS` members tested (for every
technology together, and for each technology alike): a median of one or two
members would be their own result."""

from dataclasses import dataclass, field, replace

from django.core.cache import cache
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from communes.models import Commune
from members.models import User
from territory.models import (
    CommuneBroadband,
    MeetingProposal,
    Place,
    SpeedTest,
    WorkspacePage,
    WorkspaceRegular,
)

MIN_MEMBERS = 3

# The map's shades, by median download (Mb/s): (lowest, label). Colour-blind safe
# (ColorBrewer RdBu); the legend and the table carry the same information in text.
BANDS = [
    (0, _("under 8 Mb/s")),
    (8, _("8 to 30 Mb/s")),
    (30, _("30 to 100 Mb/s")),
    (100, _("100 to 300 Mb/s")),
    (300, _("300 Mb/s and more")),
]


def band_of(*, median_download: float) -> int:
    """The band (1 to len(BANDS)) a median download falls in."""
    band = 0
    for index, (lowest, _label) in enumerate(BANDS, start=1):
        if median_download >= lowest:
            band = index
    return max(band, 1)


@dataclass
class CommuneFigures:
    """A commune's figures: every technology together, then each one shown."""

    overall: CommuneBroadband
    by_technology: list[CommuneBroadband] = field(default_factory=list)

    @property
    def commune(self) -> Commune:
        return self.overall.commune

    @property
    def band(self) -> int:
        return band_of(median_download=self.overall.median_download)


def _grouped(rows: list[CommuneBroadband]) -> list[CommuneFigures]:
    found: dict[int, CommuneFigures] = {}
    technologies: dict[int, list[CommuneBroadband]] = {}
    for row in rows:
        if row.technology:
            technologies.setdefault(row.commune_id, []).append(row)
        else:
            found[row.commune_id] = CommuneFigures(row)
    for commune_id, figures in found.items():
        figures.by_technology = sorted(
            technologies.get(commune_id, []), key=lambda r: -r.median_download
        )
    return list(found.values())


def commune_figures(*, commune_id: int) -> CommuneFigures | None:
    """The figures of one commune, or None under the threshold (one query)."""
    rows = list(
        CommuneBroadband.objects.filter(
            commune_id=commune_id, members__gte=MIN_MEMBERS
        ).select_related("commune")
    )
    grouped = _grouped(rows)
    return grouped[0] if grouped else None


def gers_figures() -> list[CommuneFigures]:
    """Every commune's figures over the threshold, by commune name (one query,
    whatever the number of tests)."""
    rows = list(
        CommuneBroadband.objects.filter(members__gte=MIN_MEMBERS)
        .select_related("commune")
        .order_by("commune__name", "technology")
    )
    return _grouped(rows)


def workspace_tests(*, commune_id: int, limit: int = 5) -> list[SpeedTest]:
    """The latest tests made in the commune's workspaces (a workspace's line is
    not a member's: members see them one by one, never who measured)."""
    return list(
        SpeedTest.objects.filter(commune_id=commune_id, place=Place.WORKSPACE)
        .only("technology", "download_mbps", "upload_mbps", "latency_ms", "measured_at")
        .order_by("-measured_at")[:limit]
    )


def member_tests(*, user: User) -> QuerySet[SpeedTest]:
    """The member's own tests, newest first, with their communes."""
    return SpeedTest.objects.filter(user=user).select_related("commune")


SHEET_TTL = 24 * 60 * 60


def sheet_key(*, commune_id: int) -> str:
    return f"territory:sheet:{commune_id}"


def commune_sheet(*, commune_id: int) -> tuple[CommuneFigures | None, list[SpeedTest]]:
    """What a village sheet shows (the same for every reader): the commune's
    figures and its workspaces' latest tests, from the cache (forgotten by
    `services.commune_recompute`)."""
    key = sheet_key(commune_id=commune_id)
    found = cache.get(key)
    if found is None:
        found = (
            commune_figures(commune_id=commune_id),
            workspace_tests(commune_id=commune_id),
        )
        cache.set(key, found, SHEET_TTL)
    return found


# Workspaces

NEAREST = 3
NEAREST_KM = 40
WORKSPACES_KEY = "territory:workspaces"
REGULARS_SHOWN = 12
PROPOSALS_SHOWN = 10


@dataclass(frozen=True)
class NearbyWorkspace:
    """A published workspace as the committee pages list it (from the cache)."""

    pk: int
    title: str
    url: str
    kind: str
    commune: Commune
    distance_km: float = 0.0


def _places() -> list[NearbyWorkspace]:
    found = cache.get(WORKSPACES_KEY)
    if found is None:
        found = [
            NearbyWorkspace(
                page.pk,
                page.title,
                page.url or "",
                page.get_kind_display(),
                page.commune,
            )
            for page in WorkspacePage.objects.live()
            .public()
            .select_related("commune")
            .order_by("title")
        ]
        cache.set(WORKSPACES_KEY, found, SHEET_TTL)
    return found


def forget_workspaces() -> None:
    cache.delete(WORKSPACES_KEY)


def nearest_workspaces(
    *, commune: Commune, limit: int = NEAREST
) -> list[NearbyWorkspace]:
    """The published workspaces nearest to the commune, within NEAREST_KM (from
    the cache: no query once warm)."""
    near = [
        replace(place, distance_km=commune.distance_km(place.commune))
        for place in _places()
    ]
    near = [place for place in near if place.distance_km <= NEAREST_KM]
    return sorted(near, key=lambda place: (place.distance_km, place.title))[:limit]


@dataclass
class Found:
    page: WorkspacePage
    distance_km: float | None = None


def workspace_directory(
    *, origin: Commune | None, within_km: int, equipment: list[str]
) -> list[Found]:
    """The published workspaces with every piece of `equipment`, nearest to
    `origin` first (within `within_km` when given), else by title."""
    pages = WorkspacePage.objects.live().public().select_related("commune")
    for name in equipment:
        if name in WorkspacePage.EQUIPMENT:
            pages = pages.filter(**{name: True})
    found = [Found(page) for page in pages.order_by("title")]
    if origin is None:
        return found
    distances = {item.page.pk: origin.distance_km(item.page.commune) for item in found}
    for item in found:
        item.distance_km = distances[item.page.pk]
    if within_km:
        found = [item for item in found if distances[item.page.pk] <= within_km]
    return sorted(found, key=lambda item: distances[item.page.pk])


def workspace_facts(*, workspace: WorkspacePage, viewer: User | None) -> dict:
    """What a workspace's page shows beyond its fields: for members, who works
    there, the coming proposals to meet there and the tests made there."""
    if viewer is None:
        return {}
    regulars = WorkspaceRegular.objects.filter(
        workspace=workspace, user__is_active=True
    ).select_related("user__profile")
    today = timezone.localdate()
    return {
        "regulars": list(regulars.order_by("-created_at")[:REGULARS_SHOWN]),
        "regular_count": regulars.count(),
        "is_regular": regulars.filter(user=viewer).exists(),
        "proposals": list(
            MeetingProposal.objects.filter(
                workspace=workspace, day__gte=today, user__is_active=True
            ).select_related("user")[:PROPOSALS_SHOWN]
        ),
        "tests": list(
            SpeedTest.objects.filter(workspace=workspace).order_by("-measured_at")[:5]
        ),
    }
