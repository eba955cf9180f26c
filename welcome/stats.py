"""The programme's figures, from the projects' stage history.

A project *reached* a stage when it ever got there or further along the pipeline
(a project routed straight from « Reçu » was qualified on the way). Times between
stages are counted from the first arrival at each, for the projects that went
through both. Years are the years projects were received."""

import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from welcome.models import PIPELINE, SETTLED, InstallationProject, Stage, StageChange


@dataclass
class Funnel:
    reached: dict[str, int]  # stage → projects that reached it
    abandoned: int
    departed: int

    @property
    def installed(self) -> int:
        return self.reached[Stage.INSTALLED]

    @property
    def retention(self) -> float | None:
        """Of the families who settled, the share still here."""
        if not self.installed:
            return None
        return (self.installed - self.departed) / self.installed


@dataclass
class Figures:
    years: list[int]
    total: Funnel
    by_year: dict[int, Funnel]
    # (from, to, share of `from` that reached `to` or None)
    conversions: list[tuple[str, str, float | None]]
    # (from, to, median days or None, projects counted)
    median_days: list[tuple[str, str, float | None, int]]
    installed_per_year: dict[int, int] = field(default_factory=dict)


def _empty_funnel() -> Funnel:
    return Funnel(reached=dict.fromkeys(PIPELINE, 0), abandoned=0, departed=0)


def figures(year: int | None = None) -> Figures:
    """Every figure of the dashboard, for one year of arrivals or for all."""
    zone = timezone.get_current_timezone()
    received: dict[int, datetime] = {}
    stages: dict[int, str] = {}
    year_of: dict[int, int] = {}
    for pk, created_at, stage in InstallationProject.objects.values_list(
        "pk", "created_at", "stage"
    ):
        received[pk], stages[pk] = created_at, stage
        year_of[pk] = created_at.astimezone(zone).year
    first_at: dict[int, dict[str, datetime]] = defaultdict(dict)
    furthest: dict[int, int] = dict.fromkeys(received, 0)
    step = {stage: i for i, stage in enumerate(PIPELINE)}
    for pk, to_stage, at in StageChange.objects.order_by("at", "pk").values_list(
        "project_id", "to_stage", "at"
    ):
        first_at[pk].setdefault(to_stage, at)
        if to_stage in step and step[to_stage] > furthest[pk]:
            furthest[pk] = step[to_stage]
    for pk, at in received.items():
        first_at[pk].setdefault(Stage.RECEIVED, at)
        if stages[pk] == Stage.DEPARTED:  # left after settling: they settled
            furthest[pk] = max(furthest[pk], step[Stage.INSTALLED])

    years = sorted(set(year_of.values()), reverse=True)
    chosen = [pk for pk in received if year is None or year_of[pk] == year]
    by_year: dict[int, Funnel] = {y: _empty_funnel() for y in years}
    total = _empty_funnel()
    installed_per_year: Counter = Counter()
    for pk in received:
        funnels = [by_year[year_of[pk]]]
        if year is None or year_of[pk] == year:
            funnels.append(total)
        for funnel in funnels:
            for stage in PIPELINE[: furthest[pk] + 1]:
                funnel.reached[stage] += 1
            funnel.abandoned += stages[pk] == Stage.ABANDONED
            funnel.departed += stages[pk] == Stage.DEPARTED
        settled_at = first_at[pk].get(Stage.INSTALLED)
        if settled_at is not None:
            installed_per_year[settled_at.astimezone(zone).year] += 1

    conversions, median_days = [], []
    for before, after in zip(PIPELINE, PIPELINE[1:], strict=False):
        base = total.reached[before]
        conversions.append(
            (before, after, total.reached[after] / base if base else None)
        )
        days = [
            (first_at[pk][after] - first_at[pk][before]).total_seconds() / 86400
            for pk in chosen
            if before in first_at[pk] and after in first_at[pk]
        ]
        median_days.append(
            (before, after, statistics.median(days) if days else None, len(days))
        )
    return Figures(
        years=years,
        total=total,
        by_year=by_year,
        conversions=conversions,
        median_days=median_days,
        installed_per_year=dict(sorted(installed_per_year.items())),
    )


def _rows(year: int | None, *fields: str):
    """Projects counted per committee or sponsor (`fields[0]`), biggest first."""
    projects = InstallationProject.objects.exclude(**{f"{fields[0]}__isnull": True})
    if year:
        projects = projects.filter(created_at__year=year)
    closed = [*SETTLED, Stage.ABANDONED, Stage.DEPARTED]
    return (
        projects.values(*fields)
        .annotate(
            projects=Count("pk"),
            under_way=Count("pk", filter=~Q(stage__in=closed)),
            settled=Count("pk", filter=Q(stage__in=SETTLED)),
            departed=Count("pk", filter=Q(stage=Stage.DEPARTED)),
            abandoned=Count("pk", filter=Q(stage=Stage.ABANDONED)),
        )
        .order_by("-projects", *fields[1:])
    )


def per_committee(year: int | None = None) -> list[dict]:
    return [
        {"name": row["committee__title"], **row}
        for row in _rows(year, "committee", "committee__title")
    ]


def per_sponsor(year: int | None = None) -> list[dict]:
    rows = _rows(year, "sponsor", "sponsor__last_name", "sponsor__first_name")
    return [
        {"name": f"{row['sponsor__first_name']} {row['sponsor__last_name']}", **row}
        for row in rows
    ]


def table(name: str, year: int | None = None) -> list[list] | None:
    """A table of the dashboard as rows for a CSV file, header first (None: no
    such table)."""
    if name == "funnel":
        header = [_("Year"), *[Stage(s).label for s in PIPELINE],
                  _("Abandoned"), _("Left again")]  # fmt: skip
        by_year = sorted(figures(year).by_year.items())
        return [header] + [
            [y, *[f.reached[s] for s in PIPELINE], f.abandoned, f.departed]
            for y, f in by_year
        ]
    if name not in ("committees", "sponsors"):
        return None
    rows = per_committee(year) if name == "committees" else per_sponsor(year)
    header = [_("Name"), _("Projects"), _("Under way"), _("Settled"),
              _("Left again"), _("Abandoned")]  # fmt: skip
    return [header] + [
        [row["name"], row["projects"], row["under_way"], row["settled"],
         row["departed"], row["abandoned"]]
        for row in rows
    ]  # fmt: skip
