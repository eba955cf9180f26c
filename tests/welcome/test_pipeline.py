"""Stage rules, routing, sponsors and the family's invitation into the network."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from chat.models import Participant
from committees.models import CommitteeMembership
from members.models import Invitation, hash_token
from tests.factories import (
    CommitteeMembershipFactory,
    CommitteePageFactory,
    UserFactory,
)
from welcome import services
from welcome.models import ChecklistItem, ChecklistTemplateItem, Stage


def test_moves_record_who_and_when(project, team_member):
    services.project_move(project=project, by=team_member, to=Stage.QUALIFIED)
    project.refresh_from_db()
    change = project.changes.last()
    assert (change.from_stage, change.to_stage, change.by) == (
        Stage.RECEIVED,
        Stage.QUALIFIED,
        team_member,
    )
    assert abs(project.stage_changed_at - change.at).total_seconds() < 1


def test_a_project_goes_one_stage_at_a_time(project, team_member):
    with pytest.raises(ValidationError) as error:
        services.project_move(project=project, by=team_member, to=Stage.INSTALLED)
    assert error.value.code == "not_allowed"
    project.refresh_from_db()
    assert project.stage == Stage.RECEIVED and project.changes.count() == 1


def test_routing_needs_a_committee(project, team_member):
    services.project_move(project=project, by=team_member, to=Stage.QUALIFIED)
    with pytest.raises(ValidationError) as error:
        services.project_move(project=project, by=team_member, to=Stage.ROUTED)
    assert error.value.code == "committee"


def test_closing_needs_a_reason_and_can_be_undone(project, team_member):
    with pytest.raises(ValidationError) as error:
        services.project_move(project=project, by=team_member, to=Stage.ABANDONED)
    assert error.value.code == "reason"
    services.project_move(
        project=project, by=team_member, to=Stage.ABANDONED, reason="Plus de nouvelles"
    )
    project.refresh_from_db()
    assert project.closed_reason == "Plus de nouvelles"
    assert services.allowed_moves(user=team_member, project=project) == [Stage.RECEIVED]
    services.project_move(project=project, by=team_member, to=Stage.RECEIVED)
    project.refresh_from_db()
    assert project.stage == Stage.RECEIVED and project.closed_reason == ""


def test_a_settled_family_leaves_but_is_not_abandoned(
    sponsored, volunteer, team_member
):
    for stage in (Stage.VISIT, Stage.INSTALLED):
        services.project_move(project=sponsored, by=volunteer, to=stage)
    sponsored.refresh_from_db()
    assert Stage.ABANDONED not in services.allowed_moves(
        user=team_member, project=sponsored
    )
    services.project_move(
        project=sponsored, by=team_member, to=Stage.DEPARTED, reason="Retour à Paris"
    )
    sponsored.refresh_from_db()
    assert sponsored.stage == Stage.DEPARTED


def test_a_stale_form_does_not_move_a_project_twice(project, team_member):
    services.project_move(project=project, by=team_member, to=Stage.QUALIFIED)
    with pytest.raises(ValidationError) as error:
        services.project_move(
            project=project, by=team_member, to=Stage.QUALIFIED, expected="received"
        )
    assert error.value.code == "moved"
    assert project.changes.count() == 2


def test_the_committee_moves_only_the_field_stages(sponsored, referent, volunteer):
    assert services.allowed_moves(user=referent, project=sponsored) == [Stage.VISIT]
    assert services.allowed_moves(user=volunteer, project=sponsored) == [Stage.VISIT]
    with pytest.raises(ValidationError):
        services.project_move(
            project=sponsored, by=referent, to=Stage.ABANDONED, reason="non"
        )
    services.project_move(project=sponsored, by=volunteer, to=Stage.VISIT)


def test_strangers_move_nothing(project, member):
    assert services.allowed_moves(user=member, project=project) == []
    with pytest.raises(PermissionDenied):
        services.project_move(project=project, by=member, to=Stage.QUALIFIED)


def test_routing_tells_the_referents_and_gives_the_checklist(
    project, team_member, committee, referent, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.project_route(project=project, by=team_member, committee=committee)
    project.refresh_from_db()
    assert project.stage == Stage.ROUTED and project.committee == committee
    note = referent.notifications.get(kind="welcome_routed")
    assert "famille Martin" in note.text and "Marciac" in note.text
    steps = list(ChecklistTemplateItem.objects.values_list("title", flat=True))
    assert len(steps) == 8
    assert list(project.checklist.values_list("title", flat=True)) == steps
    assert all(item.due_on for item in project.checklist.all())
    # The family is told who welcomes them (and each e-mail brings a fresh link).
    [email] = [m for m in mail.outbox if m.to == ["lea@example.net"]]
    assert "Marciac" in email.body


def test_only_the_team_routes(project, referent, committee):
    with pytest.raises(PermissionDenied):
        services.project_route(project=project, by=referent, committee=committee)


def test_a_referent_chooses_a_sponsor_who_is_told(
    routed, referent, volunteer, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.project_sponsor_set(project=routed, by=referent, sponsor=volunteer)
    routed.refresh_from_db()
    assert routed.sponsor == volunteer
    assert volunteer.notifications.get(kind="welcome_sponsor")
    assert set(routed.checklist.values_list("owner", flat=True)) == {volunteer.pk}
    assert Participant.objects.filter(
        room=routed.conversation, user=volunteer, left_at__isnull=True
    ).exists()
    [email] = [m for m in mail.outbox if m.to == ["lea@example.net"]]
    assert "Simone Grondin" in email.body
    assert [m for m in mail.outbox if m.to == [volunteer.email]]  # told by e-mail


def test_the_sponsor_comes_from_the_committee(routed, referent):
    outsider = UserFactory()
    with pytest.raises(ValidationError) as error:
        services.project_sponsor_set(project=routed, by=referent, sponsor=outsider)
    assert error.value.code == "sponsor"


def test_a_referent_of_another_committee_chooses_no_sponsor(routed, volunteer):
    elsewhere = CommitteeMembershipFactory(
        role=CommitteeMembership.Role.REFERENT, committee=CommitteePageFactory()
    ).user
    with pytest.raises(PermissionDenied):
        services.project_sponsor_set(project=routed, by=elsewhere, sponsor=volunteer)


def test_routing_elsewhere_takes_the_old_sponsor_off(sponsored, team_member, volunteer):
    other = CommitteePageFactory(title="Comité d'accueil de Lectoure")
    services.project_route(project=sponsored, by=team_member, committee=other)
    sponsored.refresh_from_db()
    assert sponsored.sponsor is None
    assert not Participant.objects.filter(
        room=sponsored.conversation, user=volunteer, left_at__isnull=True
    ).exists()
    assert not sponsored.checklist.filter(owner=volunteer).exists()


def _settle(project, sponsor):
    for stage in (Stage.VISIT, Stage.INSTALLED):
        services.project_move(project=project, by=sponsor, to=stage)
    project.refresh_from_db()
    return project


def test_the_family_is_invited_in_one_action_and_the_committee_told(
    sponsored, referent, volunteer, committee, django_capture_on_commit_callbacks
):
    with pytest.raises(ValidationError):
        services.family_invite(project=sponsored, by=referent)
    _settle(sponsored, volunteer)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        invited, skipped = services.family_invite(project=sponsored, by=referent)
    assert [p.first_name for p in invited] == ["Léa", "Hugo"] and skipped == []
    invitations = Invitation.objects.order_by("email")
    assert [(i.email, i.committee) for i in invitations] == [
        ("hugo@example.net", committee),
        ("lea@example.net", committee),
    ]
    assert sorted(m.to[0] for m in mail.outbox) == [
        "hugo@example.net",
        "lea@example.net",
    ]
    assert volunteer.notifications.filter(kind="welcome_installed").exists()
    # Again: nobody is invited twice, and the committee is not told twice.
    invited, skipped = services.family_invite(project=sponsored, by=referent)
    assert invited == [] and len(skipped) == 2
    assert volunteer.notifications.filter(kind="welcome_installed").count() == 1


def test_an_adult_who_is_already_a_member_is_skipped(sponsored, referent, volunteer):
    UserFactory(email="hugo@example.net")
    _settle(sponsored, volunteer)
    invited, skipped = services.family_invite(project=sponsored, by=referent)
    assert [p.first_name for p in invited] == ["Léa"]
    assert [p.first_name for p in skipped] == ["Hugo"]


def test_a_sponsor_does_not_invite(sponsored, volunteer):
    _settle(sponsored, volunteer)
    with pytest.raises(PermissionDenied):
        services.family_invite(project=sponsored, by=volunteer)


def test_a_checklist_step_is_updated_by_the_sponsor(sponsored, volunteer, team_member):
    item = sponsored.checklist.first()
    services.checklist_item_update(
        item=item, by=volunteer, status="done", owner=team_member,
        due_on=item.due_on, notes=" Bail signé ",
    )  # fmt: skip
    item.refresh_from_db()
    assert (item.status, item.owner, item.notes, item.updated_by) == (
        ChecklistItem.Status.DONE,
        team_member,
        "Bail signé",
        volunteer,
    )


def test_a_step_is_held_by_the_committee_or_the_team(sponsored, volunteer):
    item = sponsored.checklist.first()
    with pytest.raises(ValidationError) as error:
        services.checklist_item_update(
            item=item, by=volunteer, status="done", owner=UserFactory(),
            due_on=None, notes="",
        )  # fmt: skip
    assert error.value.code == "owner"


def test_a_newer_team_member_joins_the_family_conversation(client, project, db):
    from django.contrib.auth.models import Group

    newcomer = UserFactory()
    newcomer.groups.add(Group.objects.get(name="Équipe programme"))
    client.force_login(newcomer)
    page = client.get(f"/nouveaux-arrivants/{project.pk}/").content.decode()
    assert "Rejoindre la conversation" in page
    response = client.post(f"/nouveaux-arrivants/{project.pk}/conversation/")
    assert response["Location"] == f"/discussions/{project.conversation_id}/"
    assert client.get(response["Location"]).status_code == 200


@pytest.mark.parametrize("count", [1, 12])
def test_the_project_page_runs_a_flat_number_of_queries(
    client, sponsored, team_member, django_assert_max_num_queries, count
):
    for i in range(count):
        services.project_move(project=sponsored, by=team_member, to=Stage.VISIT)
        services.project_move(project=sponsored, by=team_member, to=Stage.ROUTED)
        services.note_add(project=sponsored, by=team_member, body="Rappelée")
        ChecklistItem.objects.create(project=sponsored, title=f"Étape {i}")
    client.force_login(team_member)
    with django_assert_max_num_queries(26):
        assert client.get(f"/nouveaux-arrivants/{sponsored.pk}/").status_code == 200


def test_a_forged_holder_is_refused_with_its_field_named(client, sponsored, volunteer):
    item = sponsored.checklist.first()
    client.force_login(volunteer)
    response = client.post(
        f"/nouveaux-arrivants/etape/{item.pk}/",
        {f"item{item.pk}-status": "done", f"item{item.pk}-owner": UserFactory().pk},
        follow=True,
    )
    assert "Qui : Sélectionnez un choix valide" in response.content.decode()
    item.refresh_from_db()
    assert item.status == "todo"


def test_the_team_edits_the_checklist_in_the_admin(
    client, team_member, committee, referent
):
    client.force_login(team_member)
    listing = client.get("/admin/snippets/welcome/checklisttemplateitem/")
    assert listing.status_code == 200 and "Haut débit" in listing.content.decode()
    response = client.post(
        "/admin/snippets/welcome/checklisttemplateitem/add/",
        {"title": "Association de parents", "description": "", "due_days": "20",
         "position": "9"},
    )  # fmt: skip
    assert response.status_code == 302
    from tests.welcome.conftest import submit

    project = services.project_route(
        project=submit(), by=team_member, committee=committee
    )
    assert project.checklist.last().title == "Association de parents"


def test_a_member_cannot_edit_the_checklist(client_member):
    response = client_member.get("/admin/snippets/welcome/checklisttemplateitem/")
    assert response.status_code in (302, 403)


def test_the_board_shows_the_latest_of_each_stage_and_all_on_demand(
    client, team_member, django_assert_max_num_queries
):
    from tests.welcome.conftest import submit

    for i in range(15):
        submit(email=f"famille{i}@example.net")
    client.force_login(team_member)
    with django_assert_max_num_queries(25):
        page = client.get("/nouveaux-arrivants/").content.decode()
    assert page.count('class="project-card"') == 12
    assert "Voir les 15 projets" in page
    page = client.get("/nouveaux-arrivants/?etape=received").content.decode()
    assert page.count('class="project-card"') == 15
    assert 'id="stage-qualified"' not in page


def test_an_invited_adult_who_joins_writes_in_the_family_conversation(
    sponsored, referent, volunteer
):
    from members.services import invitation_accept

    _settle(sponsored, volunteer)
    services.family_invite(project=sponsored, by=referent)
    lea = sponsored.people.get(first_name="Léa")
    token = "jeton-de-test"
    Invitation.objects.filter(pk=lea.invitation_id).update(token_hash=hash_token(token))
    user = invitation_accept(
        token=token,
        first_name="Léa",
        last_name="Martin",
        password="un-mot-de-passe-solide",
    )
    assert Participant.objects.filter(
        room=sponsored.conversation, user=user, left_at__isnull=True
    ).exists()
