"""Chat messages in the site search: words anywhere, whatever their case and
accents, only in the rooms the member reads, the same on PostgreSQL and SQLite."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from chat import search as chat_search
from chat import services
from chat.models import Room
from chat.text import fold
from intranet.shell import search
from tests.factories import CommitteeMembershipFactory, UserFactory


def found(user, query) -> list[str]:
    kind = search.kind_for("chat")
    assert kind is not None
    return [message.body for message in kind.search(user, query)[:50]]


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


def test_percent_signs_and_underscores_are_looked_for_as_written(
    member, other_member, general
):
    """The words go into `LIKE` patterns of a query kept per process: each is
    escaped at every run, not only the first."""
    for body in ("Fibre à 100%", "Fibre à 1000 Mb", "mot_de_passe", "motXdeXpasse"):
        services.message_post(room=general, author=other_member, body=body)
    assert found(member, "100%") == ["Fibre à 100%"]
    assert found(member, "mot_de") == ["mot_de_passe"]
    assert found(member, "fibre %") == ["Fibre à 100%"]


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


def test_pages_looked_for_among_the_newest_first_are_the_same(
    member, other_member, general, settings, monkeypatch
):
    settings.CHAT_MESSAGES_PER_10_SECONDS = 1000
    for n in range(30):
        body = f"fibre {n}" if n % 7 == 0 else f"autre {n}"
        services.message_post(room=general, author=other_member, body=body)
    everything = [f"fibre {n}" for n in (28, 21, 14, 7, 0)]
    kind = search.kind_for("chat")
    monkeypatch.setattr(chat_search, "PLENTY", 3)  # 5 matches: plenty
    for window in (2, 5, 1000):  # a window of 2 ids grows to 16, then to all
        monkeypatch.setattr(chat_search, "WINDOW", window)
        results = kind.search(member, "fibre")
        assert [m.body for m in results[0:2]] == everything[:2]
        assert results.count() == 5
        assert [m.body for m in results[1:5]] == everything[1:]
        assert [m.body for m in results[4:9]] == everything[4:]


def test_the_overview_shows_the_newest_and_counts_no_further_than_it_needs(
    member, other_member, general, settings, monkeypatch
):
    """The overview reads only the messages it shows, and says « at least » past
    PLENTY rather than count every match."""
    settings.CHAT_MESSAGES_PER_10_SECONDS = 1000
    for n in range(6):
        services.message_post(room=general, author=other_member, body=f"fibre {n}")
    kind = search.kind_for("chat")
    with CaptureQueriesContext(connection) as queries:
        few = search.preview(kind, member, "fibre", 2)
    counted, read = (query["sql"] for query in queries.captured_queries)
    assert "COUNT(*)" in counted
    assert read.endswith("LIMIT 2")  # not the 51 rows a count up to 50+ would read
    assert [result.excerpt for result in few.results] == ["fibre 5", "fibre 4"]
    assert (few.count, few.capped) == (6, False)
    monkeypatch.setattr(search, "COUNT_CAP", 4)
    assert search.preview(kind, member, "fibre", 2).capped
    monkeypatch.setattr(chat_search, "PLENTY", 3)  # counted no further than 3
    plenty = search.preview(kind, member, "fibre", 2)
    assert [result.excerpt for result in plenty.results] == ["fibre 5", "fibre 4"]
    assert (plenty.count, plenty.capped) == (4, True)
    assert search.preview(kind, member, "introuvable", 2).count == 0
