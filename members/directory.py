"""The members directory: who knows what, and where (within each member's privacy)."""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from communes.models import Commune
from members import selectors
from members.models import Profile, User

PER_PAGE = 24
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


def search(*, viewer: User, filters: Filters) -> QuerySet[Profile]:
    profiles = Profile.objects.filter(user__is_active=True)
    if filters.q:
        for word in filters.q.split()[:6]:
            profiles = profiles.filter(
                Q(user__first_name__icontains=word)
                | Q(user__last_name__icontains=word)
                | Q(display_name__icontains=word)
                | Q(headline__icontains=word)
                | Q(profession__icontains=word)
                | Q(bio__icontains=word)
                | Q(offers__icontains=word)
                | Q(skills__name__icontains=word)
            )
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
    ids = profiles.values("pk")  # the joins above may repeat a profile
    return (
        Profile.objects.filter(pk__in=ids)
        .select_related("user", "commune")
        .prefetch_related("skills")
        .order_by(*SORTS.get(filters.sort, SORTS["name"]))
    )


def hide_private_communes(profiles: list[Profile], viewer: User) -> list[Profile]:
    """Blank the commune of each profile whose owner does not show it to `viewer`."""
    visible = selectors.visible_fields(profiles=profiles, viewer=viewer)
    for profile in profiles:
        if not visible[profile.user_id]["commune"]:
            profile.commune = None
    return profiles


def members_per_commune(*, viewer: User) -> list[tuple[Commune, int]]:
    """How many members live in each commune, counting only visible communes."""
    counts = dict(
        Profile.objects.filter(user__is_active=True, commune__isnull=False)
        .filter(selectors.field_visible_q(field="commune", viewer=viewer))
        .values("commune_id")
        .annotate(n=Count("pk"))
        .values_list("commune_id", "n")
    )
    communes = Commune.objects.in_bulk(list(counts))
    return sorted(
        ((communes[pk], count) for pk, count in counts.items()),
        key=lambda item: (-item[1], item[0].name),
    )
