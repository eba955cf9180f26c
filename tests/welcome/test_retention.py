"""Abandoned projects forget the family after the retention period; members'
export and erasure include their family's project."""

import io
import json
import zipfile
from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone

from chat.models import Message, Room
from members import personal_data
from members.models import User
from tests.factories import UserFactory
from tests.welcome.conftest import submit
from welcome import links, services
from welcome.models import InstallationProject, Note, Person, Stage


def _abandon(project, by, days_ago):
    services.project_move(project=project, by=by, to=Stage.ABANDONED, reason="Reporté")
    InstallationProject.objects.filter(pk=project.pk).update(
        stage_changed_at=timezone.now() - timedelta(days=days_ago)
    )


def test_old_abandoned_projects_are_anonymised_by_the_command(
    project, team_member, settings
):
    settings.WELCOME_RETENTION_DAYS = 30
    services.note_add(project=project, by=team_member, body="Appel le 3 mars")
    services.prospect_message_post(project=project, body="Bonjour")
    token = links.token_for(project)
    room_id, prospect_id = project.conversation_id, project.prospect_id
    recent = submit(email="recent@example.net")
    going = submit(email="going@example.net")
    _abandon(project, team_member, 31)
    _abandon(recent, team_member, 29)
    InstallationProject.objects.filter(pk=going.pk).update(
        stage_changed_at=timezone.now() - timedelta(days=400)
    )
    out = io.StringIO()
    call_command("anonymise_projects", stdout=out)
    assert out.getvalue().startswith("1 project(s) anonymised")
    project.refresh_from_db()
    assert project.anonymised_at and project.email.endswith("@anonyme.invalid")
    assert (project.current_location, project.questions, project.phone) == ("", "", "")
    assert not Person.objects.filter(project=project).exclude(first_name="").exists()
    assert not Person.objects.filter(project=project).exclude(email="").exists()
    assert not Note.objects.filter(project=project).exists()
    assert not Room.objects.filter(pk=room_id).exists()
    assert not Message.objects.filter(room_id=room_id).exists()
    assert not User.objects.filter(pk=prospect_id).exists()
    assert links.check(token).status == links.INVALID
    # What the figures need stays: stages and dates.
    assert list(project.changes.values_list("to_stage", flat=True)) == [
        "received", "abandoned"]  # fmt: skip
    # The recent one and the one under way keep their data; a second run is a no-op.
    for other in (recent, going):
        other.refresh_from_db()
        assert other.anonymised_at is None and other.people.filter(last_name="Martin")
    call_command("anonymise_projects", stdout=io.StringIO())
    assert InstallationProject.objects.filter(anonymised_at__isnull=False).count() == 1


def test_an_anonymised_project_shows_no_one_but_the_team(
    client, project, team_member, referent, committee
):
    services.project_route(project=project, by=team_member, committee=committee)
    services.project_anonymise(project=project)
    client.force_login(referent)
    assert client.get(f"/nouveaux-arrivants/{project.pk}/").status_code == 404
    client.force_login(team_member)
    page = client.get(f"/nouveaux-arrivants/{project.pk}/").content.decode()
    assert "Martin" not in page and "lea@example.net" not in page


def test_a_member_downloads_and_erases_their_family_project(project, team_member):
    lea = UserFactory(email="lea@example.net")
    archive = zipfile.ZipFile(io.BytesIO(personal_data.export_zip(lea)))
    [exported] = json.loads(archive.read("installation_projects.json"))
    assert exported["current_location"] == "Lyon, France"
    assert {p["first_name"] for p in exported["household"]} == {"Léa", "Hugo", "Zoé"}
    personal_data.erase(lea)
    project.refresh_from_db()
    assert project.anonymised_at is not None


def test_an_erased_sponsor_leaves_their_families_to_be_sponsored_again(
    sponsored, volunteer
):
    personal_data.erase(volunteer)
    sponsored.refresh_from_db()
    assert sponsored.sponsor is None
    assert not sponsored.checklist.filter(owner=volunteer).exists()
