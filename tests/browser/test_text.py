"""Issue #21 in a browser: the notification list (grouped reactions, what was
said, « à l'instant ») and the search without accents read well at 375 and 1280
px, and pass axe-core."""

import os

import pytest

from activity import services as feed
from members.models import Profile
from tests.browser.conftest import axe_violations
from tests.browser.test_members_pages import log_in
from tests.factories import NewsPageFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
SHOTS = os.environ.get("SCREENSHOTS", "")


def _shot(page, name, width):
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{name}-{width}.png", full_page=True)


@pytest.mark.parametrize("width", [375, 1280])
def test_grouped_notifications_and_accentless_search_read_well(new_page, width):
    camille = UserFactory(
        email="camille@example.org", first_name="Camille", last_name="Laborde"
    )
    edith = UserFactory(first_name="Édith", last_name="Petit")
    post = feed.post_create(author=camille, body="Qui vient au marché de Mauvezin ?")
    for name in ("Léa", "Paul", "Inès"):
        feed.reaction_toggle(
            post=post, user=UserFactory(first_name=name), reaction="like"
        )
    feed.comment_create(
        post=post,
        author=edith,
        body="Oui ! J'y serai avec @Camille Laborde et les enfants de l'école, "
        "on apporte des gâteaux et du café pour tout le monde, rendez-vous à "
        "neuf heures devant la halle, près de la fontaine.",
    )
    Profile.objects.filter(user=edith).update(profession="Médecin généraliste")
    NewsPageFactory(title="L'école de Lavardens rouvre ses portes")

    page = new_page(width)
    log_in(page, "camille@example.org")
    page.goto("/notifications/")
    items = page.locator(".notification-list li")
    assert items.count() == 2
    text = page.locator(".notification-list").inner_text()
    assert "3 réactions à votre publication." in text
    assert "Édith Petit a commenté votre publication." in text
    assert "à l'instant" in text and "@[" not in text
    quote = page.locator(".notification-list__quote").first
    assert quote.inner_text().endswith("…")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert axe_violations(page) == []
    _shot(page, "notifications", width)

    page.goto("/recherche/?q=ecole")
    marks = page.locator("mark")
    assert marks.first.inner_text().lower() == "école"
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert axe_violations(page) == []
    _shot(page, "search", width)

    page.goto("/membres/?q=medecin")
    assert "Édith Petit" in page.locator("main").inner_text()
    _shot(page, "directory", width)
