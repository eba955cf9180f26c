import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from home.models import NewsPage
from members import services
from members.models import FeedToken
from tests.home.test_pages import SECRET, news_index, publish_news


@pytest.fixture
def token(member):
    return services.feed_token_for(user=member).key


def titles(response) -> list[str]:
    root = ET.fromstring(response.content)
    return [item.findtext("title") for item in root.iter("item")]


def test_network_feed_with_the_members_token(client, token):
    publish_news(news_index(), "Afterwork de décembre")
    response = client.get(reverse("home:news_feed", args=[token]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    assert titles(response) == ["Afterwork de décembre"]
    link = ET.fromstring(response.content).find("channel/item/link").text
    assert link.startswith("http") and link.endswith("/afterwork-de-decembre/")


def test_committee_feed_has_only_its_local_news(client, token, committee):
    publish_news(committee, "Marché de Noël à Auch")
    publish_news(news_index(), "Nouvelle du réseau")
    response = client.get(reverse("home:committee_feed", args=[token, committee.pk]))
    assert titles(response) == ["Marché de Noël à Auch"]


def test_drafts_never_reach_a_feed(client, token, committee):
    draft = publish_news(committee, f"Brouillon {SECRET}")
    NewsPage.objects.filter(pk=draft.pk).update(live=False)
    for url in (
        reverse("home:news_feed", args=[token]),
        reverse("home:committee_feed", args=[token, committee.pk]),
    ):
        assert SECRET not in client.get(url).content.decode()


@pytest.mark.parametrize("bad", ["inconnu", "x" * 80])
def test_a_wrong_token_gets_404(client, token, bad):
    assert client.get(reverse("home:news_feed", args=[bad])).status_code == 404


def test_a_renewed_token_kills_the_old_addresses(client, member, token):
    services.feed_token_renew(user=member)
    assert client.get(reverse("home:news_feed", args=[token])).status_code == 404
    new = FeedToken.objects.get(user=member).key
    assert client.get(reverse("home:news_feed", args=[new])).status_code == 200


def test_a_deactivated_members_token_gets_404(client, member, token):
    member.is_active = False
    member.save()
    assert client.get(reverse("home:news_feed", args=[token])).status_code == 404


def test_unknown_committee_gets_404(client, token):
    url = reverse("home:committee_feed", args=[token, 999999])
    assert client.get(url).status_code == 404


def test_account_page_shows_the_addresses_and_renews_them(client_member, member):
    page = client_member.get(reverse("members:account")).content.decode()
    key = FeedToken.objects.get(user=member).key
    assert f"/flux/{key}/actualites.xml" in page
    response = client_member.post(reverse("members:feed_token_renew"), follow=True)
    assert "ne fonctionnent plus" in response.content.decode()
    assert FeedToken.objects.get(user=member).key != key


def test_renewing_needs_post(client_member):
    assert client_member.get(reverse("members:feed_token_renew")).status_code == 405


def test_changing_the_password_renews_the_feed_addresses(client_member, member, token):
    new = "Armagnac-et-tournesol-77"
    client_member.post(
        reverse("account_change_password"),
        {"oldpassword": "un-mot-de-passe-solide", "password1": new, "password2": new},
    )
    assert FeedToken.objects.get(user=member).key != token
