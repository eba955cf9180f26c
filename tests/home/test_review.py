"""Page review in the intranet: a page submitted in a committee's workflow rings
its reviewers' bell and waits in their « À relire » panel; approval or changes
asked ring the submitter's. Wagtail's buttons read naturally in French."""

from html import unescape

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from activity.models import Notification
from committees import rights
from home.models import NewsPage
from home.review import REVIEWED, TO_REVIEW
from tests.factories import CommitteeMembershipFactory, UserFactory

NETWORK_EDITORS = "Équipe réseau"


def member_of(committee, *, role="member", is_editor=False, **names):
    membership = CommitteeMembershipFactory(
        committee=committee, role=role, is_editor=is_editor, user=UserFactory(**names)
    )
    rights.user_sync_groups(membership.user)
    return membership.user


@pytest.fixture
def cast(committee):
    editor = member_of(committee, is_editor=True, first_name="Edith", last_name="Piaf")
    referent = member_of(committee, role="referent", first_name="Rémi", last_name="Ré")
    staff = UserFactory(first_name="Claire", last_name="Dubosc")
    staff.groups.add(Group.objects.get(name=NETWORK_EDITORS))
    plain = member_of(committee, first_name="Paul", last_name="Lambda")
    news = committee.add_child(
        instance=NewsPage(
            title="Marché de Noël", intro="Place de la mairie.", live=False
        )
    )
    news.save_revision(user=editor)
    return {"editor": editor, "referent": referent, "staff": staff, "plain": plain,
            "news": news}  # fmt: skip


def submit(committee, cast):
    committee.access.workflow.start(cast["news"], cast["editor"])


def test_a_submitted_page_rings_its_reviewers_and_waits_on_their_dashboard(
    client, committee, cast
):
    submit(committee, cast)
    told = Notification.objects.filter(kind=TO_REVIEW)
    assert {n.recipient_id for n in told} == {cast["referent"].pk, cast["staff"].pk}
    note = told.get(recipient=cast["referent"])
    assert note.text == "Edith Piaf a soumis « Marché de Noël » à la relecture."
    assert note.url == reverse("wagtailadmin_pages:edit", args=[cast["news"].pk])
    client.force_login(cast["referent"])
    html = unescape(client.get("/").content.decode())
    assert "À relire" in html and "Marché de Noël" in html
    assert "soumise par Edith Piaf" in html
    client.force_login(cast["plain"])
    assert "À relire" not in unescape(client.get("/").content.decode())


def test_the_panel_costs_nothing_to_those_who_review_nothing(client, committee, cast):
    def queries_of(user):
        client.force_login(user)
        client.get("/")
        with CaptureQueriesContext(connection) as captured:
            client.get("/")
        return len(captured)

    before = queries_of(cast["plain"])
    submit(committee, cast)
    assert queries_of(cast["plain"]) == before


def test_approval_and_changes_asked_ring_the_submitter(client, committee, cast):
    submit(committee, cast)
    news = cast["news"]
    state = news.current_workflow_task_state
    client.force_login(cast["referent"])
    response = client.post(
        reverse(
            "wagtailadmin_pages:workflow_action", args=[news.pk, "reject", state.pk]
        ),
        {"comment": "Ajoutez l'horaire."},
    )
    assert response.status_code in (200, 302)
    asked = Notification.objects.get(recipient=cast["editor"], kind=REVIEWED)
    assert asked.text == (
        "Rémi Ré a demandé des modifications à « Marché de Noël » : Ajoutez l'horaire."
    )
    client.force_login(cast["editor"])
    assert "demandé des modifications" in unescape(
        client.get(reverse("activity:list")).content.decode()
    )
    asked.delete()
    NewsPage.objects.get(pk=news.pk).current_workflow_state.resume(user=cast["editor"])
    state = NewsPage.objects.get(pk=news.pk).current_workflow_task_state
    client.force_login(cast["staff"])
    client.post(
        reverse(
            "wagtailadmin_pages:workflow_action", args=[news.pk, "approve", state.pk]
        ),
        {"comment": ""},
    )
    approved = Notification.objects.get(recipient=cast["editor"], kind=REVIEWED)
    assert approved.text == "Claire Dubosc a approuvé « Marché de Noël »."
    client.force_login(cast["referent"])
    assert "À relire" not in unescape(client.get("/").content.decode())


def test_wagtails_submit_button_reads_naturally(client, committee, cast):
    client.force_login(cast["editor"])
    html = unescape(
        client.get(
            reverse("wagtailadmin_pages:edit", args=[cast["news"].pk])
        ).content.decode()
    )
    assert "Soumettre à la relecture du comité d'accueil d'Auch" in html.replace(
        "’", "'"
    )
    assert "(#" not in html
