"""The members directory: who knows what, and where (within each member's privacy)."""

import functools
from collections import Counter
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.contrib.postgres.lookups import TrigramSimilar
from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import Count, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.db.models.lookups import Contains

from communes.models import Commune
from intranet.fulltext import Unaccent, fold
from intranet.prepared import Prepared
from members import selectors
from members.models import OfferNeed, Profile, User, Visibility

PER_PAGE = 24
# Seconds during which what every member sees alike (skills offered, members per
# commune) is read from the cache.
SHARED_FOR = 120
SORTS = {
    "name": ("user__last_name", "user__first_name"),
    "recent": ("-user__date_joined",),
}


@dataclass
class Filters:
    q: str = ""
    committee: int | None = None
    commune: int | None = None
    skill: str = ""
    collaborate: bool = False
    helps: bool = False
    sort: str = "name"


# Searched with LIKE '%word%' in the text folded (lower case, no accents: « ecole »
# finds « École », « ÉCOLE » finds « ecole »), the same on both databases; on
# PostgreSQL the profile's own texts are folded once into `Profile.folded`
# (migration 0017), the names and skills at query time, each with a trigram index.
PROFILE_TEXTS = ["display_name", "headline", "profession", "bio"]
USER_TEXTS = ["first_name", "last_name"]
# The words of a search read, the others ignored.
MAX_WORDS = 6
# From this many letters, a word also finds the names it resembles (PostgreSQL's
# trigram similarity, over pg_trgm's threshold of 0.3): « Augre » finds « Auger ».
FUZZY_FROM = 4


def _any_text(prefix: str, texts: list[str], word: str) -> Q:
    return reduce(
        or_, (Q(Contains(Unaccent(f"{prefix}{text}"), word)) for text in texts)
    )


def _like_name(word: str) -> Q:
    return reduce(
        or_,
        (Q(TrigramSimilar(Unaccent(f"user__{text}"), word)) for text in USER_TEXTS),
    )


def _ways(word: str, fuzzy: bool | None = None) -> tuple[Q, Q, Q, Q]:
    """The ways a profile matches `word`, accents and case aside: its own texts,
    its member's name (on PostgreSQL, also a name one typo away, if `fuzzy`: by
    default from FUZZY_FROM letters), a skill's name, what it offers."""
    word = fold(word)
    if fuzzy is None:
        fuzzy = len(word) >= FUZZY_FROM
    names = _any_text("user__", USER_TEXTS, word)
    if connection.vendor == "postgresql" and fuzzy:
        names |= _like_name(word)
    own_texts = (
        Q(folded__contains=word)  # folded once, when written (PostgreSQL)
        if connection.vendor == "postgresql"
        else _any_text("", PROFILE_TEXTS, word)
    )
    skilled = Profile.objects.filter(Contains(Unaccent("skills__name"), word))
    # What they offer: its own table and index (members migration 0014).
    offers = OfferNeed.objects.filter(
        Contains(Unaccent("text"), word), kind=OfferNeed.Kind.OFFER
    )
    return (
        own_texts,
        names,
        Q(pk__in=skilled.order_by().values("pk")),
        Q(pk__in=offers.values("profile_id")),
    )


def _matching(word: str, fuzzy: bool | None = None) -> Q:
    """Profiles that match `word` one way or another: the profile's own texts
    read on its row (the profiles are scanned once), each other way in a subquery
    of its table (an index scan on PostgreSQL, hashed once), since an OR across
    joined tables would fold every member's name and skill."""
    own_texts, names, skilled, offers = _ways(word, fuzzy)
    named = Profile.objects.filter(names).order_by().values("pk")
    return own_texts | Q(pk__in=named) | skilled | offers


def first_found(*, viewer: User, query: str, limit: int) -> QuerySet[Profile]:
    """The first `limit` profiles `search` finds for `query`, in name order: the
    site search's overview. On PostgreSQL the first word's ways of matching are
    each read apart, their own first `limit` in name order (the name index walked
    when many match, their text's index when few do), and the first `limit` are
    among those: a frequent word (a quarter of the profiles at 100 × the demo)
    no longer sorts every profile that has it (30 → 8 ms). That union is built
    once per process for each number of words, long or short (`Prepared`)."""
    words = [fold(word) for word in query.split()[:MAX_WORDS]]
    if connection.vendor != "postgresql" or not words:
        return search(viewer=viewer, filters=Filters(q=query))
    shape = tuple(len(word) >= FUZZY_FROM for word in words)
    sql, params = _first_arms(shape, limit).sql(
        **{f"w{n}": word for n, word in enumerate(words)}
    )
    return (
        Profile.objects.filter(pk__in=RawSQL(sql, params))
        .select_related("user", "commune")
        .order_by(*SORTS["name"])
    )


@functools.lru_cache(maxsize=64)
def _first_arms(fuzzy: tuple[bool, ...], limit: int) -> Prepared:
    """The union of `first_found` for words (folded) of this shape: whether each
    also finds the names it resembles."""

    def build(**words: str) -> QuerySet:
        (first, first_fuzzy), *others = zip(words.values(), fuzzy, strict=True)
        arms = []
        for way in _ways(first, first_fuzzy):
            arm = Profile.objects.filter(way, user__is_active=True)
            for word, word_fuzzy in others:
                arm = arm.filter(_matching(word, word_fuzzy))
            arms.append(arm.order_by(*SORTS["name"]).values("pk")[:limit])
        return arms[0].union(*arms[1:])

    return Prepared(build, **{f"w{n}": str for n in range(len(fuzzy))})


def search(*, viewer: User, filters: Filters) -> QuerySet[Profile]:
    profiles = Profile.objects.filter(user__is_active=True)
    for word in filters.q.split()[:MAX_WORDS]:
        profiles = profiles.filter(_matching(word))
    if filters.committee:
        profiles = profiles.filter(
            user__committee_memberships__committee_id=filters.committee
        )
    if filters.commune:
        profiles = profiles.filter(commune_id=filters.commune).filter(
            selectors.field_visible_q(field="commune", viewer=viewer)
        )
    if filters.skill:
        profiles = profiles.filter(skills__slug=filters.skill)
    if filters.collaborate:
        profiles = profiles.filter(open_to_collaborate=True)
    if filters.helps:
        profiles = profiles.filter(helps_newcomers=True)
    # No filter joins a profile to several rows (a skill and a committee are
    # each one row), so no DISTINCT: the page walks the name index.
    return (
        profiles.select_related("user", "commune")
        .prefetch_related("skills")
        .order_by(*SORTS.get(filters.sort, SORTS["name"]))
    )


def page(profiles: QuerySet[Profile], filters: Filters, number: str | None) -> Page:
    """One page of the directory. Unfiltered, the count of every active member is
    the same for everyone: cached for `SHARED_FOR` seconds rather than counted."""
    paginator = Paginator(profiles, PER_PAGE)
    if filters == Filters(sort=filters.sort):
        paginator.__dict__["count"] = cache.get_or_set(
            "directory:count", lambda: paginator.count, timeout=SHARED_FOR
        )
    return paginator.get_page(number)


def hide_private_communes(profiles: list[Profile], viewer: User) -> list[Profile]:
    """Blank the commune of each profile whose owner does not show it to `viewer`."""
    visible = selectors.visible_fields(profiles=profiles, viewer=viewer)
    for profile in profiles:
        if not visible[profile.user_id]["commune"]:
            profile.commune = None
    return profiles


def skill_choices() -> list[tuple[str, str]]:
    """The skill filter's choices: the same for every member, so cached a while."""
    return cache.get_or_set(
        "directory:skills", selectors.skill_choices, timeout=SHARED_FOR
    )


def _shown_to_all() -> tuple[dict[int, int], dict[int, Commune]]:
    """Members per commune among those who show it to every member, and those
    communes: the same for every viewer (a scan of every profile, hence cached)."""
    counts = dict(
        Profile.objects.filter(
            user__is_active=True,
            commune__isnull=False,
            commune_visibility=Visibility.MEMBERS,
        )
        .values("commune_id")
        .annotate(n=Count("pk"))
        .values_list("commune_id", "n")
    )
    return counts, Commune.objects.in_bulk(list(counts))


def members_per_commune(*, viewer: User) -> list[tuple[Commune, int]]:
    """How many members live in each commune, counting only the communes `viewer`
    may see (`selectors.field_visible_q`): those shown to every member, plus the
    viewer's own and their committee mates' who show it to their committees (read
    per viewer: every profile that does not show its commune to all, 11 ms at
    28,000 members). Both are kept in the cache for `SHARED_FOR` seconds: a
    count of the filter's choices may lag a changed profile by as much."""
    shown, communes = cache.get_or_set(
        "directory:communes", _shown_to_all, timeout=SHARED_FOR
    )
    counts = Counter(shown)
    extra, extra_communes = cache.get_or_set(
        f"directory:communes-of:{viewer.pk}",  # (a list of communes until #19)
        lambda: _shown_to(viewer),
        timeout=SHARED_FOR,
    )
    counts.update(extra)
    for pk, commune in extra_communes.items():
        communes.setdefault(pk, commune)
    return sorted(
        ((communes[pk], count) for pk, count in counts.items()),
        key=lambda item: (-item[1], item[0].name),
    )


def _shown_to(viewer: User) -> tuple[dict[int, int], dict[int, Commune]]:
    """Members per commune among those who show it to `viewer` and not to everyone,
    and those communes: each commune once (kept as one per member, reading them
    back from the cache cost 10 ms a page at 100 times the demo)."""
    counts: Counter[int] = Counter()
    communes: dict[int, Commune] = {}
    for profile in (
        Profile.objects.filter(user__is_active=True, commune__isnull=False)
        .exclude(commune_visibility=Visibility.MEMBERS)
        .filter(selectors.field_visible_q(field="commune", viewer=viewer))
        .select_related("commune")
        .only("commune")
    ):
        counts[profile.commune_id] += 1
        communes.setdefault(profile.commune_id, profile.commune)
    return dict(counts), communes


def is_filtered(filters: Filters) -> bool:
    return filters != Filters(sort=filters.sort)


def members_per_commune_among(
    *,
    profiles: QuerySet[Profile],
    viewer: User,
    communes: list[tuple[Commune, int]],
) -> list[tuple[Commune, int]]:
    """`members_per_commune` for the profiles a search found (the map follows the
    directory's filters), in one query: the communes come from `communes`, every
    commune `viewer` may see, which holds each of these."""
    known = {commune.pk: commune for commune, _count in communes}
    counts = (
        profiles.prefetch_related(None)
        .filter(commune__isnull=False)
        .filter(selectors.field_visible_q(field="commune", viewer=viewer))
        .order_by()
        .values("commune_id")
        .annotate(n=Count("pk"))
        .values_list("commune_id", "n")
    )
    return sorted(
        ((known[pk], count) for pk, count in counts if pk in known),
        key=lambda item: (-item[1], item[0].name),
    )
