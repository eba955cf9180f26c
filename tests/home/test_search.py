import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction

from home.models import StandardPage
from tests.home.test_pages import SECRET, news_index, publish_news


def search(client, **params):
    return client.get(reverse("home:search"), params)


def test_results_are_grouped_by_kind_and_highlighted(client_member, committee):
    publish_news(news_index(), "Le marché de Noël", intro="Un marché sous la halle.")
    html = search(client_member, q="marché").content.decode()
    assert "Actualités" in html
    assert "Le <mark>marché</mark> de Noël" in html


def test_committees_are_found_by_name(client_member, committee):
    html = search(client_member, q="Auch").content.decode()
    assert "Comités" in html
    assert committee.url in html


def test_one_kind_is_paginated(client_member):
    index = news_index()
    for i in range(25):
        publish_news(index, f"Covoiturage numéro {i}")
    overview = search(client_member, q="covoiturage").content.decode()
    assert "Voir les 25 résultats" in overview
    first = search(client_member, q="covoiturage", type="news").content.decode()
    second = search(client_member, q="covoiturage", type="news", page=2)
    assert first.count("<mark>Covoiturage</mark> numéro") == 20
    assert second.content.decode().count("<mark>Covoiturage</mark> numéro") == 5


def test_drafts_are_not_found(client_member, committee):
    draft = publish_news(committee, f"Kermesse {SECRET}")
    draft.unpublish()
    html = search(client_member, q="Kermesse").content.decode()
    assert SECRET not in html
    assert "Rien trouvé" in html


@pytest.mark.parametrize("query", ["<script>alert(1)</script>", '"><img src=x>'])
def test_the_query_is_escaped(client_member, query):
    html = search(client_member, q=query).content.decode()
    assert "<script>alert(1)" not in html
    assert "<img src=x>" not in html


def test_nothing_found_says_so(client_member):
    assert "Rien trouvé" in search(client_member, q="zzzzzz").content.decode()


def test_empty_query_shows_the_form(client_member):
    assert 'name="q"' in search(client_member).content.decode()


def test_search_needs_login(client, db):
    assert search(client, q="x").status_code == 302


def test_standard_pages_are_found(client_member):
    from home.models import HomePage

    HomePage.objects.get().add_child(
        instance=StandardPage(title="Charte des membres", slug="charte", intro="Règles")
    )
    html = search(client_member, q="charte").content.decode()
    assert "<mark>Charte</mark> des membres" in html


def test_highlighting_never_cuts_an_html_entity():
    from home.templatetags.search_tags import highlight

    assert highlight("Comité d'accueil d'Auch", "27 Auch") == (
        "Comité d&#x27;accueil d&#x27;<mark>Auch</mark>"
    )
    assert highlight("<b>Auch</b>", "b Auch") == "&lt;b&gt;<mark>Auch</mark>&lt;/b&gt;"


def test_members_are_found_by_name_and_skill_but_not_by_email(
    client_member, other_member
):
    from members.models import Profile

    profile = Profile.objects.get(user=other_member)
    profile.profession = "Traducteur"
    profile.save()
    profile.skills.set(["Allemand"])
    html = search(client_member, q="allemand").content.decode()
    assert "Membres" in html and "Bastien Dupouy" in html
    assert "Bastien" not in search(client_member, q=other_member.email).content.decode()


def test_a_restricted_section_is_not_found_until_its_restriction_goes(
    client_member, committee
):
    """Adding or lifting a restriction shows in the next search, in the overview
    and in the kind's own list, though the overview's SQL was kept before."""
    news = publish_news(committee, "Assemblée des bénévoles")
    assert news.url in search(client_member, q="assemblée").content.decode()
    restriction = PageViewRestriction.objects.create(
        page=committee, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    for params in ({}, {"type": "news"}):
        html = search(client_member, q="assemblée", **params).content.decode()
        assert news.url not in html
    restriction.delete()
    for params in ({}, {"type": "news"}):
        html = search(client_member, q="assemblée", **params).content.decode()
        assert news.url in html
