"""Demo content owned by `members`: the remote workers, their profiles and roles."""

import math
import random
import secrets
import tomllib
from datetime import timedelta
from functools import cache
from pathlib import Path

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.utils import timezone
from django.utils.text import slugify
from faker import Faker

from activity import activity
from committees.models import CommitteeMembership
from communes.models import Commune
from members.models import FeedToken, OfferNeed, Profile, User

DEMO_PASSWORD = "gers-demo-2026"
DEMO_DOMAIN = "sohosolo.example"
NETWORK_EDITORS_GROUP = "Équipe réseau"
NEIGHBOURHOOD_KM = 15


@cache
def vocabulary() -> dict:
    """`demo_data.toml`: the network editors, and professions with their skills."""
    return tomllib.loads(Path(__file__).with_name("demo_data.toml").read_text("utf-8"))


def _create_user(email, first_name, last_name, *, password_hash, joined):
    user, created = User.objects.get_or_create(
        email=email,
        defaults={
            "first_name": first_name,
            "last_name": last_name,
            "password": password_hash,
            "date_joined": joined,
        },
    )
    if created:
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        FeedToken.objects.create(user=user, key=secrets.token_urlsafe(32))
    return user, created


def seed_network_editors(password_hash: str) -> list[User]:
    group = Group.objects.get(name=NETWORK_EDITORS_GROUP)
    editors = []
    for first_name, last_name in vocabulary()["network_editors"]:
        email = f"{slugify(first_name)}.{slugify(last_name)}@cci-gers.{DEMO_DOMAIN}"
        user, _ = _create_user(
            email,
            first_name,
            last_name,
            password_hash=password_hash,
            joined=timezone.now() - timedelta(days=1500),
        )
        Profile.objects.update_or_create(
            user=user,
            defaults={
                "profession": "Chargée de mission Sohosolo"
                if first_name == "Claire"
                else "Chargé de mission Sohosolo",
                "commune": Commune.objects.get(name="Auch"),
            },
        )
        user.groups.add(group)
        editors.append(user)
    return editors


BIOS = [
    "Installé·e dans le Gers après quinze ans en ville, je travaille à distance "
    "pour des clients en France et à l'étranger.",
    "J'ai quitté Toulouse pour la campagne : plus d'espace pour la famille, la "
    "fibre au village et un tiers-lieu à dix minutes.",
    "Indépendant·e depuis six ans, j'aime les projets au long cours et les "
    "collaborations entre métiers.",
    "Arrivé·e avec le programme Sohosolo, je donne volontiers un coup de main aux "
    "familles qui s'installent.",
]
OFFERS = [
    "Relecture et conseils sur {skill}.",
    "Un regard extérieur sur vos projets de {skill}.",
    "Une heure de mentorat par mois en {skill}.",
]
NEEDS = [
    "Des partenaires pour répondre à des appels d'offres.",
    "Un·e graphiste pour refaire mon site.",
    "Des conseils pour passer en société.",
    "Des covoitureurs pour les afterworks à Auch.",
]
LANGUAGE_SETS = [
    ["fr"],
    ["fr", "en"],
    ["fr", "en", "es"],
    ["fr", "de", "en"],
    ["fr", "it"],
]


def seed_offers_needs(profile: Profile, rng, skills: list[str], tagged) -> None:
    """A profile's lines: an offer of their trade (with its skill), often an
    everyday one, and a need of either kind."""
    everyday = vocabulary()["everyday"]
    skill = tagged.get(name=skills[0])
    offers = [(rng.choice(OFFERS).format(skill=skills[0].lower()), skill)]
    if rng.random() < 0.6:
        offers.append((rng.choice(everyday["offers"]), None))
    needs = [(rng.choice(NEEDS if rng.random() < 0.4 else everyday["needs"]), None)]
    OfferNeed.objects.bulk_create(
        OfferNeed(profile=profile, kind=kind, text=text, skill=skill, position=n)
        for kind, lines in (
            (OfferNeed.Kind.OFFER, offers),
            (OfferNeed.Kind.NEED, needs),
        )
        for n, (text, skill) in enumerate(lines)
    )


def profile_details(rng, profession, skills, joined) -> dict:
    """The rest of a demo profile, drawn from `rng` in a fixed order."""
    return {
        "headline": f"{profession} · {', '.join(skills[:2])}",
        "bio": rng.choice(BIOS),
        "arrival_year": joined.year,
        "languages": rng.choice(LANGUAGE_SETS),
        "open_to_collaborate": rng.random() < 0.6,
        "helps_newcomers": rng.random() < 0.35,
        "email_visibility": rng.choice(["members", "committees", "committees"]),
        "phone": f"06 {rng.randint(10, 99)} {rng.randint(10, 99)} "
        f"{rng.randint(10, 99)} {rng.randint(10, 99)}",
        "phone_visibility": rng.choice(["committees", "nobody", "nobody"]),
        "commune_visibility": rng.choice(
            ["members", "members", "committees", "nobody"]
        ),
    }


def seed_members(count: int, committees: list, seed: int) -> list[User]:
    """Members with French names, a profession, skills and a commune near a committee.

    Member i is the same for a given seed whatever the count, so re-running with a
    larger count adds members and re-running with the same count adds nothing.
    """
    fake = Faker("fr_FR")
    fake.seed_instance(seed)
    rng = random.Random(f"{seed}-members")
    communes = list(Commune.objects.all())
    neighbours = {
        committee.pk: [
            c for c in communes if c.distance_km(committee.commune) <= NEIGHBOURHOOD_KM
        ]
        for committee in committees
    }
    weights = [math.sqrt(c.commune.population) for c in committees]
    password_hash = make_password(DEMO_PASSWORD)
    skills_of = vocabulary()["professions"]
    professions = list(skills_of)
    used_emails: set[str] = set()
    members = []
    for i in range(count):
        first_name, last_name = fake.first_name(), fake.last_name()
        local = f"{slugify(first_name)}.{slugify(last_name)}"
        email = f"{local}@{DEMO_DOMAIN}"
        suffix = 2
        while email in used_emails:
            email = f"{local}{suffix}@{DEMO_DOMAIN}"
            suffix += 1
        used_emails.add(email)
        # Every committee gets at least one member, then the towns draw more.
        home = (
            committees[i]
            if i < len(committees)
            else rng.choices(committees, weights)[0]
        )
        commune = (
            home.commune if rng.random() < 0.4 else rng.choice(neighbours[home.pk])
        )
        profession = rng.choice(professions)
        skills = rng.sample(skills_of[profession], k=min(3, len(skills_of[profession])))
        second = rng.choice(committees) if rng.random() < 0.15 else None
        joined = timezone.now() - timedelta(days=rng.randint(10, 4 * 365))
        user, created = _create_user(
            email, first_name, last_name, password_hash=password_hash, joined=joined
        )
        if created:
            profile = Profile.objects.create(
                user=user,
                profession=profession,
                commune=commune,
                **profile_details(
                    random.Random(f"{seed}-profile-{i}"), profession, skills, joined
                ),
            )
            profile.skills.set(skills)
            seed_offers_needs(
                profile, random.Random(f"{seed}-lines-{i}"), skills, profile.skills
            )
            CommitteeMembership.objects.create(
                user=user, committee=home, joined_at=joined
            )
            if second is not None and second.pk != home.pk:
                CommitteeMembership.objects.create(
                    user=user, committee=second, joined_at=joined
                )
        members.append(user)
    return members


def assign_roles(committees: list) -> None:
    """In each committee: the longest-standing members become référent(s), an élu,
    volunteers; one référent is also the committee's editor."""
    Role = CommitteeMembership.Role
    for committee in committees:
        memberships = list(
            CommitteeMembership.objects.filter(committee=committee).order_by(
                "joined_at", "pk"
            )
        )
        larger = len(memberships) >= 8
        plan = (
            [Role.REFERENT] * (2 if larger else 1)
            + [Role.ELECTED]
            + [Role.VOLUNTEER] * (2 if larger else 1)
        )
        for position, membership in enumerate(memberships):
            membership.role = plan[position] if position < len(plan) else Role.MEMBER
            membership.is_editor = position == 0
        CommitteeMembership.objects.bulk_update(memberships, ["role", "is_editor"])


def seed_follows(members: list[User], committees: list, seed: int) -> None:
    """Members follow a few others and their own committee, through the service."""
    for i, user in enumerate(members):
        rng = random.Random(f"{seed}-follows-{i}")
        for other in rng.sample(members, k=min(len(members), rng.randint(1, 5))):
            if other.pk != user.pk:
                activity.follow(user, other)
        if rng.random() < 0.5:
            activity.follow(user, rng.choice(committees))
