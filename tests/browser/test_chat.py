"""The chat in two browsers at once, over Daphne and the real WebSocket stack."""

import pytest

from chat import services
from chat.models import Message, Room
from intranet import ratelimit
from tests.browser.conftest import axe_violations
from tests.browser.test_members_pages import log_in
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
XSS = '<img src=x onerror="window.hacked=1">'


def open_general(page, email):
    log_in(page, email)
    page.goto(Room.objects.get(slug="general").get_absolute_url())
    page.get_by_text("En direct").wait_for()


# The states the chat's status goes through, kept in `window.states` (a state can
# be brief: a reconnection may succeed as soon as the server is back).
RECORD_STATES = """() => {
  const room = document.querySelector(".chat-room");
  window.states = [];
  new MutationObserver(() => window.states.push(room.dataset.state))
    .observe(room, {attributes: true, attributeFilter: ["data-state"]});
}"""


@pytest.mark.parametrize("width", [375, 1280])
def test_two_members_chat_live_and_one_catches_up_after_going_offline(
    asgi_server, new_page, width
):
    UserFactory(email="alice@example.org", first_name="Alice", last_name="Roux")
    UserFactory(email="bruno@example.org", first_name="Bruno", last_name="Lacaze")
    alice, bruno = new_page(width), new_page(width)
    open_general(alice, "alice@example.org")
    open_general(bruno, "bruno@example.org")
    bruno.get_by_text("En ligne : Alice Roux").wait_for()
    assert axe_violations(alice) == []
    assert alice.evaluate("document.documentElement.scrollWidth") <= width

    box = alice.get_by_label("Votre message")
    box.fill("Bonjour Bruno, tu viens jeudi ?")
    box.press("Enter")
    bruno.locator(".chat-message", has_text="tu viens jeudi").wait_for()
    assert box.input_value() == ""  # sent over the socket, not by reloading

    box.fill("Je regarde… ")
    bruno.get_by_text("Alice Roux écrit…").wait_for()

    # Bruno loses the network, and meanwhile the server restarts: every socket
    # drops. Alice is back at once; Bruno only when his network is.
    bruno.evaluate(RECORD_STATES)
    bruno.context.set_offline(True)
    asgi_server.restart()
    # The server's close may never reach an offline browser: the client then
    # notices its socket went silent (20 s without even a pong).
    bruno.wait_for_function("window.states.includes('reconnecting')", timeout=45_000)
    alice.get_by_text("En direct").wait_for(timeout=30_000)
    for text in ("Premier message manqué", "Second message manqué", XSS):
        box.fill(text)
        box.press("Enter")
        alice.locator(".chat-message").last.filter(has_text=text[:10]).wait_for()
    assert bruno.locator(".chat-message", has_text="manqué").count() == 0
    assert bruno.get_by_text("Direct indisponible, nouvelle tentative…").is_visible()
    bruno.context.set_offline(False)
    bruno.get_by_text("En direct").wait_for(timeout=30_000)
    bruno.locator(".chat-message", has_text="window.hacked").wait_for()
    texts = bruno.locator(".chat-message__body").all_inner_texts()
    assert texts[-3:] == ["Premier message manqué", "Second message manqué", XSS]
    assert len(texts) == len(set(texts))  # nothing twice
    assert bruno.evaluate("window.hacked") is None
    assert Message.objects.count() == 4
    assert axe_violations(bruno) == []


def test_older_messages_load_when_scrolling_up(asgi_server, new_page):
    author = UserFactory(first_name="Lucie", last_name="Jean")
    UserFactory(email="bruno@example.org")
    general = Room.objects.get(slug="general")
    services.messages_import(
        messages=[
            Message(room=general, author=author, body=f"Message n° {n}")
            for n in range(75)
        ]
    )
    page = new_page(375)
    open_general(page, "bruno@example.org")
    assert page.locator(".chat-message").count() == 50  # the latest page
    page.locator(".chat-older a").scroll_into_view_if_needed()
    page.get_by_text("Message n° 0", exact=True).wait_for()
    assert page.locator(".chat-message").count() == 75
    assert page.locator(".chat-older").count() == 0  # nothing older


def test_a_tab_cut_off_catches_up_six_hundred_messages_in_order(asgi_server, new_page):
    bruno = UserFactory(email="bruno@example.org", first_name="Bruno")
    general = Room.objects.get(slug="general")
    entraide = Room.objects.get(slug="entraide")
    services.mark_read(user=UserFactory(email="alice@example.org"), room=entraide)
    alice = new_page(1280)
    open_general(alice, "alice@example.org")
    alice.evaluate(RECORD_STATES)
    asgi_server.stop()  # Alice's socket is cut while Bruno writes
    alice.wait_for_function("window.states.includes('reconnecting')")
    with ratelimit.suspended():  # 600 messages: more than a member may send at once
        for n in range(600):
            services.message_post(room=general, author=bruno, body=f"Numéro {n}")
        for n in range(2):  # and in another of Alice's rooms
            services.message_post(room=entraide, author=bruno, body=f"Ailleurs {n}")
    asgi_server.start()
    alice.get_by_text("En direct").wait_for(timeout=60_000)
    alice.wait_for_function(
        "document.querySelectorAll('.chat-message__body').length >= 600",
        timeout=30_000,
    )
    texts = alice.locator(".chat-message__body").all_inner_texts()
    assert texts == [f"Numéro {n}" for n in range(600)]  # all, once, in order
    assert alice.locator(".chat-divider").inner_text() == "600 nouveaux messages"
    # The room list's count comes back from the server, not from missed pushes.
    badge = alice.locator(f'.room-list [data-room="{entraide.pk}"] .room-list__unread')
    badge.get_by_text("2", exact=True).wait_for()
    assert badge.is_visible()
