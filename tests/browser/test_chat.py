"""The chat in two browsers at once, over Daphne and the real WebSocket stack."""

import os
from pathlib import Path

import pytest

from chat import services
from chat.models import Message, MessageReaction, Room
from intranet import ratelimit
from tests.browser.conftest import axe_violations
from tests.browser.test_members_pages import log_in
from tests.factories import UserFactory
from tests.members.test_profiles import jpeg_with_gps

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


SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"


def overflow(page) -> int:
    return page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


def shot(page, name):
    if os.environ.get("CHAT_SCREENSHOTS"):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


@pytest.mark.parametrize("width", [320, 375, 414, 1280])
def test_the_list_and_the_room_are_two_screens_on_a_phone_side_by_side_on_a_desktop(
    asgi_server, new_page, width
):
    alice = UserFactory(email="alice@example.org", first_name="Alice", last_name="Roux")
    bruno = UserFactory(first_name="Bruno", last_name="Lacaze")
    general = Room.objects.get(slug="general")
    with ratelimit.suspended():
        for n in range(40):
            services.message_post(
                room=general, author=bruno if n % 2 else alice,
                body=f"Message {n} " + "anticonstitutionnel" * (4 if n == 7 else 0),
            )  # fmt: skip
    Message.objects.filter(seq__lte=20).update(created_at="2026-01-05T09:30:00Z")
    page = new_page(width)
    log_in(page, "alice@example.org")
    page.goto("/discussions/")
    phone = width < 768
    assert page.locator(".room-list").is_visible()
    assert page.locator(".chat-welcome").is_visible() is not phone
    assert overflow(page) <= 0
    page.get_by_role("link", name="# Général").click()
    page.get_by_text("En direct").wait_for()
    shot(page, f"room-{width}")
    assert overflow(page) <= 0
    assert page.locator(".room-list").is_visible() is not phone
    assert page.get_by_role("link", name="Toutes les discussions").is_visible() is phone
    # The room fills the screen; the messages scroll inside it, at their end.
    room = page.locator(".chat-room").bounding_box()
    assert room["y"] + room["height"] <= 900 + 1
    assert room["height"] >= 900 * 0.6
    scroller = page.locator(".chat-scroll")
    assert scroller.evaluate("e => e.scrollHeight > e.clientHeight")
    assert page.locator(".chat-message").last.is_visible()
    assert page.get_by_label("Votre message").is_visible()
    box = page.get_by_label("Votre message").bounding_box()
    assert box["y"] + box["height"] <= 900
    # Days apart, and the time as in Paris.
    days = page.locator(".chat-day").all_inner_texts()
    assert days[-1] == "Aujourd'hui" and "5 janvier" in days[0]
    assert (
        page.locator(f"#message-{Message.objects.get(seq=1).pk} time").inner_text()
        == "10:30"
    )
    # Long words wrap.
    long = page.locator(".chat-message", has_text="anticonstitutionnel")
    assert long.evaluate("e => e.scrollWidth <= e.clientWidth + 1")
    # Scrolled up, the way back to the latest messages shows.
    scroller.evaluate("e => e.scrollTop = -2000")
    jump = page.locator(".chat-jump")
    jump.wait_for()
    jump.click()
    page.wait_for_function(
        "Math.abs(document.querySelector('.chat-scroll').scrollTop) < 5"
    )
    assert jump.is_hidden()
    # The settings stay on the screen (the « Qui lit le salon » menu made the
    # page wider than a phone).
    page.locator(".chat-room__settings > summary").click()
    assert overflow(page) <= 0
    assert axe_violations(page) == []


@pytest.mark.parametrize("width", [375, 1280])
def test_reply_react_attach_and_delete_live(asgi_server, new_page, width, tmp_path):
    UserFactory(email="alice@example.org", first_name="Alice", last_name="Roux")
    UserFactory(email="bruno@example.org", first_name="Bruno", last_name="Lacaze")
    alice, bruno = new_page(width), new_page(width)
    open_general(alice, "alice@example.org")
    open_general(bruno, "bruno@example.org")
    box = alice.get_by_label("Votre message")
    box.fill("Qui a des photos du marché de Lectoure ?")
    box.press("Enter")
    question = bruno.locator(".chat-message", has_text="marché de Lectoure")
    question.wait_for()

    # Bruno answers it, with a photo and a document.
    question.get_by_role("link", name="Répondre").click()
    assert (
        bruno.locator(".chat-composer__reply")
        .inner_text()
        .startswith("En réponse à Alice Roux")
    )
    picture = tmp_path / "marche.jpg"
    picture.write_bytes(jpeg_with_gps((1600, 1200)))
    notes = tmp_path / "liste.txt"
    notes.write_text("Fromages, melons, pain\n")
    bruno.set_input_files("#chat-files", [str(picture), str(notes)])
    bruno.locator(".chat-composer__files li").nth(1).wait_for()
    shot(bruno, f"composer-{width}")
    bruno.get_by_label("Votre message").fill("Les voici !")
    bruno.get_by_role("button", name="Envoyer").click()
    answer = alice.locator(".chat-message", has_text="Les voici")
    answer.wait_for()
    assert (
        answer.locator(".chat-quote")
        .inner_text()
        .endswith("Alice Roux Qui a des photos du marché de Lectoure ?")
    )
    thumbnail = answer.locator(".chat-file--photo img")
    thumbnail.scroll_into_view_if_needed()
    # Its width once loaded (a loaded page may still be fetching it).
    loaded = (
        "i => i.complete && i.naturalWidth ? i.naturalWidth : new Promise("
        "r => { i.onload = () => r(i.naturalWidth); i.onerror = () => r(0); })"
    )
    assert thumbnail.evaluate(loaded) == 160
    assert answer.get_by_role("link", name="liste.txt").is_visible()
    stored = Message.objects.get(body="Les voici !")
    assert stored.reply_to.body.startswith("Qui a des photos")
    assert stored.attachments.count() == 2

    # Alice reacts; Bruno sees it at once.
    answer.locator(".chat-react > summary").click()
    answer.get_by_role("button", name="Merci").click()
    bruno.locator(".chat-message", has_text="Les voici").locator(
        ".chat-reactions .reaction", has_text="1"
    ).wait_for()
    assert MessageReaction.objects.get().reaction == "thanks"
    shot(alice, f"reply-{width}")

    # A file refused: a French error, the text kept.
    bad = tmp_path / "outil.exe"
    bad.write_bytes(b"MZ\x90\x00binary")
    bruno.set_input_files("#chat-files", [str(bad)])
    bruno.get_by_label("Votre message").fill("Et ceci")
    bruno.get_by_role("button", name="Envoyer").click()
    bruno.get_by_text("Ce type de fichier ne peut pas être envoyé").wait_for()
    assert bruno.get_by_label("Votre message").input_value() == "Et ceci"

    # Alice's own live message has its actions without a reload.
    own = alice.locator(".chat-message.is-own", has_text="marché de Lectoure")
    own_id = own.get_attribute("data-id")
    alice.once("dialog", lambda dialog: dialog.accept())
    own.get_by_role("button", name="Supprimer").click()
    bruno.locator(f"#message-{own_id}.is-deleted").wait_for()
    assert Message.objects.get(pk=own_id).deleted_at
    # The answer's quote says so too, on reload; its time reads the same.
    live = bruno.locator(".chat-message", has_text="Les voici").locator("time")
    live_time = live.inner_text()
    bruno.reload()
    assert bruno.locator(".chat-quote", has_text="Message supprimé").count() == 1
    assert live.inner_text() == live_time
    assert alice.evaluate("document.documentElement.scrollWidth") <= width
    assert axe_violations(alice) == []


def test_the_room_list_counts_live_and_a_new_conversation_raises_the_badge(
    asgi_server, new_page
):
    alice = UserFactory(email="alice@example.org", first_name="Alice", last_name="Roux")
    bruno = UserFactory(
        email="bruno@example.org", first_name="Bruno", last_name="Lacaze"
    )
    services.mark_read(user=alice, room=Room.objects.get(slug="entraide"))
    page = new_page(375)
    log_in(page, "alice@example.org")
    page.goto("/discussions/")
    page.wait_for_function("window.WebSocket && document.querySelector('.room-list')")
    page.wait_for_timeout(500)  # the socket says hello
    entraide = Room.objects.get(slug="entraide")
    services.message_post(room=entraide, author=bruno, body="Quelqu'un à Auch ?")
    badge = page.locator(f'.room-list [data-room="{entraide.pk}"] .room-list__unread')
    badge.get_by_text("1", exact=True).wait_for()
    assert badge.inner_text().strip().startswith("1")
    assert badge.locator(".visually-hidden").inner_text() == "1 message non lu"
    # Bruno writes to Alice for the first time: the conversation appears in her
    # list and the chat's count in the navigation goes up.
    room = services.conversation_for(user=bruno, others=[alice])
    services.message_post(room=room, author=bruno, body="Bonjour Alice !")
    page.locator(f'.room-list [data-room="{room.pk}"]').wait_for()
    page.locator(
        f'.room-list [data-room="{room.pk}"] .room-list__unread', has_text="1"
    ).wait_for()
    page.wait_for_function(
        "[...document.querySelectorAll('[data-chat-unread] .count')]"
        ".some(c => c.textContent === '2')"
    )
