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
    page.locator("#main").get_by_role("link", name="Entraide").click()
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
    box = page.locator("#reply-form textarea")
    box.fill("Merci pour l'adresse,")
    page.locator("article", has_text="Essaie Jean").get_by_role(
        "button", name="Citer"
    ).click()
    # The quote comes where one types, on the same page, after what was typed.
    page.wait_for_function(
        "document.querySelector('#reply-form textarea').value.includes('> Essaie')"
    )
    assert page.url.endswith(topic.get_absolute_url())
    assert box.input_value() == (
        "Merci pour l'adresse,\n\n> **Bastien Dupouy** :\n> Essaie Jean à Pavie.\n\n"
    )
    assert page.evaluate("document.activeElement.name") == "body"
    page.keyboard.type("Merci !")
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


def test_drafts_stay_in_the_browser_until_sent(new_page):
    UserFactory(email="camille@example.org", first_name="Camille", last_name="Roux")
    author = UserFactory(first_name="Bastien", last_name="Dupouy")
    category = CategoryFactory(name="Entraide", slug="entraide")
    topic = services.topic_create(
        author=author, category=category, title="Covoiturage", body="Qui va à Auch ?"
    )
    page = new_page(375)
    log_in(page, "camille@example.org")
    # A new topic: typed, left, found again.
    page.goto("/forums/entraide/nouveau-sujet/")
    page.get_by_label("Titre").fill("Un jardin partagé")
    page.get_by_label("Message").fill("Qui a des graines ?")
    page.wait_for_timeout(500)  # the draft is saved a moment after typing
    page.goto("/forums/")
    page.goto("/forums/entraide/nouveau-sujet/")
    assert page.get_by_label("Titre").input_value() == "Un jardin partagé"
    assert page.get_by_label("Message").input_value() == "Qui a des graines ?"
    assert page.get_by_role("status").filter(has_text="brouillon").is_visible()
    assert axe_violations(page) == []
    # A reply: kept per topic, through a refused send, and gone once sent.
    page.goto(topic.get_absolute_url())
    reply = page.locator("#reply-form textarea")
    assert reply.input_value() == ""
    reply.fill("Moi, samedi.")
    page.wait_for_timeout(500)
    page.reload()
    assert reply.input_value() == "Moi, samedi."
    page.get_by_role("button", name="Envoyer ma réponse").click()
    page.locator("article", has_text="Moi, samedi.").wait_for()
    assert reply.input_value() == ""
    sent = Post.objects.get(body="Moi, samedi.")
    # Focus lands on the new message (its permalink's target).
    assert page.evaluate("document.activeElement.id") == f"message-{sent.pk}"
    keys = page.evaluate("Object.keys(localStorage)")
    assert keys == ["sohosolo-draft:forum-topic-entraide"]
    # The topic's draft can be thrown away.
    page.goto("/forums/entraide/nouveau-sujet/")
    page.get_by_role("button", name="Abandonner le brouillon").click()
    assert page.get_by_label("Titre").input_value() == ""
    assert page.evaluate("Object.keys(localStorage)") == []
    # Sent successfully, a new topic's draft goes too.
    page.get_by_label("Titre").fill("Bourse aux graines")
    page.get_by_label("Message").fill("Samedi à Auch.")
    page.get_by_role("button", name="Publier le sujet").click()
    page.get_by_role("heading", name="Bourse aux graines").wait_for()
    assert page.evaluate("Object.keys(localStorage)") == []
    assert Topic.objects.filter(title="Bourse aux graines").exists()


def test_quote_without_javascript_keeps_the_typed_text(browser, live_server):
    from tests.factories import PASSWORD

    UserFactory(email="camille@example.org")
    author = UserFactory(first_name="Bastien", last_name="Dupouy")
    topic = services.topic_create(
        author=author, category=CategoryFactory(), title="Covoiturage", body="Auch ?"
    )
    context = browser.new_context(java_script_enabled=False, base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto("/comptes/login/")
    page.fill("input[name=login]", "camille@example.org")
    page.fill("input[name=password]", PASSWORD)
    page.click("form.card button[type=submit]")
    page.wait_for_url(lambda url: "/comptes/" not in url)
    page.goto(topic.get_absolute_url())
    page.locator("#reply-form textarea").fill("Oui,")
    page.get_by_role("button", name="Citer").click()
    assert page.get_by_role("textbox", name="Message").input_value() == (
        "Oui,\n\n> **Bastien Dupouy** :\n> Auch ?\n\n"
    )
    assert Post.objects.filter(topic=topic).count() == 1
    page.get_by_role("button", name="Envoyer ma réponse").click()
    page.locator("article", has_text="Oui,").wait_for()
    assert Post.objects.filter(topic=topic).count() == 2
    context.close()
