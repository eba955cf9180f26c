import pytest

from members.models import Profile
from tests.browser.conftest import axe_violations
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def log_in(page, email):
    page.goto("/comptes/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", PASSWORD)
    page.click("form.card button[type=submit]")
    page.wait_for_url(lambda url: "/comptes/" not in url)


@pytest.mark.parametrize("width", [375, 1280])
def test_the_directory_filters_live_and_profiles_are_accessible(new_page, width):
    UserFactory(email="camille@example.org", first_name="Camille", last_name="Viewer")
    ines = UserFactory(first_name="Inès", last_name="Carrère")
    Profile.objects.filter(user=ines).update(profession="Traductrice")
    UserFactory(first_name="Paul", last_name="Lacoste")
    page = new_page(width)
    log_in(page, "camille@example.org")
    page.goto("/membres/")
    assert page.get_by_text("Paul Lacoste").is_visible()
    assert axe_violations(page) == []
    url_before = page.url
    page.get_by_label("Rechercher").fill("traductrice")
    # htmx replaces the results without reloading, and keeps the filter in the URL.
    page.wait_for_function("() => !document.body.innerText.includes('Paul Lacoste')")
    assert page.get_by_text("Inès Carrère").is_visible()
    assert "q=traductrice" in page.url and page.url != url_before
    page.get_by_role("link", name="Inès Carrère").click()
    assert page.locator("h1").inner_text() == "Inès Carrère"
    assert axe_violations(page) == []
    page.goto("/membres/mon-profil/")
    assert axe_violations(page) == []
