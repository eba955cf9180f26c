import pytest

from forums import services
from forums.models import Post, Topic
from tests.browser.conftest import axe_violations
from tests.browser.test_members_pages import log_in
from tests.factories import CategoryFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.mark.parametrize("width", [375, 1280])
def test_start_a_topic_with_preview_then_quote_a_reply(new_page, width):
    UserFactory(email="camille@example.org", first_name="Camille", last_name="Roux")
    bastien = UserFactory(first_name="Bastien", last_name="Dupouy")
    category = CategoryFactory(name="Entraide", slug="entraide")
    page = new_page(width)
    log_in(page, "camille@example.org")
    page.goto("/forums/")
    assert axe_violations(page) == []
    page.get_by_role("link", name="Entraide").click()
    page.get_by_role("link", name="Nouveau sujet").click()
    page.get_by_label("Titre").fill("Un plombier vers Auch ?")
    page.get_by_label("Message").fill("Il me faut **vite** quelqu'un.")
    page.get_by_role("button", name="Aperçu").click()
    # htmx renders the preview in place: still on the form, nothing published.
    page.locator(".preview strong", has_text="vite").wait_for()
    assert page.url.endswith("/nouveau-sujet/") and not Topic.objects.exists()
    assert axe_violations(page) == []
    page.get_by_role("button", name="Publier le sujet").click()
    page.get_by_role("heading", name="Un plombier vers Auch ?").wait_for()
    topic = Topic.objects.get()
    services.post_create(author=bastien, topic=topic, body="Essaie Jean à Pavie.")
    page.reload()
    page.locator("article", has_text="Essaie Jean").get_by_role(
        "link", name="Citer"
    ).click()
    box = page.get_by_label("Message")
    assert "> Essaie Jean à Pavie." in box.input_value()
    box.fill(box.input_value() + "Merci !")
    page.get_by_role("button", name="Envoyer ma réponse").click()
    page.locator("article", has_text="Merci !").wait_for()
    assert Post.objects.filter(topic=topic).count() == 3
    assert axe_violations(page) == []
    page.goto(category.get_absolute_url())
    assert axe_violations(page) == []


def test_moderation_pages_are_accessible(new_page):
    from django.contrib.auth.models import Group

    moderator = UserFactory(email="modo@example.org")
    moderator.groups.add(Group.objects.get(name="Modération des échanges"))
    author, reporter = UserFactory(), UserFactory()
    topic = services.topic_create(
        author=author, category=CategoryFactory(), title="Annonce", body="Achetez !"
    )
    services.report_create(post=topic.last_post, reporter=reporter, reason="Publicité")
    page = new_page(375)
    log_in(page, "modo@example.org")
    page.goto("/forums/moderation/")
    assert page.get_by_text("Publicité").is_visible()
    assert axe_violations(page) == []
    page.get_by_role("button", name="Masquer le message").click()
    page.get_by_text("Aucun signalement à traiter.").wait_for()
    page.goto("/forums/moderation/journal/")
    assert page.get_by_text("a donné suite à un signalement").is_visible()
    assert axe_violations(page) == []
    page.goto(topic.get_absolute_url())
    assert axe_violations(page) == []
