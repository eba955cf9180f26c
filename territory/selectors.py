"""Reads of the territory: the communes' broadband figures and a member's tests.

Figures are shown only where at least `MIN_MEMBERS` members tested (for every
technology together, and for each technology alike): a median of one or two
members would be their own result."""

from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from communes.models import Commune
from members.models import User
from territory.models import CommuneBroadband, Place, SpeedTest

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
