"""Posting, answering and settling help entries, with the rules enforced by the
services whoever calls them."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from activity.models import Notification
from chat.models import Room
from communes.models import Commune
from members import services as member_services
from mutualaid import notices, services
from mutualaid.models import HelpAnswer, HelpEntry
from tests.factories import UserFactory
from tests.mutualaid.conftest import live_in, post


def test_an_entry_takes_its_authors_commune_and_lasts_a_month(asker):
    entry = post(asker, details="Pour samedi.", skill="Vidéo")
    assert entry.commune.name == "Lectoure"
    assert entry.is_open and entry.status == HelpEntry.Status.OPEN
    left = entry.expires_at - timezone.now()
    assert timedelta(days=29) < left <= timedelta(days=30)
    assert entry.skill.name == "Vidéo"


def test_another_commune_and_length_can_be_chosen(asker):
    auch = Commune.objects.get(name="Auch")
    entry = post(asker, commune=auch, days=7)
    assert entry.commune == auch
    assert entry.expires_at - timezone.now() <= timedelta(days=7)


@pytest.mark.parametrize(
    "extra, code",
    [
        ({"kind": "gift"}, "kind"),
        ({"category": "money"}, "category"),
        ({"days": 0}, "days"),
        ({"days": 91}, "days"),
        ({"title": "   "}, "empty"),
        ({"title": "x" * 121}, "too_long"),
        ({"details": "x" * 1001}, "too_long"),
    ],
)
def test_bad_entries_are_refused(asker, extra, code):
    with pytest.raises(ValidationError) as error:
        post(asker, **extra)
    assert error.value.code == code
    assert not HelpEntry.objects.exists()


def test_a_member_without_commune_must_choose_one(member):
    with pytest.raises(ValidationError) as error:
        post(member)
    assert error.value.code == "commune"


def test_visitors_and_former_members_cannot_post(asker):
    with pytest.raises(PermissionDenied):
        post(AnonymousUser())
    asker.is_active = False
    with pytest.raises(PermissionDenied):
        post(asker)
    assert not HelpEntry.objects.exists()


def test_posting_is_rate_limited(asker):
    for n in range(services.ENTRY_RATE.limit):
        post(asker, title=f"Demande {n}")
    with pytest.raises(ValidationError) as error:
        post(asker, title="Une de trop")
    assert error.value.code == "rate"
    assert HelpEntry.objects.count() == services.ENTRY_RATE.limit


def test_an_answer_tells_the_author(asker, helper):
    entry = post(asker)
    answer = services.answer_create(
        entry=entry, author=helper, message="  J'en ai un,\n passez ce soir. "
    )
    assert answer.message == "J'en ai un, passez ce soir."
    told = Notification.objects.get(recipient=asker, kind=notices.ANSWERED)
    assert "peut vous aider" in told.text or "can help" in told.text
    assert told.url.endswith(f"/entraide/{entry.pk}/#reponses")


@pytest.mark.parametrize("state", ["settled", "expired", "hidden"])
def test_closed_expired_and_hidden_entries_take_no_answer(asker, helper, state):
    entry = post(asker)
    if state == "settled":
        services.entry_close(entry=entry, user=asker)
    elif state == "expired":
        HelpEntry.objects.filter(pk=entry.pk).update(
            expires_at=timezone.now() - timedelta(minutes=1)
        )
    else:
        HelpEntry.objects.filter(pk=entry.pk).update(hidden_at=timezone.now())
    entry.refresh_from_db()
    with pytest.raises((ValidationError, PermissionDenied)):
        services.answer_create(entry=entry, author=helper, message="Je peux !")
    assert not HelpAnswer.objects.exists()


def test_no_answer_to_oneself_nor_twice_nor_empty(asker, helper):
    entry = post(asker)
    with pytest.raises(ValidationError, match="own|propre"):
        services.answer_create(entry=entry, author=asker, message="Moi")
    with pytest.raises(ValidationError):
        services.answer_create(entry=entry, author=helper, message="  ")
    services.answer_create(entry=entry, author=helper, message="Oui")
    with pytest.raises(ValidationError) as error:
        services.answer_create(entry=entry, author=helper, message="Encore")
    assert error.value.code == "twice"
    assert HelpAnswer.objects.count() == 1


def test_only_the_author_or_a_moderator_settles_an_entry(asker, helper, moderator):
    entry = post(asker)
    with pytest.raises(PermissionDenied):
        services.entry_close(entry=entry, user=helper)
    with pytest.raises(PermissionDenied):
        services.entry_close(entry=entry, user=AnonymousUser())
    entry.refresh_from_db()
    assert entry.is_open
    services.entry_close(entry=entry, user=moderator)
    entry.refresh_from_db()
    assert entry.status == HelpEntry.Status.CLOSED and entry.closed_at
    assert not entry.is_open
    services.entry_close(entry=entry, user=asker)  # again: nothing changes


def test_the_author_starts_a_conversation_with_whoever_answered(asker, helper):
    entry = post(asker)
    answer = services.answer_create(entry=entry, author=helper, message="Oui")
    with pytest.raises(PermissionDenied):
        services.conversation_start(answer=answer, user=helper)
    with pytest.raises(PermissionDenied):
        services.conversation_start(answer=answer, user=UserFactory())
    room = services.conversation_start(answer=answer, user=asker)
    assert room.kind == Room.Kind.DIRECT
    assert set(room.participants.values_list("user_id", flat=True)) == {
        asker.pk,
        helper.pk,
    }
    assert services.conversation_start(answer=answer, user=asker) == room


def test_members_nearby_whose_profile_matches_are_told_in_their_digest(asker):
    near = live_in(UserFactory(), "Fleurance")  # 11 km from Lectoure
    far = live_in(UserFactory(), "Marciac")  # some 60 km away
    unrelated = live_in(UserFactory(), "Lectoure")
    for person in (near, far):
        member_services.offers_needs_set(
            profile=person.profile,
            kind="offer",
            lines=[("Prêt de mon videoprojecteur", "")],
        )
    member_services.offers_needs_set(
        profile=unrelated.profile, kind="offer", lines=[("Cours de guitare", "")]
    )
    entry = post(asker, title="Emprunter un vidéoprojecteur samedi")
    told = Notification.objects.filter(kind=notices.MATCH)
    assert list(told.values_list("recipient", flat=True)) == [near.pk]
    assert told.get().channel == "digest"
    assert entry.title in told.get().text
