"""Wagtail's submit button names the committee's review in French, without a
number (issue #21)."""

from django.urls import reverse
from wagtail.models import Workflow

from committees.models import CommitteeAccess
from committees.rights import review_names
from tests.factories import CommitteePageFactory


def test_the_workflow_reads_well_after_soumettre_a(db):
    committee = CommitteePageFactory(title="Comité d'accueil de Saint-Puy")
    workflow = CommitteeAccess.objects.get(committee=committee).workflow
    assert workflow.name == "la relecture du comité d'accueil de Saint-Puy"
    assert "#" not in workflow.name
    assert "#" not in workflow.tasks.get().name
    assert review_names("Bureau de Lectoure") == (
        "la relecture de Bureau de Lectoure",
        "la validation de Bureau de Lectoure",
    )


def test_the_editor_sees_the_button_in_french(client, db, network_editor):
    committee = CommitteePageFactory(title="Comité d'accueil de Saint-Puy")
    client.force_login(network_editor)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[committee.pk])).text
    assert "Soumettre à la relecture du comité d&#x27;accueil de Saint-Puy" in html or (
        "Soumettre à la relecture du comité d'accueil de Saint-Puy" in html
    )
    assert "(#" not in html
    assert Workflow.objects.filter(name__contains="#").count() == 0
