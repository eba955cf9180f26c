"""The demo network's mutual help: about 80 entries over the last year, half of
them settled or expired, with answers, by members near their committees
(texts in `demo_data.toml`)."""

import random
import tomllib
from datetime import timedelta
from functools import cache
from pathlib import Path

from django.utils import timezone

from members.models import Profile
from mutualaid import services
from mutualaid.models import HelpEntry

ENTRIES = 80


@cache
def texts() -> dict:
    return tomllib.loads(Path(__file__).with_name("demo_data.toml").read_text("utf-8"))


def seed_help(people: list, seed: int, count: int = ENTRIES) -> None:
    """Entries by members with a commune, dated over the past year (the older
    ones settled or expired, the recent ones mostly open), each answered by up
    to three members; idempotent (nothing is added once there are entries)."""
    if HelpEntry.objects.exists():
        return
    rng = random.Random(f"{seed}-mutualaid")
    communes = dict(
        Profile.objects.filter(user__in=people, commune__isnull=False).values_list(
            "user_id", "commune_id"
        )
    )
    authors = [person for person in people if person.pk in communes]
    if len(authors) < 2:
        return
    data = texts()
    now = timezone.now()
    for i in range(count):
        kind, category, title, details, skill = data["entries"][
            i % len(data["entries"])
        ]
        author = rng.choice(authors)
        # The older half from a year to 100 days ago, long settled or expired;
        # the recent half over the past 80 days, open for 90 days.
        older = i < count // 2
        if older:
            age_days = 365 - 265 * i / (count // 2)
            days = rng.choice([7, 14, 30, 30, 90])
        else:
            age_days = 80 * (count - i) / (count - count // 2)
            days = HelpEntry.MAX_DAYS
        at = now - timedelta(days=age_days, hours=rng.randint(0, 20))
        entry = services.entry_create(
            author=author,
            kind=kind,
            category=category,
            title=title,
            details=details,
            skill=skill,
            days=days,
            at=at,
        )
        others = [person for person in rng.sample(authors, 4) if person != author]
        replies = data[
            "answers_to_offers" if kind == "offer" else "answers_to_requests"
        ]
        for n, other in enumerate(others[: rng.randint(0, 3)]):
            services.answer_create(
                entry=entry,
                author=other,
                message=rng.choice(replies),
                at=at + timedelta(hours=3 + 20 * n),
            )
        # The older ones: most settled by their author, the others expired
        # (closed below); a few recent ones already settled.
        if (older and rng.random() < 0.7) or (not older and rng.random() < 0.1):
            HelpEntry.objects.filter(pk=entry.pk).update(
                status=HelpEntry.Status.CLOSED,
                closed_at=min(at + timedelta(days=rng.randint(1, days)), now),
            )
    services.close_expired()
