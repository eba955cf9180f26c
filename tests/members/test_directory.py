import pytest
from django.db import connection
from django.urls import reverse

from communes.models import Commune
from members import directory
from members.models import OfferNeed, Profile, Skill, TaggedSkill
from tests.factories import CommitteeMembershipFactory, UserFactory

URL = reverse("members:directory")


def make_member(first, last, *, profession="", skills=(), commune=None, **fields):
    user = UserFactory(first_name=first, last_name=last)
    Profile.objects.filter(user=user).update(
        profession=profession,
        commune=Commune.objects.get(name=commune) if commune else None,
        **fields,
    )
    profile = Profile.objects.get(user=user)
    profile.skills.set(list(skills))
    return user


def names(response) -> str:
    return response.content.decode()


@pytest.fixture
def network(db, committee):
    members = {
        "ines": make_member("Inès", "Carrère", profession="Traductrice",
                            skills=["Allemand", "Traduction"], commune="Lectoure",
                            open_to_collaborate=True),
        "paul": make_member("Paul", "Lacoste", profession="Expert-comptable",
                            skills=["Comptabilité"], commune="Auch",
                            helps_newcomers=True),
        "zoe": make_member("Zoé", "Dubarry", profession="Développeuse",
                           skills=["Python"], commune="Marciac",
                           commune_visibility="nobody"),
    }  # fmt: skip
    CommitteeMembershipFactory(user=members["paul"], committee=committee)
    return members


def test_everyone_is_listed_with_a_count(client_member, network):
    html = names(client_member.get(URL))
    assert all(n in html for n in ["Inès Carrère", "Paul Lacoste", "Zoé Dubarry"])
    assert "4 membres trouvés" in html  # with the member looking


@pytest.mark.parametrize(
    "params, expected, absent",
    [
        ({"q": "traduc"}, "Inès", "Paul"),
        ({"q": "allemand"}, "Inès", "Zoé"),
        ({"q": "lacoste"}, "Paul", "Inès"),
        ({"competence": "comptabilite"}, "Paul", "Inès"),
        ({"collabore": "on"}, "Inès", "Paul"),
        ({"aide": "on"}, "Paul", "Inès"),
    ],
)
def test_filters(client_member, network, params, expected, absent):
    html = names(client_member.get(URL, params))
    assert expected in html and absent not in html


def test_words_may_match_different_fields_and_a_member_shows_once(
    client_member, member, network
):
    from members.directory import Filters, search

    # "paul" is a name, "compta" a profession and a skill: Paul, once.
    found = search(viewer=member, filters=Filters(q="paul compta"))
    assert [p.user for p in found] == [network["paul"]]
    found = search(viewer=member, filters=Filters(q="TRADUC allem"))
    assert [p.user for p in found] == [network["ines"]]
    assert list(search(viewer=member, filters=Filters(q="paul allemand"))) == []


def test_committee_filter(client_member, network, committee):
    html = names(client_member.get(URL, {"comite": committee.pk}))
    assert "Paul Lacoste" in html and "Inès" not in html


def test_commune_filter_respects_privacy(client_member, member, network):
    from members.directory import Filters, search

    marciac = Commune.objects.get(name="Marciac")
    found = search(viewer=member, filters=Filters(commune=marciac.pk))
    assert list(found) == []  # her commune is hidden: she cannot be found by it
    lectoure = Commune.objects.get(name="Lectoure")
    found = search(viewer=member, filters=Filters(commune=lectoure.pk))
    assert [p.user for p in found] == [network["ines"]]
    html = names(client_member.get(URL, {"commune": lectoure.pk}))
    assert "Inès" in html and "Paul" not in html
    assert f'value="{marciac.pk}"' not in html  # not even offered as a filter


def test_hidden_communes_are_not_shown_nor_counted(client_member, network):
    html = names(client_member.get(URL))
    assert "Lectoure" in html
    assert "Marciac" not in html
    lectoure = Commune.objects.get(name="Lectoure")
    # The list under the map: a link that filters by the commune, and its count.
    assert f'<li><a href="?commune={lectoure.pk}">Lectoure</a> — 1 membre</li>' in html


def test_communes_shown_to_committees_count_for_committee_mates_only(
    member, other_member, network, committee
):
    from members.directory import members_per_commune

    Profile.objects.filter(user=network["zoe"]).update(commune_visibility="committees")
    CommitteeMembershipFactory(user=network["zoe"], committee=committee)
    CommitteeMembershipFactory(user=member, committee=committee)
    Profile.objects.filter(user=member).update(
        commune=Commune.objects.get(name="Marciac"), commune_visibility="nobody"
    )
    mine = {c.name: n for c, n in members_per_commune(viewer=member)}
    theirs = {c.name: n for c, n in members_per_commune(viewer=other_member)}
    assert mine["Marciac"] == 2  # Zoé, a committee mate, and the member's own
    assert "Marciac" not in theirs
    assert mine["Auch"] == theirs["Auch"] == 1


def test_sort_by_newest(client_member, network):
    html = names(client_member.get(URL, {"tri": "recent"}))
    assert html.index("Zoé") < html.index("Inès")


def test_bad_filters_are_ignored_not_fatal(client_member, network):
    response = client_member.get(URL, {"comite": "abc", "tri": "evil", "page": "x"})
    assert response.status_code == 200


def test_htmx_gets_only_the_results(client_member, network):
    response = client_member.get(URL, {"q": "Paul"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "<html" not in html
    assert "Paul Lacoste" in html


def test_paginated_by_24(client_member, db):
    for i in range(30):
        make_member(f"Membre{i:02d}", "Test")
    first = names(client_member.get(URL))
    second = names(client_member.get(URL, {"page": 2}))
    assert first.count('class="member-card card"') == 24
    assert second.count('class="member-card card"') == 7  # 30 + the viewer


@pytest.mark.parametrize("count", [5, 50])
def test_directory_queries_do_not_grow(
    client_member, django_assert_max_num_queries, committee, count
):
    for i in range(count):
        user = make_member(f"M{i}", "Test", skills=["Python", f"S{i}"], commune="Auch")
        CommitteeMembershipFactory(user=user, committee=committee)
    client_member.get(URL)  # warm, as the bench measures: shared choices cached
    with django_assert_max_num_queries(11):
        response = client_member.get(URL)
    assert response.status_code == 200
    with django_assert_max_num_queries(12):  # a search: counted
        response = client_member.get(URL, {"q": "python test", "tri": "recent"})
    assert response.status_code == 200


def test_directory_needs_login(client, db):
    assert client.get(URL).status_code == 302


def _map_of(html: str) -> str:
    return html[html.index('id="members-map"') :]


def test_the_map_follows_the_filters(client_member, network):
    everyone = _map_of(names(client_member.get(URL)))
    assert "Lectoure" in everyone and "Auch" in everyone
    found = _map_of(names(client_member.get(URL, {"q": "traduc"})))
    assert "Où vivent les membres trouvés" in found
    assert "Lectoure" in found and "Auch" not in found
    # Live: the htmx answer carries the map with the results.
    live = names(client_member.get(URL, {"aide": "on"}, HTTP_HX_REQUEST="true"))
    assert "<html" not in live
    assert "Auch" in _map_of(live) and "Lectoure" not in _map_of(live)


def test_the_filtered_map_keeps_hidden_communes_hidden(client_member, network):
    found = _map_of(names(client_member.get(URL, {"q": "python"})))
    assert "Zoé" in names(client_member.get(URL, {"q": "python"}))
    assert "Marciac" not in found  # Zoé shows her commune to nobody


def test_a_filtered_directory_keeps_its_query_budget(
    client_member, django_assert_max_num_queries, committee
):
    for i in range(20):
        make_member(f"M{i}", "Test", skills=["Python"], commune="Auch")
    client_member.get(URL)
    with django_assert_max_num_queries(12):
        response = client_member.get(URL, {"q": "python"})
    assert response.status_code == 200


def test_the_search_overview_finds_the_first_members_as_the_directory_does(member):
    """`first_found` reads each way of matching apart (PostgreSQL): its first
    members, in name order, are the directory's, whatever way each one matches,
    for one word or several, when many or few match."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite's overview is the directory's own query")
    potter = Skill.objects.create(name="Poterie", slug="poterie")
    people = []
    for first, last, headline in (
        ("Zoé", "Potier", ""),  # by name
        ("Anne", "Béal", "Poterie et céramique"),  # by her texts
        ("Marc", "Coste", ""),  # by a skill
        ("Lou", "Daguin", ""),  # by what she offers
        ("Paul", "Estève", "Potier à Lectoure"),  # texts and name's word
        ("Jean", "Fabre", "Bois et poterie"),
        ("Rose", "Gay", "Rien à voir"),
    ):
        person = UserFactory(first_name=first, last_name=last)
        Profile.objects.filter(user=person).update(headline=headline)
        people.append(person)
    TaggedSkill.objects.create(tag=potter, content_object=people[2].profile)
    OfferNeed.objects.create(
        profile=people[3].profile, kind=OfferNeed.Kind.OFFER, text="Cours de poterie"
    )
    for query in ["pot", "poterie", "POTERIE lectoure", "pot bois", "introuvable"]:
        everyone = [
            profile.pk
            for profile in directory.search(
                viewer=member, filters=directory.Filters(q=query)
            )
        ]
        for limit in (1, 2, 3, 10):
            first = directory.first_found(viewer=member, query=query, limit=limit)
            assert [profile.pk for profile in first][:limit] == everyone[:limit], (
                query,
                limit,
            )
    assert len(everyone) == 0  # the last query


def test_a_card_keeps_what_members_typed_as_text(client_member, db):
    """Cards and the filters' lists are written in Python (`member_tags.member_card`,
    `PlainSelect`): names, headlines and skills stay text."""
    hostile = '<img src=x onerror="alert(1)">'
    make_member(
        hostile, "Zoé", skills=[f"{hostile} Python"], headline=hostile,
        open_to_collaborate=True, helps_newcomers=True,
    )  # fmt: skip
    html = client_member.get(URL).content.decode()
    assert "<img src=x" not in html
    escaped = "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;"
    card = html[html.index(f">{escaped} Zoé</a></h2>") :]
    card = card[: card.index("</li>")]
    assert f'<p class="meta">{escaped}</p>' in card
    assert f'<span class="badge">{escaped} Python</span>' in card
    assert "Ouvert·e aux collaborations · Aide les nouveaux arrivants" in card
    assert f">{escaped} Python</option>" in html  # the skills filter
