"""Mutual help in a real browser, at phone and desktop widths, checked with
axe-core: a member fills in their profile's offers (adding a line with the
script), another asks for help and sees who could help, the first answers, the
author reads the answer and opens the conversation."""

import pytest

from members.models import OfferNeed
from mutualaid.models import HelpAnswer, HelpEntry
from tests.browser.conftest import axe_violations
from tests.browser.test_members_pages import log_in
from tests.factories import UserFactory
from tests.mutualaid.conftest import live_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.mark.parametrize("width", [375, 1280])
def test_post_match_and_answer(new_page, width):
    helper = live_in(
        UserFactory(
            email="helene@example.org", first_name="Hélène", last_name="Prêteuse"
        ),
        "Fleurance",
    )
    asker = live_in(
        UserFactory(
            email="adrien@example.org", first_name="Adrien", last_name="Demandeur"
        ),
        "Lectoure",
    )

    # Hélène says on her profile what she lends; the script adds a line.
    page = new_page(width)
    log_in(page, "helene@example.org")
    page.goto("/membres/mon-profil/")
    offers = page.locator("[data-lines=offers]")
    assert offers.locator(".lines__line").count() == 2
    offers.get_by_role("button", name="Ajouter une ligne").click()
    assert offers.locator(".lines__line").count() == 3
    assert page.evaluate("document.activeElement.name") == "offers-2-text"
    page.get_by_label("Ce que je propose, ligne 1 : en quelques mots").fill(
        "Prêt de mon vidéoprojecteur"
    )
    page.get_by_label("Ce que je propose, ligne 3 : en quelques mots").fill(
        "Covoiturage vers Auch le mardi"
    )
    assert axe_violations(page) == []
    page.get_by_role("button", name="Enregistrer mon profil").click()
    page.get_by_text("Votre profil a bien été enregistré.").wait_for()
    assert list(
        OfferNeed.objects.filter(profile__user=helper).values_list("text", flat=True)
    ) == ["Prêt de mon vidéoprojecteur", "Covoiturage vers Auch le mardi"]
    assert page.get_by_text("Prêt de mon vidéoprojecteur").is_visible()

    # Adrien asks; the entry's page shows Hélène, with the distance.
    other = new_page(width)
    log_in(other, "adrien@example.org")
    other.goto("/entraide/")
    other.get_by_role("link", name="Demander ou proposer de l'aide").first.click()
    other.get_by_label("Je demande de l'aide").check()
    other.get_by_label("Catégorie").select_option(label="Prêt ou emprunt")
    other.get_by_label("En une ligne").fill("Emprunter un videoprojecteur samedi")
    other.get_by_label("Détails (facultatif)").fill("Pour un atelier au village.")
    assert other.get_by_label("Commune").evaluate("e => e.selectedOptions[0].text") == (
        "Lectoure"
    )
    assert axe_violations(other) == []
    other.get_by_role("button", name="Publier").click()
    other.get_by_role("heading", name="Qui pourrait aider").wait_for()
    match = other.locator(".help-matches li", has_text="Hélène Prêteuse")
    assert "propose : Prêt de mon vidéoprojecteur" in match.text_content()
    assert "Fleurance" in match.text_content() and "km" in match.text_content()
    assert axe_violations(other) == []
    entry = HelpEntry.objects.get()

    # Hélène answers « Je peux aider ».
    page.goto(entry.get_absolute_url())
    page.get_by_label("Votre message pour son auteur").fill(
        "Je l'apporte samedi matin."
    )
    page.get_by_role("button", name="Je peux aider").click()
    page.get_by_text("Votre réponse a été envoyée à l'auteur·e.").wait_for()
    assert HelpAnswer.objects.get().author == helper
    assert axe_violations(page) == []

    # Adrien reads it, writes to her, and says it is settled.
    other.goto(entry.get_absolute_url())
    assert other.get_by_text("Je l'apporte samedi matin.").is_visible()
    assert axe_violations(other) == []
    other.get_by_role("button", name="Écrire à Hélène Prêteuse").click()
    other.wait_for_url("**/discussions/**")
    other.goto(entry.get_absolute_url())
    other.get_by_role("button", name="C'est réglé").click()
    other.get_by_text("C'est réglé : l'annonce est close. Merci !").wait_for()
    entry.refresh_from_db()
    assert entry.status == HelpEntry.Status.CLOSED
    assert asker.pk != helper.pk
