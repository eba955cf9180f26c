import pytest

from committees.models import CommitteePage
from tests.browser.conftest import axe_violations
from tests.factories import PASSWORD, CommitteeMembershipFactory, CommitteePageFactory
from tests.home.test_pages import news_index, publish_news

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def content():
    committee = CommitteePageFactory(
        title="Comité d'accueil de Mirande",
        slug="mirande",
        fibre=CommitteePage.Fibre.PARTIAL,
        schools="École élémentaire ; collège.",
        contact_email="accueil@mirande.example",
    )
    member = CommitteeMembershipFactory(
        committee=committee, role="referent", user__email="camille@example.org"
    ).user
    publish_news(committee, "Marché de Noël", intro="Sous la halle.")
    publish_news(news_index(), "Afterwork de décembre", intro="À Auch.")
    return committee, member


@pytest.mark.parametrize("width", [375, 1280])
def test_a_prospect_reads_a_committee_page(new_page, content, width):
    committee, _ = content
    page = new_page(width)
    page.goto(committee.url)
    assert page.locator("h1").inner_text() == "Comité d'accueil de Mirande"
    assert page.get_by_text("Fibre dans une partie de la commune").is_visible()
    assert page.get_by_text("Marché de Noël").count() == 0
    assert axe_violations(page) == []
    # The way in for a family: the installation project form, public too.
    page.get_by_role("link", name="Présenter notre projet d'installation").click()
    page.wait_for_url("**/venir-dans-le-gers/")
    page.goto(committee.get_parent().url)
    assert page.locator("svg.map").is_visible()
    assert axe_violations(page) == []


@pytest.mark.parametrize("width", [375, 1280])
def test_a_member_reads_news_and_searches(new_page, content, width):
    page = new_page(width)
    page.goto("/comptes/login/")
    page.fill("input[name=login]", "camille@example.org")
    page.fill("input[name=password]", PASSWORD)
    page.click("form.card button[type=submit]")
    page.wait_for_url(lambda url: url.endswith("/") and "/comptes/" not in url)
    assert page.get_by_text("Afterwork de décembre").first.is_visible()
    assert page.get_by_text("Marché de Noël").first.is_visible()
    assert axe_violations(page) == []
    page.goto("/actualites/")
    page.select_option("#filter-committee", "mirande")
    page.get_by_role("button", name="Filtrer").click()
    assert "comite=mirande" in page.url
    assert page.get_by_text("Afterwork de décembre").count() == 0
    assert axe_violations(page) == []
    page.goto("/recherche/")
    page.get_by_label("Rechercher dans l'intranet").fill("marché")
    page.get_by_label("Rechercher dans l'intranet").press("Enter")
    assert page.locator("mark").first.inner_text().lower() == "marché"
    assert axe_violations(page) == []
