"""The demo network's chat: a few months of conversation in the network rooms,
every committee's room, and conversations between members (about 72 messages per
member: some 20,000 for the default network of 280).

Rooms and conversations are made through the services. The messages are replayed
from `demo_texts.toml` and written in bulk, in the order of their dates so that ids
grow with time as in real use (the services would take minutes for that volume, and
their rate limit is for people). Then each member has read almost everything: a
few recent messages stay unread.
"""

import random
import tomllib
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path

from django.utils import timezone

from chat import services
from chat.models import Message, ReadMarker, Room
from committees.models import CommitteeMembership

PER_MEMBER = 72  # messages
DAYS = 150  # the conversation goes this far back
TOWNS = ["Auch", "Condom", "Fleurance", "Lectoure", "L'Isle-Jourdain", "Eauze",
         "Mirande", "Nogaro", "Vic-Fezensac", "Samatan", "Gimont", "Marciac"]  # fmt: skip
DAYS_FR = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"]
SHARES = {"network": 0.3, "committee": 0.45, "direct": 0.25}


@cache
def texts() -> dict[str, tuple]:
    """The exchanges of `demo_texts.toml` by kind (general, committee, direct…),
    each a tuple of (speaker, text) lines."""
    data = tomllib.loads(Path(__file__).with_name("demo_texts.toml").read_text("utf-8"))
    return {
        kind: tuple(tuple(map(tuple, exchange["lines"])) for exchange in exchanges)
        for kind, exchanges in data.items()
    }


@dataclass
class Line:
    room: Room
    author_id: int
    body: str
    at: datetime


def _moment(rng: random.Random, now: datetime) -> datetime:
    """A plausible time to chat: weekdays mostly, from 8 to 22 h."""
    while True:
        day = now - timedelta(days=rng.randrange(DAYS))
        if day.weekday() < 5 or rng.random() < 0.35:
            break
    local = timezone.localtime(day)
    return local.replace(
        hour=rng.choice([8, 9, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 18, 20, 21]),
        minute=rng.randrange(60),
    )


def _replay(rng, now, room, exchange, people, place, lines: list[Line]) -> None:
    speakers = rng.sample(people, max(s for s, _text in exchange) + 1)
    values = {"commune": place, "town": rng.choice(TOWNS), "day": rng.choice(DAYS_FR)}
    for index, person in enumerate(speakers):
        values[f"name{index}"] = person.first_name
        values[f"@{index}"] = f"@[{person.pk}]"
    at = _moment(rng, now)
    for speaker, text in exchange:
        at += timedelta(minutes=rng.choice([1, 1, 2, 3, 5, 8, 15, 40]))
        if at >= now:
            break
        lines.append(Line(room, speakers[speaker].pk, text.format(**values), at))


def _play(rng, now, room, texts, people, place, count, lines) -> None:
    """About `count` messages of `texts` in `room`, among `people`."""
    usable = [e for e in texts if max(s for s, _t in e) < len(people)]
    if len(people) < 2 or not usable:
        return
    written = 0
    while written < count:
        exchange = rng.choice(usable)
        _replay(rng, now, room, exchange, people, place, lines)
        written += len(exchange)


def seed_chat(members, committees, seed: int, editors=()) -> None:
    if Message.objects.exists():
        return
    rng = random.Random(seed)
    now = timezone.now()
    budget = len(members) * PER_MEMBER
    everyone = list(members) + list(editors)
    lines: list[Line] = []

    network = {room.slug: room for room in Room.objects.filter(kind=Room.Kind.NETWORK)}
    for slug, share in (("general", 0.45), ("entraide", 0.35), ("coworking", 0.2)):
        if slug in network:
            count = int(budget * SHARES["network"] * share)
            _play(
                rng, now, network[slug], texts()[slug], everyone, "Auch", count, lines
            )

    by_committee: dict[int, list] = {}
    people = {person.pk: person for person in everyone}
    for committee_id, user_id in CommitteeMembership.objects.values_list(
        "committee_id", "user_id"
    ):
        if user_id in people:
            by_committee.setdefault(committee_id, []).append(people[user_id])
    weight = sum(len(v) for v in by_committee.values()) or 1
    for committee in committees:
        room = services.committee_room(committee=committee)
        if editors and rng.random() < 0.2:
            services.committee_room_access_set(
                committee=committee, by=editors[0], access=Room.Access.CLOSED
            )
        found = by_committee.get(committee.pk, [])
        count = int(budget * SHARES["committee"] * len(found) / weight)
        place = committee.commune.name if committee.commune_id else "Auch"
        _play(rng, now, room, texts()["committee"], found, place, count, lines)

    _conversations(rng, now, everyone, by_committee, editors, budget, lines)
    _write(rng, lines)


def _conversations(rng, now, everyone, by_committee, editors, budget, lines) -> None:
    """1:1 conversations (mostly between neighbours) and a few groups."""
    count = int(budget * SHARES["direct"])
    circles = [people for people in by_committee.values() if len(people) >= 2]
    written = 0
    while written < count and len(everyone) >= 2:
        if editors and rng.random() < 0.1:
            pair = [rng.choice(editors), rng.choice(everyone)]
        elif circles and rng.random() < 0.7:
            pair = rng.sample(rng.choice(circles), 2)
        else:
            pair = rng.sample(everyone, 2)
        if pair[0] == pair[1]:
            continue
        room = services.conversation_for(user=pair[0], others=[pair[1]])
        for _exchange in range(rng.randint(1, 4)):
            exchange = rng.choice(texts()["direct"])
            _replay(rng, now, room, exchange, pair, "Auch", lines)
            written += len(exchange)
        exchange = rng.choice(texts()["group"])
        size = max(s for s, _t in exchange) + 1 + rng.randint(0, 2)
        if rng.random() < 0.12 and len(everyone) >= size:
            group = rng.sample(everyone, size)  # some only read
            room = services.conversation_for(user=group[0], others=group[1:])
            _replay(rng, now, room, exchange, group, rng.choice(TOWNS), lines)
            written += len(exchange)


def _write(rng, lines: list[Line]) -> None:
    lines.sort(key=lambda line: line.at)
    messages = []
    for line in lines:
        message = Message(
            room=line.room, author_id=line.author_id, body=line.body, created_at=line.at
        )
        chance = rng.random()
        if chance < 0.004:
            message.body, message.deleted_at = "", line.at + timedelta(minutes=3)
        elif chance < 0.015:
            message.edited_at = line.at + timedelta(minutes=2)
        messages.append(message)
    services.messages_import(messages=messages)
    _read_markers(rng)


def _read_markers(rng) -> None:
    """Everyone has read their rooms but for the last few messages of some."""
    ids: dict[int, list[int]] = {}
    for room_id, pk in Message.objects.values_list("room_id", "id").order_by("id"):
        ids.setdefault(room_id, []).append(pk)
    committee_rooms = dict(
        Room.objects.filter(committee__isnull=False).values_list("committee_id", "pk")
    )
    network = list(
        Room.objects.filter(kind=Room.Kind.NETWORK).values_list("pk", flat=True)
    )
    pairs = {
        (user_id, committee_rooms[committee_id])
        for user_id, committee_id in CommitteeMembership.objects.values_list(
            "user_id", "committee_id"
        )
        if committee_id in committee_rooms
    }
    for user_id in {user for user, _room in pairs}:
        for room_id in network:
            if rng.random() < 0.7:
                pairs.add((user_id, room_id))
    pairs |= set(
        ReadMarker.objects.filter(room__kind=Room.Kind.DIRECT).values_list(
            "user_id", "room_id"
        )
    )
    markers = []
    for user_id, room_id in pairs:
        seen = ids.get(room_id, [])
        behind = rng.choice([0, 0, 0, 0, 1, 2, 3, 5])
        upto = seen[-1 - behind] if behind < len(seen) else 0
        markers.append(ReadMarker(user_id=user_id, room_id=room_id, last_read_id=upto))
    ReadMarker.objects.bulk_create(
        markers,
        batch_size=1000,
        update_conflicts=True,
        unique_fields=["room", "user"],
        update_fields=["last_read_id"],
    )
