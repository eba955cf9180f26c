"""Journeys driven by the keyboard alone (Tab, Shift+Tab, Enter, Space; no click),
and every button and link named for screen readers."""

import re

import pytest

from activity import services as activity_services
from activity.models import FeedPost
from events import services as event_services
from events.models import Rsvp
from tests.browser.conftest import axe_violations
from tests.browser.test_members_pages import log_in
from tests.factories import PASSWORD, EventPageFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def focused(page) -> dict:
    return page.evaluate(
        """() => { const e = document.activeElement;
        return {tag: e.tagName, id: e.id, name: e.name || '',
                text: (e.innerText || e.value || '').trim()}; }"""
    )


def tab_to(page, matches, *, limit=80, key="Tab") -> dict:
    """Press Tab until the focused element matches; fail if it never does."""
    for _ in range(limit):
        page.keyboard.press(key)
        now = focused(page)
        if matches(now):
            return now
    pytest.fail(f"{key} never reached the element; last: {now}")


def test_log_in_with_the_keyboard_only(new_page):
    UserFactory(email="camille@example.org", first_name="Camille")
    page = new_page(375)
    page.goto("/comptes/login/")
    tab_to(page, lambda e: e["name"] == "login")
    page.keyboard.type("camille@example.org")
    page.keyboard.press("Tab")
    assert focused(page)["name"] == "password"  # no link in between
    page.keyboard.press("Shift+Tab")
    assert focused(page)["name"] == "login"
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "/comptes/" not in url)
    assert page.locator("h1").inner_text() == "Bonjour, Camille"
    # « Forgot your password? » is still there, after the button.
    page.context.clear_cookies()
    page.goto("/comptes/login/")
    tab_to(page, lambda e: e["tag"] == "BUTTON" and e["text"] == "Se connecter")
    page.keyboard.press("Tab")
    assert focused(page)["text"] == "Mot de passe oublié ?"
    assert axe_violations(page) == []


@pytest.mark.parametrize("width", [375, 1280])
def test_answer_a_meetup_with_the_keyboard_only(new_page, width):
    camille = UserFactory(email="camille@example.org")
    event = EventPageFactory(title="Afterwork à Auch", capacity=3, guests_allowed=2)
    event_services.rsvp_set(event=event, user=UserFactory(), going=True)
    page = new_page(width)
    log_in(page, "camille@example.org")
    page.goto(event.url)
    # Two guests, with the arrow keys, then « I'm going » with Enter.
    tab_to(page, lambda e: e["id"] == "rsvp-guests")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert page.locator("#rsvp-guests").input_value() == "2"
    page.keyboard.press("Tab")
    assert focused(page)["text"] == "Je viens"
    page.keyboard.press("Enter")
    page.get_by_text("Il reste 2 places ; vous êtes 3.").first.wait_for()
    assert focused(page)["id"] == "reponse"  # focus on the answer, not lost
    assert Rsvp.objects.get(user=camille).status == Rsvp.Status.WAITLIST
    # The party does not fit: come with one guest, by Space.
    tab_to(page, lambda e: e["text"] == "Venir avec 1 invité")
    page.keyboard.press("Space")
    page.get_by_text("Vous venez, avec 1 invité.").wait_for()
    assert focused(page)["id"] == "reponse"
    answer = Rsvp.objects.get(user=camille)
    assert (answer.status, answer.guests) == (Rsvp.Status.GOING, 1)
    # And back out, by Shift+Tab from further down.
    tab_to(page, lambda e: e["text"] == "Je ne viens pas")
    page.keyboard.press("Shift+Tab")
    assert focused(page)["text"] == "Je viens"
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.get_by_text("Vous avez répondu que vous ne venez pas.").wait_for()
    assert Rsvp.objects.get(user=camille).status == Rsvp.Status.NOT_GOING
    assert axe_violations(page) == []


@pytest.mark.parametrize("path", ["/", "/fil/reseau/"])
def test_post_in_the_feed_with_the_keyboard_only(new_page, path):
    UserFactory(email="camille@example.org", first_name="Camille")
    page = new_page(1280)
    log_in(page, "camille@example.org")
    page.goto(path)
    tab_to(page, lambda e: e["tag"] == "SUMMARY" and "publication" in e["text"])
    page.keyboard.press("Enter")  # opens the composer
    page.keyboard.press("Tab")
    assert focused(page)["name"] == "body"
    page.keyboard.type("Quelqu'un pour un covoiturage vers Auch jeudi ?")
    tab_to(page, lambda e: e["tag"] == "BUTTON" and e["text"] == "Publier")
    page.keyboard.press("Enter")
    page.get_by_text("Votre publication est en ligne").wait_for()
    post = FeedPost.objects.get()
    # Focus lands on the new post, and Tab goes on from there.
    assert focused(page)["id"] == f"publication-{post.pk}"
    assert page.locator(f"#publication-{post.pk}").is_visible()
    page.keyboard.press("Tab")
    inside = page.evaluate(
        f"document.getElementById('publication-{post.pk}')"
        ".contains(document.activeElement)"
    )
    assert inside


UNNAMED = re.compile(r"^\s*- (button|link)( \"\")?:?\s*$", re.MULTILINE)


def test_every_button_and_link_of_the_dashboard_is_named(new_page):
    camille = UserFactory(email="camille@example.org", first_name="Camille")
    other = UserFactory(first_name="Bastien")
    post = activity_services.post_create(author=other, body="Bonjour à tous")
    activity_services.reaction_toggle(post=post, user=camille, reaction="like")
    activity_services.comment_create(post=post, author=camille, body="Salut")
    EventPageFactory(title="Afterwork à Auch")
    page = new_page(1280)
    log_in(page, "camille@example.org")
    for path in ("/", "/fil/reseau/"):
        page.goto(path)
        for details in page.locator("details").all():  # menus open, all read
            details.evaluate("d => d.open = true")
        tree = page.locator("body").aria_snapshot()
        assert "- button" in tree and "- link" in tree
        assert UNNAMED.findall(tree) == [], (path, tree)
        assert axe_violations(page) == []
