"""Demo content owned by `home`: the committee index and the village committees."""

import random

from communes.models import Commune
from home.models import CommitteeIndexPage, CommitteePage, HomePage
from members.demo_data import COMMITTEE_DESCRIPTIONS

TOWNS_FIRST = 15  # the largest towns always have a committee


def of_place(name: str) -> str:
    """French "de" before a place name, with elision and contraction."""
    if name.startswith("Le "):
        return f"du {name[3:]}"
    if name.startswith("Les "):
        return f"des {name[4:]}"
    if name[0] in "AEIOUYÉÈÊ":
        return f"d'{name}"
    return f"de {name}"


def committee_communes(count: int, rng: random.Random) -> list[Commune]:
    """The communes that get a committee: the largest towns, then random villages."""
    communes = list(Commune.objects.order_by("-population", "insee_code"))
    chosen = communes[: min(TOWNS_FIRST, count)]
    villages = [c for c in communes[TOWNS_FIRST:] if c.population >= 150]
    chosen += rng.sample(villages, max(0, count - len(chosen)))
    return chosen


def seed_committees(count: int, rng: random.Random) -> list[CommitteePage]:
    home = HomePage.objects.get()
    index = CommitteeIndexPage.objects.child_of(home).first()
    if index is None:
        index = home.add_child(
            instance=CommitteeIndexPage(
                title="Les comités d'accueil",
                slug="comites",
                intro="<p>Dans chaque village du réseau, un comité de bénévoles "
                "accueille les nouveaux arrivants.</p>",
            )
        )
    existing = {page.commune_id: page for page in CommitteePage.objects.child_of(index)}
    committees = []
    for commune in committee_communes(count, rng):
        page = existing.get(commune.pk)
        if page is None:
            template = COMMITTEE_DESCRIPTIONS[int(commune.insee_code) % 3]
            page = index.add_child(
                instance=CommitteePage(
                    title=f"Comité d'accueil {of_place(commune.name)}",
                    slug=commune.slug,
                    commune=commune,
                    description=template.format(name=commune.name),
                    contact_email=f"accueil@{commune.slug}.sohosolo.example",
                )
            )
        committees.append(page)
    return committees
