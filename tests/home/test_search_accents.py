"""Search and the directory forgive accents and case in both directions, on every
kind of result, and a typo in a member's name on PostgreSQL (issue #21). Run on
SQLite and on PostgreSQL (DATABASE_URL)."""

import pytest
from django.db import connection
from django.urls import reverse

from activity import services as feed
from chat import services as chat
from chat.models import Room
from forums import services as forums
from members.models import Profile
from tests.factories import (
    CategoryFactory,
    CommitteePageFactory,
    EventPageFactory,
    NewsPageFactory,
    UserFactory,
)

SEARCH = reverse("home:search")
DIRECTORY = reverse("members:directory")
SPELLINGS = ["école", "ecole", "ÉCOLE", "Ecole", "EcOlE"]


@pytest.fixture
def everything(db, other_member):
    """One thing of each kind that says « école », in its own words."""
    Profile.objects.filter(user=other_member).update(
        profession="Médecin", headline="Comptabilité et école"
    )
    message = chat.message_post(
        room=Room.objects.get(slug="general"),
        author=other_member,
        body="Réunion à l’école jeudi",
    )
    return {
        "news": NewsPageFactory(title="L'école de Lavardens rouvre").url,
        "committee": CommitteePageFactory(title="Comité de l'École-Vieille").url,
        "event": EventPageFactory(title="Fête de l'école").url,
        "forum": forums.topic_create(
            author=other_member,
            category=CategoryFactory(),
            title="Cantine",
            body="Qui inscrit ses enfants à l'ÉCOLE du village ?",
        )
        .posts.get()
        .get_absolute_url(),
        "post": feed.post_create(
            author=other_member, body="Kermesse de l'École samedi"
        ).get_absolute_url(),
        "member": reverse("members:profile_detail", args=[other_member.pk]),
        "chat": f"#message-{message.pk}",
    }


@pytest.mark.parametrize("query", SPELLINGS)
def test_every_kind_is_found_whatever_the_accents_and_case(
    client_member, everything, query
):
    html = client_member.get(SEARCH, {"q": query}).text
    missing = [kind for kind, url in everything.items() if url not in html]
    assert missing == [], (query, missing)


def test_the_word_found_is_highlighted_in_its_own_spelling(client_member, everything):
    html = client_member.get(SEARCH, {"q": "ecole"}).text
    assert "L&#x27;<mark>école</mark> de Lavardens rouvre" in html
    assert "Comité de l&#x27;<mark>École</mark>-Vieille" in html
    assert "Qui inscrit ses enfants à l&#x27;<mark>ÉCOLE</mark> du village" in html


@pytest.mark.parametrize("query", ["medecin", "MÉDECIN", "comptabilite", "Ecole"])
def test_the_directory_forgives_accents_and_case(client_member, everything, query):
    html = client_member.get(DIRECTORY, {"q": query}).text
    assert "Bastien Dupouy" in html, query


def test_accents_written_find_words_written_without(client_member, db):
    UserFactory(first_name="Helene", last_name="Mesplede")
    NewsPageFactory(title="Le marche de noel")
    assert "Helene Mesplede" in client_member.get(DIRECTORY, {"q": "hélène"}).text
    assert (
        "Le <mark>marche</mark> de noel"
        in client_member.get(SEARCH, {"q": "marché"}).text
    )


def test_a_word_absent_finds_nothing(client_member, everything):
    assert "Bastien Dupouy" not in client_member.get(DIRECTORY, {"q": "ecolo"}).text
    assert "Rien trouvé" in client_member.get(SEARCH, {"q": "ecole zzzz"}).text


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="trigram similarity: PostgreSQL"
)
@pytest.mark.parametrize("query", ["Dupouys", "Dupoui", "Dupoy", "bastein dupouy"])
def test_a_typo_in_a_name_still_finds_the_member_on_postgresql(
    client_member, other_member, query
):
    UserFactory(first_name="Sylvie", last_name="Castex")
    html = client_member.get(DIRECTORY, {"q": query}).text
    assert "Bastien Dupouy" in html, query
    assert "Sylvie Castex" not in html
    profile = reverse("members:profile_detail", args=[other_member.pk])
    assert profile in client_member.get(SEARCH, {"q": query}).text


def test_short_words_are_not_guessed(client_member, other_member):
    assert "Bastien Dupouy" not in client_member.get(DIRECTORY, {"q": "dup z"}).text
