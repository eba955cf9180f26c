"""The demo network's broadband tests: a few hundred over the committees'
communes, by their members, over the last ten months. Towns have fibre, villages
a mix of fibre, VDSL and ADSL, and a handful of « zones blanches » live on 4G
boxes and satellite. A few communes stay under the threshold of three members."""

import random
from datetime import timedelta

from django.utils import timezone

from committees.models import CommitteeMembership
from territory import services
from territory.models import Place, Source, SpeedTest, Technology

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
