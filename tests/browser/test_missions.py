"""Missions in a real browser, at phone and desktop widths, checked with axe-core:
a member posts a mission, sees who fits it, another answers, the author reads the
answer and opens a conversation."""

from datetime import timedelta

import pytest
from django.utils import timezone

from chat.models import Participant
from missions.models import Answer, Mission
from tests.browser.conftest import axe_violations
from tests.browser.test_members_pages import log_in
from tests.missions.conftest import person

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def fits_the_screen(page, width):
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("width", [375, 1280])
def test_post_match_answer_and_talk(new_page, width):
    author = person("Django", where="Auch", email="auteur@example.org")
    fit = person(
        "Figma", "Accessibilité", where="Pavie", email="designer@example.org",
        first_name="Inès", last_name="Barrère",
    )  # fmt: skip
    person("Comptabilité", where="Auch")

    page = new_page(width)
    log_in(page, "auteur@example.org")
    page.goto("/missions/")
    assert axe_violations(page) == []
    page.get_by_role("link", name="Publier une mission").click()
    page.get_by_label("Titre").fill("Refonte du site d'une coopérative")
    page.get_by_label("Cherche un·e partenaire pour faire équipe").check()
    page.get_by_label("Description").fill("Maquettes et tests **avec les adhérents**.")
    page.get_by_label("Compétences recherchées").fill("Figma, accessibilité")
    page.get_by_label("Où").select_option(label="Auch")
    page.get_by_label("Réponses jusqu'au").fill(
        (timezone.localdate() + timedelta(days=15)).isoformat()
    )
    assert axe_violations(page) == []
    fits_the_screen(page, width)
    page.get_by_role("button", name="Publier la mission").click()
    page.get_by_text("Votre mission est publiée").wait_for()
    mission = Mission.objects.get()
    assert {s.name for s in mission.skills.all()} == {"Figma", "Accessibilité"}
    matches = page.get_by_role("complementary", name="Les membres qui correspondent")
    assert "Inès Barrère" in matches.text_content()
    assert "2 compétences en commun, à " in matches.text_content()
    assert axe_violations(page) == []
    fits_the_screen(page, width)

    page.context.clear_cookies()
    log_in(page, "designer@example.org")
    page.goto("/missions/")
    item = page.get_by_role("link", name="Refonte du site d'une coopérative")
    assert "2 de vos compétences" in page.locator(".mission-item").text_content()
    item.click()
    page.get_by_label("Votre message à l'auteur·e").fill("Je suis à Pavie, disponible.")
    page.get_by_role("button", name="Je suis intéressé·e").click()
    page.get_by_text("Votre réponse a été envoyée").wait_for()
    assert Answer.objects.get().member == fit
    assert axe_violations(page) == []

    page.context.clear_cookies()
    log_in(page, "auteur@example.org")
    page.goto(mission.get_absolute_url())
    page.get_by_label("Inès Barrère").check()
    assert axe_violations(page) == []
    page.get_by_role(
        "button", name="Ouvrir une discussion avec les membres cochés"
    ).click()
    page.wait_for_url("**/discussions/*/")
    assert set(Participant.objects.values_list("user", flat=True)) == {
        author.pk,
        fit.pk,
    }
