"""Chat messages in the site search: words anywhere, whatever their case and
accents, only in the rooms the member reads, the same on PostgreSQL and SQLite."""

import pytest
from django.db import connection

from chat import services
from chat.models import Room
from chat.search import fold
from intranet.shell import search
from tests.factories import CommitteeMembershipFactory, UserFactory


def found(user, query) -> list[str]:
    kind = search.kind_for("chat")
    assert kind is not None
    return [message.body for message in kind.search(user, query)]


@pytest.fixture
def general(db):
    return Room.objects.get(slug="general")


def test_search_forgives_case_and_accents_both_ways(member, other_member, general):
    services.message_post(room=general, author=other_member, body="L'École des Mines")
    services.message_post(room=general, author=other_member, body="une ecole rurale")
    services.message_post(room=general, author=other_member, body="Cœur de Noël")
    both = ["une ecole rurale", "L'École des Mines"]  # newest first
    for query in ("ecole", "ÉCOLE", "école", "Ecole", "COLE"):
        assert found(member, query) == both, query
    assert found(member, "mines ecole") == ["L'École des Mines"]
    assert found(member, "coeur noel") == ["Cœur de Noël"]
    assert found(member, "ecole noel") == []


def test_search_keeps_to_readable_shown_messages(member, other_member, committee):
    CommitteeMembershipFactory(committee=committee, user=other_member)
    room = services.committee_room(committee=committee)
    room.access = Room.Access.CLOSED
    room.save()
    services.message_post(room=room, author=other_member, body="Réunion secrète")
    gone = services.message_post(
        room=Room.objects.get(slug="general"), author=other_member, body="réunion"
    )
    services.message_delete(message=gone, by=other_member)
    assert found(member, "reunion") == []
    assert found(other_member, "reunion") == ["Réunion secrète"]
    assert found(UserFactory(is_active=False), "reunion") == []


@pytest.mark.django_db
def test_the_database_folds_text_as_python_does():
    words = [
        "École",
        "ÇA",
        "naïve",
        "Forêt",
        "Œuvre",
        "Straße",
        "Ærø",
        "Łódź",
        "mañana",
    ]
    with connection.cursor() as cursor:
        for word in words:
            cursor.execute("SELECT chat_fold(%s)", [word])
            assert cursor.fetchone()[0] == fold(word), word
    assert fold("Œuvre École") == "oeuvre ecole"
