"""The demo network's broadband tests and workspaces. Tests: a few hundred over the committees'
communes, by their members, over the last ten months. Towns have fibre, villages
a mix of fibre, VDSL and ADSL, and a handful of « zones blanches » live on 4G
boxes and satellite. A few communes stay under the threshold of three members."""

import random
from datetime import timedelta

from django.utils import timezone
from wagtail.models import Site

from committees.models import CommitteeMembership
from communes.models import Commune
from territory import services
from territory.models import (
    MeetingProposal,
    Place,
    Source,
    SpeedTest,
    Technology,
    WorkspaceIndexPage,
    WorkspacePage,
    WorkspaceRegular,
)

# (technology, download, upload (Mb/s), latency (ms)): the middle of each
# range, spread by a log-normal factor.
LINES = {
    Technology.FIBRE: (500, 300, 12),
    Technology.VDSL: (45, 9, 22),
    Technology.ADSL: (7, 0.8, 42),
    Technology.MOBILE: (28, 8, 48),
    Technology.SATELLITE: (90, 12, 45),  # low orbit; a geostationary dish below
    Technology.OTHER: (20, 4, 35),
}
WHITE_ZONES = 5


def _line(technology: str, rng: random.Random) -> tuple[float, float, float]:
    down, up, latency = LINES[technology]
    if technology == Technology.SATELLITE and rng.random() < 0.35:
        down, up, latency = 20, 3, 620  # a geostationary dish
    spread = rng.lognormvariate(0, 0.35)
    return (
        round(min(down * spread, 940), 1),
        round(min(up * spread * rng.uniform(0.8, 1.2), 700), 1),
        round(latency * rng.lognormvariate(0, 0.25), 0),
    )


def _mix(committee, rng: random.Random, white: bool) -> list[tuple[str, int]]:
    """The lines of a commune, with their weights."""
    if white:
        return [(Technology.MOBILE, 5), (Technology.SATELLITE, 3), (Technology.ADSL, 2)]
    if committee.commune.population > 3000 or committee.fibre == "available":
        return [(Technology.FIBRE, 8), (Technology.VDSL, 1), (Technology.MOBILE, 1)]
    if committee.fibre == "partial":
        return [(Technology.FIBRE, 4), (Technology.VDSL, 3), (Technology.ADSL, 2),
                (Technology.MOBILE, 1)]  # fmt: skip
    return [(Technology.VDSL, 3), (Technology.ADSL, 4), (Technology.MOBILE, 2),
            (Technology.FIBRE, 1)]  # fmt: skip


def seed_broadband(committees, seed: int) -> None:
    """Idempotent: does nothing once the demo has tests."""
    if SpeedTest.objects.exists():
        return
    rng = random.Random(f"{seed}-broadband")
    now = timezone.now()
    people_of: dict[int, list] = {}
    for membership in CommitteeMembership.objects.select_related("user"):
        people_of.setdefault(membership.committee_id, []).append(membership.user)
    small = [c for c in committees if c.commune.population <= 3000]
    white = {c.pk for c in rng.sample(small, min(WHITE_ZONES, len(small)))}
    tests = []
    for committee in committees:
        people = people_of.get(committee.pk, [])
        if not people:
            continue
        mix = _mix(committee, rng, committee.pk in white)
        # Most communes pass the threshold of three members; a few do not.
        testers = rng.sample(people, min(len(people), rng.choice([2, 3, 4, 5, 6, 8])))
        for person in testers:
            technology = rng.choices([t for t, _ in mix], [w for _, w in mix])[0]
            for _ in range(rng.choice([1, 1, 2, 2, 3])):
                down, up, latency = _line(technology, rng)
                tests.append(
                    SpeedTest(
                        user=person,
                        commune=committee.commune,
                        technology=technology,
                        place=Place.HOME,
                        download_mbps=down,
                        upload_mbps=up,
                        latency_ms=latency,
                        source=rng.choice([Source.BROWSER] * 3 + [Source.MANUAL]),
                        measured_at=now
                        - timedelta(minutes=rng.randint(60, 300 * 24 * 60)),
                    )
                )
        # The committee's coworking, tested by a member or two.
        if committee.coworking and people:
            for _ in range(rng.choice([0, 1, 2])):
                down, up, latency = _line(Technology.FIBRE, rng)
                tests.append(
                    SpeedTest(
                        user=rng.choice(people),
                        commune=committee.commune,
                        technology=Technology.FIBRE,
                        place=Place.WORKSPACE,
                        download_mbps=down,
                        upload_mbps=up,
                        latency_ms=latency,
                        measured_at=now
                        - timedelta(minutes=rng.randint(60, 200 * 24 * 60)),
                    )
                )
    for test in tests:
        test.created_at = test.measured_at
    SpeedTest.objects.bulk_create(tests)
    for commune_id in sorted({test.commune_id for test in tests}):
        services.commune_recompute(commune_id=commune_id)


# Workspaces: a directory, ten places in real towns (under their committee's page
# where there is one), regulars, proposals to meet, tests of their lines.

DIRECTORY_INTRO = (
    "<p>Coworkings, télécentres, tiers-lieux et médiathèques où poser son "
    "ordinateur pour la journée, près de chez vous ou de la commune où vous "
    "pensez vous installer.</p>"
)
# (title, commune, kind, hours, day, month, room, down, up, technology,
#  meeting room, visio, printer, lockers, accessibility)
WORKSPACES = [
    ("Coworking Auch centre", "Auch", "coworking", "Lun–ven 8 h 30–19 h", 15, 180, 20, 1000, 500, "fibre", True, True, True, True, "Accès de plain-pied, toilettes adaptées."),
    ("Tiers-lieu La Fabrique", "Lectoure", "third_place", "Mar–sam 9 h–18 h", 12, 140, 15, 500, 250, "fibre", True, True, True, False, "Rez-de-chaussée, rampe à l'entrée."),
    ("Télécentre d'Eauze", "Eauze", "telecentre", "Lun–ven 9 h–18 h", 10, 120, 18, 300, 300, "fibre", True, True, True, True, "Ascenseur, places de parking adaptées."),
    ("Coworking de la Halle", "Fleurance", "coworking", "Lun–ven 8 h–19 h", 14, 160, 20, 1000, 700, "fibre", True, True, False, True, "Premier étage sans ascenseur."),
    ("Espace partagé du Baradé", "Condom", "coworking", "Lun–ven 9 h–18 h 30", 12, 150, 15, 800, 400, "fibre", False, True, True, False, "Accès de plain-pied."),
    ("Télécentre de L'Isle-Jourdain", "L'Isle-Jourdain", "telecentre", "Lun–sam 8 h–20 h", 15, 190, 25, 1000, 800, "fibre", True, True, True, True, "Bâtiment accessible, boucle magnétique en salle de réunion."),
    ("Médiathèque — espace de travail", "Mirande", "library", "Mar, jeu, ven 10 h–18 h ; sam 10 h–12 h", 0, 0, None, 100, 50, "fibre", False, False, True, False, "Accès de plain-pied, toilettes adaptées."),
    ("Tiers-lieu du Savès", "Samatan", "third_place", "Lun–ven 9 h–17 h", 10, 110, 12, 60, 15, "vdsl", True, False, True, False, "Rez-de-chaussée."),
    ("Télécentre de Marciac", "Marciac", "telecentre", "Lun–ven 9 h–18 h", 10, 100, 15, 200, 100, "fibre", True, True, True, True, "Accès de plain-pied."),
    ("Tiers-lieu de Vic", "Vic-Fezensac", "third_place", "Mer–sam 9 h–18 h", 8, 90, 10, 30, 8, "mobile", False, True, False, False, "Marche à l'entrée (rampe amovible sur demande)."),
]  # fmt: skip
NOTES = [
    "J'y suis toute la journée, déjeuner ensemble à midi ?",
    "Session de travail au calme le matin, café à 10 h 30.",
    "Je viens tester la salle de visio, qui m'accompagne ?",
    "",
]


def seed_workspaces(committees, seed: int) -> None:
    """Idempotent: does nothing once the demo has workspaces."""
    if WorkspacePage.objects.exists():
        return
    rng = random.Random(f"{seed}-workspaces")
    home = Site.objects.get(is_default_site=True).root_page
    directory = WorkspaceIndexPage.objects.child_of(home).first() or home.add_child(
        instance=WorkspaceIndexPage(
            title="Lieux de travail", slug="lieux-de-travail", intro=DIRECTORY_INTRO
        )
    )
    by_commune = {c.commune.name: c for c in committees}
    people_of: dict[int, list] = {}
    for membership in CommitteeMembership.objects.select_related("user"):
        people_of.setdefault(membership.committee_id, []).append(membership.user)
    # Once each (a member may belong to several committees).
    everyone = list({u.pk: u for users in people_of.values() for u in users}.values())
    today = timezone.localdate()
    now = timezone.now()
    for (title, name, kind, hours, day, month, room, down, up, tech, has_room,
         visio, printer, lockers, access) in WORKSPACES:  # fmt: skip
        commune = Commune.objects.get(name=name)
        committee = by_commune.get(name)
        parent = committee or directory
        page = parent.add_child(
            instance=WorkspacePage(
                title=title,
                kind=kind,
                commune=commune,
                address=f"{rng.randint(1, 40)} place de la Mairie",
                opening_hours=hours,
                description=(
                    "<p>Des bureaux en open space et au calme, une cuisine "
                    "partagée, du café et des voisins de bureau qui connaissent "
                    "le coin.</p>"
                ),
                price_day=day or None,
                price_month=month or None,
                price_meeting_room=room,
                advertised_download=down,
                advertised_upload=up,
                technology=tech,
                has_meeting_room=has_room,
                has_videoconference=visio,
                has_printer=printer,
                has_lockers=lockers,
                accessibility=access,
                contact_email=f"contact@{commune.slug}.tiers-lieu.example",
                contact_phone=f"05 62 {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
            )
        )
        local = people_of.get(committee.pk, []) if committee else []
        pool = local or everyone
        regulars = rng.sample(pool, min(len(pool), rng.randint(1, 5)))
        for person in regulars:
            WorkspaceRegular.objects.create(
                user=person,
                workspace=page,
                created_at=now - timedelta(days=rng.randint(5, 300)),
            )
        for _ in range(rng.choice([0, 1, 2])):
            MeetingProposal.objects.create(
                user=rng.choice(pool),
                workspace=page,
                day=today + timedelta(days=rng.randint(1, 20)),
                note=rng.choice(NOTES),
            )
        for person in regulars[:2]:
            measured, sent, latency = _line(tech, rng)
            SpeedTest.objects.create(
                user=person,
                commune=commune,
                technology=tech,
                place=Place.WORKSPACE,
                workspace=page,
                download_mbps=min(measured, down * 0.95),
                upload_mbps=min(sent, up * 0.95),
                latency_ms=latency,
                measured_at=now - timedelta(minutes=rng.randint(60, 90 * 24 * 60)),
            )
        services.commune_recompute(commune_id=commune.pk)
