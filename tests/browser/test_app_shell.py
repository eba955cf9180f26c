"""The shell on a phone: the menu button, and the pages kept for reading offline
by the service worker, forgotten at logout."""

import pytest

from chat import services as chat
from tests.browser.test_members_pages import log_in
from tests.factories import EventPageFactory, UserFactory, agenda

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_the_menu_button_opens_the_navigation_and_shows_unread_counts(new_page):
    camille = UserFactory(email="camille@example.org", first_name="Camille")
    bruno = UserFactory(first_name="Bruno")
    room = chat.conversation_for(user=bruno, others=[camille])
    for body in ("Bonjour", "Tu viens jeudi ?"):
        chat.message_post(room=room, author=bruno, body=body)
    page = new_page(320)
    log_in(page, "camille@example.org")
    page.goto("/forums/")
    button = page.locator(".main-nav__toggle")
    # The button says where one is and what is unread; the entries are folded.
    words = ["Menu", "Forums", "2", "messages", "non", "lus"]  # the last 3 unseen
    assert button.inner_text().split() == words
    assert button.get_attribute("aria-expanded") is None  # <summary>: native state
    forums = page.get_by_role("link", name="Forums", exact=True)
    assert forums.is_hidden()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320

    button.click()
    assert forums.is_visible()
    assert forums.get_attribute("aria-current") == "page"
    chat_link = page.get_by_role("link", name="Discussions 2 messages non lus")
    assert chat_link.is_visible()
    page.keyboard.press("Tab")  # into the menu, then Escape closes it…
    page.keyboard.press("Escape")
    assert forums.is_hidden()
    # …and gives the focus back to the button.
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
    page.keyboard.press("Enter")
    assert forums.is_visible()
    page.locator("h1").click()  # a click elsewhere closes it too
    assert forums.is_hidden()

    # On a wide screen the entries stand in one bar, without the button.
    page.set_viewport_size({"width": 1280, "height": 800})
    assert forums.is_visible() and button.is_hidden()


def test_the_menu_works_without_javascript(browser, live_server):
    UserFactory(email="camille@example.org")
    context = browser.new_context(
        java_script_enabled=False,
        base_url=live_server.url,
        locale="fr-FR",
        viewport={"width": 320, "height": 700},
    )
    page = context.new_page()
    log_in(page, "camille@example.org")
    forums = page.get_by_role("link", name="Forums", exact=True)
    assert forums.is_hidden()
    page.get_by_text("Menu", exact=True).click()
    forums.click()
    page.wait_for_url("**/forums/")
    context.close()


def kept_pages(page) -> list[str]:
    return page.evaluate(
        """() => caches.open("sohosolo-pages").then((cache) => cache.keys())
           .then((keys) => keys.map((key) => new URL(key.url).pathname))"""
    )


def test_pages_read_recently_stay_readable_offline_until_logout(new_page):
    UserFactory(email="camille@example.org", first_name="Camille")
    event = EventPageFactory(title="Afterwork à Auch")
    page = new_page(375)
    log_in(page, "camille@example.org")
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.reload()  # now under the worker's care
    assert page.evaluate("navigator.serviceWorker.controller !== null")
    kept = ["/", agenda().url, event.url, "/membres/mon-compte/"]
    for url in kept:
        page.goto(url)
    page.wait_for_function("n => caches.open('sohosolo-pages').then(c => c.keys())"
                           ".then(k => k.length >= n)", arg=3)  # fmt: skip
    # Account pages are never kept.
    assert sorted(kept_pages(page)) == sorted(["/", agenda().url, event.url])

    page.context.set_offline(True)
    page.goto(event.url)
    assert page.locator("h1").inner_text() == "Afterwork à Auch"
    note = page.locator("[data-offline-note]")
    assert note.is_visible()
    assert note.inner_text().startswith("Hors ligne, contenu du ")
    assert page.get_by_role("status").filter(has_text="Hors ligne").count() == 1
    page.goto("/")
    assert "Camille" in page.locator("h1").inner_text()
    assert note.is_visible()

    # A page never opened: the offline page, listing what can be read.
    page.goto("/forums/")
    assert page.locator("h1").inner_text() == "Vous êtes hors ligne"
    listed = page.locator("[data-offline-pages] a")
    assert sorted(listed.evaluate_all("links => links.map(a => a.pathname)")) == (
        sorted(["/", agenda().url, event.url])
    )
    listed.filter(has_text="Afterwork à Auch").click()
    assert page.locator("h1").inner_text() == "Afterwork à Auch"

    # Online again, the member logs out: nothing they read stays.
    page.context.set_offline(False)
    page.goto("/")
    assert page.locator("[data-offline-note]").is_hidden()
    page.locator(".user-menu summary").click()
    page.get_by_role("button", name="Se déconnecter").click()
    page.wait_for_url("**/comptes/login/**")
    assert kept_pages(page) == []
    page.context.set_offline(True)
    for url in (event.url, "/"):
        page.goto(url)
        assert page.locator("h1").inner_text() == "Vous êtes hors ligne"
        assert page.get_by_text("Afterwork à Auch").count() == 0
        assert page.locator("[data-offline-pages]").is_hidden()
