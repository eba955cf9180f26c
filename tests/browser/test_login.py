import pytest

from tests.browser.conftest import axe_violations
from tests.factories import PASSWORD, UserFactory

# Transactional tests empty the tables after each test; serialized rollback puts
# back what the migrations created (the home page, the communes, the groups).
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.mark.parametrize("width", [375, 1280])
def test_a_member_logs_in_through_the_form_and_sees_home(new_page, width):
    UserFactory(email="camille@example.org", first_name="Camille")
    page = new_page(width)
    page.goto("/")
    assert page.url.endswith("/comptes/login/?next=/")
    assert page.locator("h1").inner_text() == "Se connecter à Sohosolo"
    assert axe_violations(page) == []

    page.get_by_label("E-mail").fill("camille@example.org")
    page.get_by_label("Mot de passe", exact=False).first.fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url(lambda url: url.endswith("/") and "/comptes/" not in url)
    assert page.locator("h1").inner_text() == "Bonjour, Camille"
    assert page.get_by_role("navigation", name="Navigation principale").is_visible()
    assert axe_violations(page) == []


def test_a_wrong_password_is_announced_and_keeps_the_address(new_page):
    UserFactory(email="camille@example.org")
    page = new_page()
    page.goto("/comptes/login/")
    page.get_by_label("E-mail").fill("camille@example.org")
    page.get_by_label("Mot de passe", exact=False).first.fill("pas-le-bon")
    page.get_by_role("button", name="Se connecter").click()
    assert "incorrects" in page.locator("form.card").inner_text()
    assert page.get_by_label("E-mail").input_value() == "camille@example.org"
    assert axe_violations(page) == []


def test_keyboard_users_get_the_skip_link_first(new_page):
    UserFactory(email="camille@example.org")
    page = new_page(375)
    page.goto("/comptes/login/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Aller au contenu"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_the_user_menu_opens_without_javascript(browser, live_server):
    UserFactory(email="camille@example.org", first_name="Camille")
    context = browser.new_context(java_script_enabled=False, base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto("/comptes/login/")
    page.fill("input[name=login]", "camille@example.org")
    page.fill("input[name=password]", PASSWORD)
    page.click("form.card button[type=submit]")
    page.locator(".user-menu summary").click()
    page.get_by_role("button", name="Se déconnecter").click()
    assert "/comptes/" in page.url
    page.goto("/")
    assert "/comptes/login/" in page.url
    context.close()
