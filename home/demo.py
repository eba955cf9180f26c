"""Demo content owned by `home`: the committee index and the village committees."""

import math
import random
import tomllib
from datetime import timedelta
from functools import cache
from io import BytesIO
from pathlib import Path

from django.core.files.images import ImageFile
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images.models import Image

from committees.models import CommitteeMembership, CommitteePage
from communes.models import Commune
from home.models import (
    CommitteeIndexPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    StandardPage,
)

TOWNS_FIRST = 15  # the largest towns always have a committee


@cache
def content() -> dict:
    """The texts of `demo_content.toml`: news, local news, committee descriptions,
    the programme's pages, market days."""
    return tomllib.loads(
        Path(__file__).with_name("demo_content.toml").read_text("utf-8")
    )


def of_place(name: str) -> str:
    """French "de" before a place name, with elision and contraction."""
    if name.startswith("Le "):
        return f"du {name[3:]}"
    if name.startswith("Les "):
        return f"des {name[4:]}"
    if name[0] in "AEIOUYÉÈÊ":
        return f"d'{name}"
    return f"de {name}"


def at_place(name: str) -> str:
    """French "à" before a place name, with contraction."""
    if name.startswith("Le "):
        return f"au {name[3:]}"
    if name.startswith("Les "):
        return f"aux {name[4:]}"
    return f"à {name}"


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
            template = content()["committee_descriptions"][int(commune.insee_code) % 3]
            page = index.add_child(
                instance=CommitteePage(
                    title=f"Comité d'accueil {of_place(commune.name)}",
                    slug=commune.slug,
                    commune=commune,
                    description=template.format(
                        of=of_place(commune.name),
                        at=at_place(commune.name),
                        at_cap="À" + at_place(commune.name)[1:],
                    ),
                    contact_email=f"accueil@{commune.slug}.sohosolo.example",
                )
            )
        committees.append(page)
    return committees


# --- Editorial content -----------------------------------------------------------

STATIONS = ["Auch", "Aubiet", "Gimont", "L'Isle-Jourdain"]  # the Auch–Toulouse line
PALETTES = [  # sky top, sky bottom, far hills, near hills, fields
    ((120, 170, 215), (250, 214, 165), (120, 140, 160), (78, 122, 74), (233, 196, 70)),
    ((90, 140, 200), (200, 225, 240), (140, 150, 175), (95, 140, 80), (190, 160, 90)),
    ((250, 170, 120), (255, 225, 170), (150, 120, 140), (110, 120, 70), (220, 180, 60)),
    ((70, 110, 170), (170, 200, 230), (100, 120, 150), (60, 100, 70), (150, 170, 80)),
]


def landscape_image(title: str, seed: int):
    """A Gers-like landscape drawn locally (sky, Pyrenees, hills, sunflower fields)."""

    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    rng = random.Random(seed)
    width, height = 1200, 720
    sky_top, sky_bottom, far, near, field = PALETTES[seed % len(PALETTES)]
    picture = PILImage.new("RGB", (width, height))
    draw = ImageDraw.Draw(picture)
    for y in range(height):
        t = y / height
        colour = tuple(
            int(a + (b - a) * t) for a, b in zip(sky_top, sky_bottom, strict=True)
        )
        draw.line([(0, y), (width, y)], fill=colour)
    sun_x, sun_y = rng.randint(150, width - 150), rng.randint(80, 220)
    draw.ellipse([sun_x - 45, sun_y - 45, sun_x + 45, sun_y + 45], fill=(255, 236, 170))
    # The Pyrenees on the horizon, then three layers of rolling hills.
    peaks = [(0, 400)]
    for x in range(0, width + 60, 60):
        peaks.append((x, 330 + rng.randint(-40, 40)))
    peaks.append((width, 400))
    draw.polygon(peaks + [(width, height), (0, height)], fill=(200, 205, 220))
    for layer, (base, colour) in enumerate([(430, far), (500, near), (590, field)]):
        points = [(0, height)]
        phase = rng.random() * 6.28
        for x in range(0, width + 20, 20):
            y = base + 25 * math.sin(x / (160 + 60 * layer) + phase)
            points.append((x, int(y)))
        points.append((width, height))
        draw.polygon(points, fill=colour)
    buffer = BytesIO()
    picture.save(buffer, "JPEG", quality=80, optimize=True)
    return Image.objects.create(
        title=title,
        description=title,
        file=ImageFile(buffer, name=f"demo-{slugify(title)}.jpg"),
    )


def village_sheet(commune: Commune, rng: random.Random, towns: list[Commune]) -> dict:
    """A plausible village sheet, from the commune's size and its nearest towns."""

    nearest_town = min(
        (t for t in towns if t.pk != commune.pk),
        key=lambda t: t.distance_km(commune),
    )
    station = min(
        Commune.objects.filter(name__in=STATIONS), key=lambda t: t.distance_km(commune)
    )
    station_km = round(station.distance_km(commune))
    big = commune.population >= 2000
    fibre = (
        CommitteePage.Fibre.AVAILABLE
        if big
        else rng.choice(list(CommitteePage.Fibre.values))
    )
    speeds = {
        "available": "Fibre jusqu'à 1 Gb/s dans le bourg et la plupart des hameaux",
        "partial": "Fibre 1 Gb/s dans le bourg ; ADSL 4 à 10 Mb/s dans les écarts",
        "planned": "ADSL 8 Mb/s environ ; box 4G conseillée en attendant la fibre",
        "none": "ADSL 2 à 6 Mb/s ; box 4G ou satellite recommandés",
    }[fibre]
    town = nearest_town.name if not big else commune.name
    day = rng.choice(content()["market_days"])
    return {
        "fibre": fibre,
        "typical_speeds": speeds,
        "mobile_coverage": "good" if big else rng.choice(["good", "fair", "weak"]),
        "nearest_station": (
            f"Gare {of_place(station.name)}"
            + ("" if station.pk == commune.pk else f", à {station_km} km")
        ),
        "schools": (
            f"École maternelle et élémentaire {at_place(commune.name)} ; "
            f"collège {at_place(town)}."
            if commune.population >= 400
            else "Regroupement pédagogique avec les villages voisins ; "
            f"collège {at_place(town)}."
        ),
        "childcare": (
            f"Micro-crèche et assistantes maternelles {at_place(commune.name)}."
            if commune.population >= 800
            else f"Assistantes maternelles ; crèche {at_place(town)}."
        ),
        "doctors": f"Maison de santé {at_place(town)} ; pharmacie {at_place(town)}.",
        "markets": f"Marché le {day} matin {at_place(town)} ; épicerie et boulangerie."
        if not big
        else f"Marché le {day} matin ; commerces de proximité.",
        "coworking": f"Tiers-lieu avec fibre {at_place(town)}, ouvert au réseau.",
        "contact_phone": f"05 62 {rng.randint(10, 99)} {rng.randint(10, 99)} "
        f"{rng.randint(10, 99)}",
        "sheet_checked_on": timezone.localdate() - timedelta(days=rng.randint(5, 180)),
    }


def seed_village_sheets(committees: list, seed: int) -> None:
    towns = list(Commune.objects.order_by("-population")[:15])
    for committee in committees:
        if committee.sheet_checked_on:
            continue
        rng = random.Random(f"{seed}-sheet-{committee.commune.insee_code}")
        for field, value in village_sheet(committee.commune, rng, towns).items():
            setattr(committee, field, value)
        committee.save()


def _body(paragraphs: list[str], image=None, alt: str = "") -> list:
    body = [("paragraph", f"<p>{text}</p>") for text in paragraphs]
    if image is not None:
        body.insert(1, ("image", {"image": image, "alt": alt, "caption": ""}))
    return body


def seed_editorial(committees: list, editors: list, seed: int) -> None:
    """The news index with 30 network news, local news in every committee, and the
    programme's standard pages. Pages already there (same slug) are left alone."""

    rng = random.Random(f"{seed}-editorial")
    home = HomePage.objects.get()
    images = [landscape_image(f"Paysage du Gers n°{i + 1}", seed + i) for i in range(8)]
    index = NewsIndexPage.objects.child_of(home).first() or home.add_child(
        instance=NewsIndexPage(
            title="Actualités",
            slug="actualites",
            intro="Les nouvelles du réseau et des comités d'accueil.",
        )
    )
    today = timezone.localdate()
    existing = set(NewsPage.objects.child_of(index).values_list("slug", flat=True))
    for position, item in enumerate(content()["network_news"]):
        title = item["title"]
        slug = slugify(title)[:80]
        if slug in existing:
            continue
        image = images[position % len(images)]
        news = index.add_child(
            instance=NewsPage(
                title=title,
                slug=slug,
                date=today - timedelta(days=position * 11 + rng.randint(0, 6)),
                intro=item["intro"],
                body=_body(item["paragraphs"]),
                main_image=image,
                main_image_alt="Paysage de collines et de champs du Gers",
                author=editors[position % len(editors)],
            )
        )
        news.tags.add(*item["tags"])
        news.save()
    for committee in committees:
        local = set(NewsPage.objects.child_of(committee).values_list("slug", flat=True))
        if local:
            continue
        crng = random.Random(f"{seed}-local-{committee.commune.insee_code}")
        author = (
            CommitteeMembership.objects.filter(committee=committee, is_editor=True)
            .values_list("user", flat=True)
            .first()
        )
        name = committee.commune.name
        local_news = content()["local_news"]
        for position, item in enumerate(
            crng.sample(local_news, crng.randint(3, min(10, len(local_news))))
        ):
            title = item["title"].format(name=name, of=of_place(name))
            news = committee.add_child(
                instance=NewsPage(
                    title=title,
                    slug=slugify(title)[:80],
                    date=today - timedelta(days=position * 17 + crng.randint(0, 9)),
                    intro=item["intro"].format(name=name, of=of_place(name)),
                    author_id=author,
                )
            )
            news.tags.add(*item["tags"])
            news.save()
    for page in content()["pages"]:
        title, intro = page["title"], page["intro"]
        # Each block of the body is one `kind = value` of the file.
        body = [block for blocks in page["body"] for block in blocks.items()]
        slug = slugify(title)
        if StandardPage.objects.filter(slug=slug).exists():
            continue
        if body and body[1][0] == "paragraph":
            body = [
                body[0],
                body[1],
                (
                    "image",
                    {
                        "image": images[len(slug) % len(images)],
                        "alt": "Collines du Gers au coucher du soleil",
                        "caption": "Le Gers, entre Pyrénées et coteaux.",
                    },
                ),
                *body[2:],
            ]
        home.add_child(
            instance=StandardPage(title=title, slug=slug, intro=intro, body=body)
        )
