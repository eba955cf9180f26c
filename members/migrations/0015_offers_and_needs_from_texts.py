"""The free texts of "what I offer" and "what I am looking for" become entries:
one per line, bullet or « ; », each at most 160 characters (a longer piece is
cut between words, nothing is lost), at most 8 per kind (more are packed into
fewer, fuller entries). An entry gets one of the member's own skills when the
skill's name is in its text. Backwards, the entries become the texts again, one
per line."""

import re
import unicodedata

from django.db import migrations

MAX_TEXT = 160
MAX_PER_KIND = 8
_PIECES = re.compile(r"[\n;•]+")
_BULLET = re.compile(r"^[-*]\s+")


def _fold(text):
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _chunks(text):
    """`text` cut between words into pieces of at most MAX_TEXT characters."""
    chunks, current = [], ""
    for word in text.split():
        while len(word) > MAX_TEXT:
            if current:
                chunks.append(current)
                current = ""
            chunks.append(word[:MAX_TEXT])
            word = word[MAX_TEXT:]
        candidate = f"{current} {word}".strip()
        if len(candidate) > MAX_TEXT:
            chunks.append(current)
            current = word
        else:
            current = candidate
    if current:
        chunks.append(current)
    return chunks


def split(text):
    pieces = [_BULLET.sub("", " ".join(p.split())) for p in _PIECES.split(text or "")]
    pieces = [p.strip(" ,.") and p for p in pieces]
    entries = [chunk for piece in pieces if piece for chunk in _chunks(piece)]
    if len(entries) > MAX_PER_KIND:
        entries = _chunks(" ; ".join(entries))[:MAX_PER_KIND]
    return entries


def forward(apps, schema_editor):
    Profile = apps.get_model("members", "Profile")
    OfferNeed = apps.get_model("members", "OfferNeed")
    TaggedSkill = apps.get_model("members", "TaggedSkill")
    profiles = Profile.objects.exclude(offers="", needs="").only("pk", "offers", "needs")
    for profile in profiles.iterator():
        skills = [
            (_fold(tagged.tag.name), tagged.tag_id)
            for tagged in TaggedSkill.objects.filter(
                content_object_id=profile.pk
            ).select_related("tag")
        ]
        rows = []
        for kind, text in (("offer", profile.offers), ("need", profile.needs)):
            for position, piece in enumerate(split(text)):
                folded = _fold(piece)
                skill = next((pk for name, pk in skills if name and name in folded), None)
                rows.append(
                    OfferNeed(
                        profile_id=profile.pk, kind=kind, text=piece,
                        skill_id=skill, position=position,
                    )
                )
        OfferNeed.objects.bulk_create(rows)


def backward(apps, schema_editor):
    Profile = apps.get_model("members", "Profile")
    OfferNeed = apps.get_model("members", "OfferNeed")
    texts = {}
    for entry in OfferNeed.objects.order_by("profile_id", "kind", "position", "pk"):
        texts.setdefault((entry.profile_id, entry.kind), []).append(entry.text)
    for profile_id in {key[0] for key in texts}:
        Profile.objects.filter(pk=profile_id).update(
            offers="\n".join(texts.get((profile_id, "offer"), [])),
            needs="\n".join(texts.get((profile_id, "need"), [])),
        )
    OfferNeed.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("members", "0014_offers_and_needs")]

    operations = [migrations.RunPython(forward, backward)]
