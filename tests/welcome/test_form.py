"""The public form: what a family sends, what a robot or a mistake gets."""

import html

import pytest
from django.core import mail

from welcome.models import InstallationProject, Person, Stage

URL = "/venir-dans-le-gers/"


def form_data(**changes):
    data = {
        "adults-TOTAL_FORMS": "2", "adults-INITIAL_FORMS": "0",
        "adults-MIN_NUM_FORMS": "1", "adults-MAX_NUM_FORMS": "2",
        "adults-0-first_name": "Léa", "adults-0-last_name": "Martin",
        "adults-0-email": "lea@example.net", "adults-0-profession": "Traductrice",
        "adults-0-work_mode": "freelance",
        "children-TOTAL_FORMS": "4", "children-INITIAL_FORMS": "0",
        "children-MIN_NUM_FORMS": "0", "children-MAX_NUM_FORMS": "4",
        "children-0-first_name": "Zoé", "children-0-school_level": "primary",
        "email": "Lea@Example.net", "current_location": "Lyon, France",
        "communes": "Marciac, lectoure", "timeline": "6m", "tenure": "buy",
        "housing_type": "farm", "broadband": "heavy",
        "questions": "Une école ?", "consent": "on", "website": "",
    }  # fmt: skip
    data.update(changes)
    return data


def page(response) -> str:
    return html.unescape(response.content.decode())


def test_the_form_is_public_and_in_french(client, db):
    response = client.get(URL)
    assert response.status_code == 200
    text = page(response)
    assert "Venir vivre et travailler dans le Gers" in text
    assert 'name="consent"' in text
    assert 'name="website"' in text and 'tabindex="-1"' in text  # the honeypot
    assert "effacées 365 jours après" in text  # the retention period, from settings


def test_a_family_sends_its_project(
    client, team_member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, form_data())
    assert response.status_code == 302
    assert response["Location"] == "/venir-dans-le-gers/merci/"
    project = InstallationProject.objects.get()
    assert project.email == "lea@example.net"
    assert project.stage == Stage.RECEIVED
    assert project.consent_at is not None
    assert [c.name for c in project.area_communes.order_by("name")] == [
        "Lectoure",
        "Marciac",
    ]
    adults = Person.objects.filter(project=project, is_adult=True)
    assert [a.first_name for a in adults] == ["Léa"]  # the empty second slot is no one
    assert project.people.filter(is_adult=False).get().school_level == "primary"
    assert project.changes.get().to_stage == Stage.RECEIVED
    # The family gets its private link, in French; the team is told.
    [email] = [m for m in mail.outbox if m.to == ["lea@example.net"]]
    assert "/venir-dans-le-gers/lien/" in email.body
    assert "projet d'installation" in email.subject.lower()
    assert team_member.notifications.filter(kind="welcome_received").exists()
    # Its conversation holds the team and the family's voice.
    room = project.conversation
    assert set(room.participants.values_list("user_id", flat=True)) == {
        team_member.pk,
        project.prospect_id,
    }
    assert not project.prospect.is_active
    assert not project.prospect.has_usable_password()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"consent": ""}, "consent", "qu'avec votre accord"),
        ({"email": "pas-une-adresse"}, "email", "adresse de courriel valide"),
        ({"adults-0-first_name": ""}, "adults-0-first_name", "Champ requis"),
        ({"adults-0-work_mode": "astronaut"}, "adults-0-work_mode", "choix valide"),
        ({"children-1-first_name": "Noé"}, "children-1-school_level", "Champ requis"),
        ({"communes": "Marciac, Gotham"}, "communes", "Nous ne connaissons pas « Gotham »"),  # noqa: E501
        ({"communes": ",".join(["Auch"] * 11)}, "communes", "au maximum 10 communes"),
        ({"timeline": "tomorrow"}, "timeline_0", "choix valide"),
        ({"questions": "x" * 3001}, "questions", "3000 caractères"),
        ({"adults-TOTAL_FORMS": "0"}, None, "au moins un adulte"),
    ],
)  # fmt: skip
def test_bad_input_gets_a_french_error_and_saves_nothing(
    client, db, changes, field, message
):
    response = client.post(URL, form_data(**changes))
    assert response.status_code == 400
    text = page(response)
    assert message in text
    if field:
        assert f'id="id_{field}"' in text and 'aria-invalid="true"' in text
    assert not InstallationProject.objects.exists()
    assert not mail.outbox


def test_a_robot_filling_the_hidden_field_is_thanked_and_forgotten(client, db):
    response = client.post(URL, form_data(website="http://spam.example"))
    assert response.status_code == 302
    assert not InstallationProject.objects.exists()
    assert not mail.outbox


def test_projects_are_limited_per_address(client, db):
    for i in range(2):
        response = client.post(URL, form_data(**{"adults-0-last_name": f"M{i}"}))
        assert response.status_code == 302
    response = client.post(URL, form_data())
    assert response.status_code == 429
    assert "Trop de projets" in page(response)
    assert InstallationProject.objects.count() == 2
    # Another family from another place is not affected.
    other = form_data(email="autre@example.net")
    assert client.post(URL, other, REMOTE_ADDR="10.0.0.9").status_code == 302


def test_projects_are_limited_per_ip(client, db):
    statuses = [
        client.post(URL, form_data(email=f"famille{i}@example.net")).status_code
        for i in range(6)
    ]
    assert statuses == [302] * 5 + [429]
    assert InstallationProject.objects.count() == 5


def test_a_failing_service_leaves_nothing_half_written(
    client, db, monkeypatch, django_capture_on_commit_callbacks
):
    from chat import services as chat_services

    def broken(**kwargs):
        raise RuntimeError("chat down")

    monkeypatch.setattr(chat_services, "guest_conversation_create", broken)
    client.raise_request_exception = False
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, form_data())
    assert response.status_code == 500
    assert not InstallationProject.objects.exists()
    assert not Person.objects.exists()
    assert not mail.outbox


def test_the_form_works_in_english(client, db):
    client.cookies["django_language"] = "en"
    response = client.get(URL)
    assert "Come and live and work in the Gers" in page(response)
