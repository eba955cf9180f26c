"""The newcomer pipeline in a real browser: a family sends its project on a phone,
corrects a mistake, follows the link it receives and writes to the team; the team
reads it on the board, moves it and reads the figures. Axe checks every page."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail

from tests.browser.conftest import axe_violations
from tests.factories import PASSWORD, CommitteePageFactory, UserFactory
from welcome.models import InstallationProject

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_family_sends_its_project_then_follows_it(new_page):
    CommitteePageFactory(title="Comité d'accueil de Marciac", slug="marciac")
    page = new_page(375)
    page.goto("/venir-dans-le-gers/")
    assert page.locator("h1").inner_text() == "Venir vivre et travailler dans le Gers"
    assert axe_violations(page) == []
    you = page.get_by_role("group", name="Vous")
    you.get_by_label("Prénom").fill("Léa")
    you.get_by_label("Nom", exact=True).fill("Martin")
    you.get_by_label("Métier").fill("Traductrice")
    you.get_by_label("Activité professionnelle").select_option("freelance")
    page.get_by_role("group", name="Enfant 1").get_by_label(
        "Niveau scolaire"
    ).select_option("primary")
    page.get_by_label("Où habitez-vous actuellement ?").fill("Lyon, France")
    page.get_by_label("Auch", exact=True).check()  # its commune
    page.get_by_label("Dans six à douze mois").check()
    page.get_by_label("Louer").check()
    page.get_by_label("Quel type de logement ?").select_option("village")
    page.get_by_label("Visioconférences toute la journée").check()
    page.get_by_label("Votre adresse e-mail").fill("lea@example.net")
    page.get_by_role("button", name="Envoyer notre projet").click()
    # Without consent: the error is said, next to the box, and nothing is lost.
    assert "qu'avec votre accord" in page.locator("main").inner_text()
    assert page.get_by_label("Où habitez-vous actuellement ?").input_value() == (
        "Lyon, France"
    )
    assert axe_violations(page) == []
    page.locator("#id_consent").check()
    page.get_by_role("button", name="Envoyer notre projet").click()
    page.wait_for_url("**/venir-dans-le-gers/merci/")
    assert axe_violations(page) == []
    assert (
        InstallationProject.objects.get().people.get(is_adult=True).first_name == "Léa"
    )

    [email] = [m for m in mail.outbox if m.to == ["lea@example.net"]]
    link = re.search(r"/venir-dans-le-gers/lien/\S+/", email.body).group()
    page.goto(link)
    page.wait_for_url("**/mon-projet/")
    assert "famille Martin" in page.locator("h1").inner_text()
    page.get_by_label("Votre message").fill("Bonjour, une école à Marciac ?")
    page.get_by_role("button", name="Envoyer", exact=True).click()
    assert (
        "Bonjour, une école à Marciac ?"
        in page.locator("#conversation ~ ol").inner_text()
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert axe_violations(page) == []


@pytest.mark.parametrize("width", [375, 1280])
def test_the_team_moves_a_project_and_reads_the_figures(new_page, width):
    from tests.welcome.conftest import submit

    claire = UserFactory(email="claire@example.org", first_name="Claire")
    claire.groups.add(Group.objects.get(name="Équipe programme"))
    project = submit()
    page = new_page(width)
    page.goto("/comptes/login/")
    page.get_by_label("E-mail").fill("claire@example.org")
    page.get_by_label("Mot de passe", exact=False).first.fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url(lambda url: "/comptes/" not in url)
    page.goto("/nouveaux-arrivants/")
    assert page.get_by_role("heading", name="Reçu 1").is_visible()
    assert axe_violations(page) == []
    page.get_by_role("link", name="Famille Martin").click()
    page.get_by_label("Qualifié").check()
    page.get_by_role("button", name="Déplacer").click()
    assert (
        "Le projet est maintenant au stade « Qualifié »."
        in page.locator(".messages").inner_text()
    )
    project.refresh_from_db()
    assert project.stage == "qualified"
    assert axe_violations(page) == []
    page.goto("/nouveaux-arrivants/chiffres/")
    assert page.get_by_role(
        "img", name="Projets ayant atteint chaque stade"
    ).is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert axe_violations(page) == []
