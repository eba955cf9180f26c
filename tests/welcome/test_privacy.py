"""A project's data is seen by the programme team, the référents of its committee
and its sponsor: a matrix of roles, from the outside."""

import pytest
from django.contrib.auth.models import Group

from committees.models import CommitteeMembership
from tests.factories import (
    CommitteeMembershipFactory,
    CommitteePageFactory,
    UserFactory,
)
from welcome import links, services
from welcome.models import Note

Role = CommitteeMembership.Role
SECRET = "Budget serré, attention"


@pytest.fixture
def people(sponsored, committee, referent, volunteer, team_member):
    services.note_add(project=sponsored, by=team_member, body=SECRET)
    other = CommitteePageFactory(title="Comité d'accueil de Condom")
    editor = UserFactory()
    editor.groups.add(Group.objects.get(name="Équipe réseau"))
    return {
        "team": team_member,
        "referent": referent,
        "sponsor": volunteer,
        "committee member": CommitteeMembershipFactory(committee=committee).user,
        "referent elsewhere": CommitteeMembershipFactory(
            committee=other, role=Role.REFERENT
        ).user,
        "network editor": editor,
        "member": UserFactory(),
        "superuser": UserFactory(is_superuser=True, is_staff=True),
    }


# role → (board, project page, figures, CSV, notes shown)
MATRIX = {
    "team": (200, 200, 200, 200, True),
    "superuser": (200, 200, 200, 200, True),
    "referent": (200, 200, 403, 403, False),
    "sponsor": (200, 200, 403, 403, False),
    "committee member": (403, 404, 403, 403, False),
    "referent elsewhere": (403, 404, 403, 403, False),
    "network editor": (403, 404, 403, 403, False),
    "member": (403, 404, 403, 403, False),
}


@pytest.mark.parametrize("role", MATRIX)
def test_who_sees_a_project(client, sponsored, people, role):
    board, detail, figures, csv, notes = MATRIX[role]
    client.force_login(people[role])
    assert client.get("/nouveaux-arrivants/").status_code == board
    response = client.get(f"/nouveaux-arrivants/{sponsored.pk}/")
    assert response.status_code == detail
    assert client.get("/nouveaux-arrivants/chiffres/").status_code == figures
    assert client.get("/nouveaux-arrivants/chiffres/sponsors.csv").status_code == csv
    assert (SECRET in response.content.decode()) is notes
    if detail == 200:
        assert "lea@example.net" in response.content.decode()
    # The navigation shows the section to those who have it, only.
    assert ('href="/nouveaux-arrivants/"' in client.get("/").content.decode()) is (
        board == 200
    )


@pytest.mark.parametrize("role", ["committee member", "member", "network editor"])
def test_strangers_change_nothing_from_outside(client, sponsored, people, role):
    client.force_login(people[role])
    item = sponsored.checklist.first()
    posts = [
        (f"/nouveaux-arrivants/{sponsored.pk}/etape/", {"to": "visit", "expected": "routed"}),  # noqa: E501
        (f"/nouveaux-arrivants/{sponsored.pk}/note/", {"body": "coucou"}),
        (f"/nouveaux-arrivants/{sponsored.pk}/parrain/", {"sponsor": people[role].pk}),
        (f"/nouveaux-arrivants/{sponsored.pk}/inviter/", {}),
        (f"/nouveaux-arrivants/etape/{item.pk}/", {f"item{item.pk}-status": "done"}),
    ]  # fmt: skip
    for url, data in posts:
        assert client.post(url, data).status_code == 404, url
    sponsored.refresh_from_db()
    item.refresh_from_db()
    assert sponsored.stage == "routed" and item.status == "todo"
    assert Note.objects.count() == 1


def test_a_referent_cannot_write_team_notes(client, sponsored, referent):
    client.force_login(referent)
    response = client.post(f"/nouveaux-arrivants/{sponsored.pk}/note/", {"body": "x"})
    assert response.status_code == 403
    assert not Note.objects.exists()


def test_anonymous_visitors_are_sent_to_log_in(client, sponsored):
    for url in ("/nouveaux-arrivants/", f"/nouveaux-arrivants/{sponsored.pk}/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/comptes/login/")


def test_a_family_link_opens_its_own_project_only(client, sponsored, team_member):
    from tests.welcome.conftest import submit

    other = submit(email="autre@example.net", adults=[{
        "first_name": "Paul", "last_name": "Durand", "email": "autre@example.net",
        "profession": "Boulanger", "work_mode": "takeover"}])  # fmt: skip
    client.get(f"/venir-dans-le-gers/lien/{links.token_for(other)}/")
    page = client.get("/venir-dans-le-gers/mon-projet/").content.decode()
    assert "Durand" in page and "Martin" not in page
    assert client.get(f"/nouveaux-arrivants/{sponsored.pk}/").status_code == 302


def test_a_moved_away_sponsor_loses_access(client, sponsored, volunteer, team_member):
    other = CommitteePageFactory()
    services.project_route(project=sponsored, by=team_member, committee=other)
    client.force_login(volunteer)
    assert client.get(f"/nouveaux-arrivants/{sponsored.pk}/").status_code == 404
