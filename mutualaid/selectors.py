"""Reads of mutual help: the lists, an entry with its answers, and the matches
of an entry (`mutualaid.matching`) with what each member shows of their commune."""

import functools
import time
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.core.cache import cache
from django.db.models import Count, Q
from django.utils import timezone

from committees import rights
from communes.models import Commune, km_between
from intranet.links import reverse
from intranet.prepared import Prepared
from members import selectors as member_selectors
from members.models import OfferNeed, Profile
from mutualaid import matching
from mutualaid.models import HelpAnswer, HelpEntry, HelpEntryQuerySet

if TYPE_CHECKING:
    from members.models import User

PER_PAGE = 20
TEXTS = ("title", "details")  # what SQLite searches (PostgreSQL: the vector)
MATCHES = 8
NEAR_KM = 20  # « près de chez vous »: a short drive in the Gers
COMMUNES_FOR = 24 * 60 * 60


def is_moderator(*, user: "User") -> bool:
    """The network's moderators (help entries belong to no committee)."""
    return rights.can_moderate(user=user)


def visible_entries(*, viewer: "User") -> HelpEntryQuerySet:
    """What `viewer` may open: nothing for a visitor; a hidden entry only for its
    author and the moderators."""
    entries: HelpEntryQuerySet = HelpEntry.objects.all()
    if not (viewer.is_authenticated and viewer.is_active):
        return entries.none()
    if not is_moderator(user=viewer):
        entries = entries.filter(Q(hidden_at__isnull=True) | Q(author=viewer))
    return entries


def listed_entries(*, viewer: "User") -> HelpEntryQuerySet:
    """The entries listed to `viewer` (the site search): the shown ones, the same
    for every member, so that its query has one shape; none for a visitor."""
    if not (viewer.is_authenticated and viewer.is_active):
        return HelpEntry.objects.none()
    return HelpEntry.objects.shown()


@dataclass
class Filters:
    kind: str = ""
    category: str = ""
    state: str = "open"  # open | closed | mine


def entry_list(*, viewer: "User", filters: Filters) -> HelpEntryQuerySet:
    entries = visible_entries(viewer=viewer)
    if filters.state == "mine":
        entries = entries.filter(author=viewer)
    elif filters.state == "closed":
        entries = entries.closed()
    else:
        entries = entries.open()
    if filters.kind:
        entries = entries.filter(kind=filters.kind)
    if filters.category:
        entries = entries.filter(category=filters.category)
    return (
        entries.select_related("author__profile", "commune", "skill")
        .annotate(answer_count=Count("answers"))
        .order_by("-created_at", "-pk")
    )


def answers_for(*, entry: HelpEntry, viewer: "User") -> list[HelpAnswer]:
    """Every answer for the entry's author (and moderators); one's own otherwise."""
    answers = entry.answers.select_related("author__profile")
    if entry.author_id != viewer.pk and not is_moderator(user=viewer):
        answers = answers.filter(author=viewer)
    return list(answers)


# Communes: public data the site never writes, kept in the cache as coordinates,
# and for a minute in each process (a page measures a dozen distances: reading them
# from the cache each time cost 3 ms of the dashboard).

_KEPT: dict[str, tuple[float, dict[int, tuple[float, float]]]] = {}
KEPT_FOR = 60  # seconds


def _coordinates() -> dict[int, tuple[float, float]]:
    kept = _KEPT.get("coordinates")
    if kept is not None and kept[0] > time.monotonic():
        return kept[1]
    found: dict[int, tuple[float, float]] | None = cache.get("mutualaid:communes")
    if found is None:
        found = {
            pk: (lat, lon)
            for pk, lat, lon in Commune.objects.values_list(
                "pk", "latitude", "longitude"
            )
        }
        cache.set("mutualaid:communes", found, COMMUNES_FOR)
    _KEPT["coordinates"] = (time.monotonic() + KEPT_FOR, found)
    return found


def distance_km(*, a: int | None, b: int | None) -> float | None:
    coordinates = _coordinates()
    if a not in coordinates or b not in coordinates:
        return None
    return km_between(coordinates[a], coordinates[b])


def communes_near(*, commune_id: int | None, km: float = NEAR_KM) -> list[int]:
    """The communes within `km` of `commune_id` (itself included), kept in the
    cache per commune: the dashboard asks on every visit."""
    if commune_id is None:
        return []
    key = f"mutualaid:near:{commune_id}:{km}"
    found: list[int] | None = cache.get(key)
    if found is None:
        coordinates = _coordinates()
        here = coordinates.get(commune_id)
        found = (
            []
            if here is None
            else [
                pk for pk, there in coordinates.items() if km_between(here, there) <= km
            ]
        )
        cache.set(key, found, COMMUNES_FOR)
    return found


# Matches of one entry


@dataclass
class Match:
    """Someone who could help, or might be interested, and why."""

    member: Any
    text: str  # what they offer or look for
    offers: bool  # True: they offer it; False: they look for it
    url: str  # their entry, or their profile
    skill: str = ""  # the skill both name
    distance_km: float | None = None  # when their commune is visible
    commune: str = ""
    from_profile: bool = False


def _opposite(entry: HelpEntry) -> tuple[str, str]:
    """(kind of entries, kind of profile lines) that answer `entry`."""
    if entry.kind == HelpEntry.Kind.OFFER:
        return HelpEntry.Kind.REQUEST, OfferNeed.Kind.NEED
    return HelpEntry.Kind.OFFER, OfferNeed.Kind.OFFER


def matching_entries(
    *, entry: HelpEntry, viewer: "User", limit: int = MATCHES
) -> list[HelpEntry]:
    words = matching.words(entry.title, entry.details)
    kind, _line_kind = _opposite(entry)
    rows = (
        visible_entries(viewer=viewer)
        .open()
        .filter(kind=kind, hidden_at__isnull=True)
        .exclude(author_id=entry.author_id)
        .filter(matching.matching_q(TEXTS, words, entry.skill_id))
        .select_related("author__profile", "commune", "skill")
    )
    return list(matching.ranked(rows, words, entry.skill_id)[:limit])


def matching_lines(
    *, entry: HelpEntry, limit: int = MATCHES, near: list[int] | None = None
) -> list[OfferNeed]:
    """The profile lines that answer `entry` (of active members other than its
    author); with `near`, only those of members living in these communes."""
    words = matching.words(entry.title, entry.details)
    _kind, line_kind = _opposite(entry)
    rows = (
        OfferNeed.objects.filter(kind=line_kind, profile__user__is_active=True)
        .exclude(profile__user_id=entry.author_id)
        .filter(matching.matching_q(("text",), words, entry.skill_id))
        .select_related("profile__user", "profile__commune", "skill")
    )
    if near is not None:
        rows = rows.filter(profile__commune_id__in=near)
    return list(matching.ranked(rows, words, entry.skill_id)[:limit])


def matches_for(*, entry: HelpEntry, viewer: "User") -> list[Match]:
    """Who could help (a request) or might be interested (an offer): open entries
    of the other kind, then members whose profile says so; with the distance
    from the entry's commune when theirs is visible to `viewer`. Four queries."""
    matches: list[Match] = []
    for other in matching_entries(entry=entry, viewer=viewer):
        matches.append(
            Match(
                member=other.author,
                text=other.title,
                offers=other.kind == HelpEntry.Kind.OFFER,
                url=other.get_absolute_url(),
                skill=other.skill.name
                if other.skill and other.skill_id == entry.skill_id
                else "",
                distance_km=distance_km(a=entry.commune_id, b=other.commune_id),
                commune=other.commune.name,
            )
        )
    lines = matching_lines(entry=entry)
    visible = member_selectors.visible_fields(
        profiles=[line.profile for line in lines], viewer=viewer
    )
    for line in lines:
        profile = line.profile
        shows = visible[profile.user_id]["commune"] and profile.commune_id
        matches.append(
            Match(
                member=profile.user,
                text=line.text,
                offers=line.kind == OfferNeed.Kind.OFFER,
                url=reverse("members:profile_detail", args=[profile.user_id]),
                skill=line.skill.name
                if line.skill and line.skill_id == entry.skill_id
                else "",
                distance_km=distance_km(a=entry.commune_id, b=profile.commune_id)
                if shows
                else None,
                commune=profile.commune.name if shows and profile.commune else "",
                from_profile=True,
            )
        )
    return matches


# The dashboard's « Près de chez vous »

PANEL_SIZE = 5
OFFER, NEED = OfferNeed.Kind.OFFER, OfferNeed.Kind.NEED


def near_me(*, viewer: "User", size: int = PANEL_SIZE) -> list[HelpEntry]:
    """Open entries of others near the member's commune or matching their
    profile's lines (their offers answer requests, their needs offers), nearest
    and matching first. Two queries: the member's commune and lines, then the
    entries, whose SQL is the same for every member (kept per process)."""
    rows = _profile_rows(viewer)
    commune_id = rows[0][0] if rows else None
    offers = [(text, skill) for _c, kind, text, skill in rows if kind == OFFER]
    needs = [(text, skill) for _c, kind, text, skill in rows if kind == NEED]
    entries = _near(size).objects(
        viewer=viewer.pk,
        now=timezone.now(),
        near=communes_near(commune_id=commune_id),
        offer_words=matching.any_of(matching.words(*(t for t, _s in offers))),
        offer_skills=[skill for _t, skill in offers if skill],
        need_words=matching.any_of(matching.words(*(t for t, _s in needs))),
        need_skills=[skill for _t, skill in needs if skill],
    )
    for entry in entries:
        lines = offers if entry.kind == HelpEntry.Kind.REQUEST else needs
        entry.matched_line = next(
            (
                text
                for text, skill in lines
                if (skill and skill == entry.skill_id)
                or matching.shares_words(
                    f"{entry.title} {entry.details}", matching.words(text)
                )
            ),
            "",
        )
        entry.distance = distance_km(a=commune_id, b=entry.commune_id)
    entries.sort(
        key=lambda e: (
            not e.matched_line,
            e.distance if e.distance is not None else 999,
        )
    )
    return entries[:size]


@functools.cache
def _near(size: int) -> Prepared:
    """The newest `size * 4` open entries of others in the communes `near`, or
    that answer the member's offers (requests sharing a word or a skill) or needs
    (offers likewise)."""

    def build(
        viewer: int,
        now: datetime,
        near: list[int],
        offer_words: str,
        offer_skills: list[int],
        need_words: str,
        need_skills: list[int],
    ) -> HelpEntryQuerySet:
        answers_offers = matching.shares_any(TEXTS, offer_words) | Q(
            skill_id__any=offer_skills
        )
        answers_needs = matching.shares_any(TEXTS, need_words) | Q(
            skill_id__any=need_skills
        )
        wanted = (
            Q(commune_id__any=near)
            | (Q(kind=HelpEntry.Kind.REQUEST) & answers_offers)
            | (Q(kind=HelpEntry.Kind.OFFER) & answers_needs)
        )
        return (
            HelpEntry.objects.open(now)
            .shown()
            .exclude(author_id=viewer)
            .filter(wanted)
            .select_related("author__profile", "commune")
            .order_by("-created_at", "-pk")[: size * 4]
        )

    return Prepared(
        build,
        viewer=int,
        now=datetime,
        near=list,
        offer_words=str,
        offer_skills=list,
        need_words=str,
        need_skills=list,
    )


def _profile_rows(viewer: "User") -> list[tuple]:
    """(commune, kind, text, skill) of each of the member's lines, or one row
    (commune, None, None, None) when they have none: one query."""
    return list(
        Profile.objects.filter(user_id=viewer.pk).values_list(
            "commune_id",
            "offers_needs__kind",
            "offers_needs__text",
            "offers_needs__skill_id",
        )
    )
