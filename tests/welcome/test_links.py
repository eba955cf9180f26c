"""The family's private link: valid, expired, forged, replaced; and what the
page it opens lets the family do."""

import html
import re
import time
from unittest import mock

from django.core import mail

from chat.models import Message
from chat.services import message_post
from tests.welcome.conftest import submit
from welcome import links, services
from welcome.models import InstallationProject


def open_link(client, project):
    return client.get(f"/venir-dans-le-gers/lien/{links.token_for(project)}/")


def test_a_valid_link_opens_the_family_page_without_a_password(client, project):
    response = open_link(client, project)
    assert response.status_code == 302
    assert response["Location"] == "/venir-dans-le-gers/mon-projet/"
    page = html.unescape(client.get("/venir-dans-le-gers/mon-projet/").content.decode())
    assert "famille Martin" in page
    assert "Reçu" in page
    assert "_auth_user_id" not in client.session  # a family is no member


def test_an_expired_link_says_so_and_offers_a_new_one(client, project, settings):
    token = links.token_for(project)
    later = time.time() + settings.WELCOME_LINK_DAYS * 24 * 3600 + 60
    with mock.patch("django.core.signing.time.time", return_value=later):
        response = client.get(f"/venir-dans-le-gers/lien/{token}/")
    assert response.status_code == 410
    assert "a expiré" in html.unescape(response.content.decode())
    assert client.get("/venir-dans-le-gers/mon-projet/").status_code == 302


def test_a_forged_link_opens_nothing(client, project):
    token = links.token_for(project)
    other = submit(email="autre@example.net")
    # The same payload with another project's number and the old signature.
    forged = token.replace(
        token.split(":")[0],
        links.token_for(other).split(":")[0],
    )
    for bad in (forged, token[:-2] + "xx", "nimportequoi", token + "a"):
        response = client.get(f"/venir-dans-le-gers/lien/{bad}/")
        assert response.status_code == 404
    assert links.SESSION_KEY not in client.session


def test_a_new_link_replaces_the_old_ones(
    client, project, django_capture_on_commit_callbacks
):
    old = links.token_for(project)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/venir-dans-le-gers/lien/", {"email": "LEA@example.net"}
        )
    assert response.status_code == 200
    [email] = mail.outbox
    assert email.to == ["lea@example.net"]
    assert client.get(f"/venir-dans-le-gers/lien/{old}/").status_code == 404
    project.refresh_from_db()
    assert open_link(client, project).status_code == 302


def test_asking_a_link_for_an_unknown_address_reveals_nothing(
    client, project, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        known = client.post("/venir-dans-le-gers/lien/", {"email": "lea@example.net"})
        unknown = client.post("/venir-dans-le-gers/lien/", {"email": "x@example.net"})
    assert len(mail.outbox) == 1
    strip = [
        re.sub(
            r'name="csrfmiddlewaretoken" value="\w+"', "", r.content.decode()
        ).replace(e, "")
        for r, e in ((known, "lea@example.net"), (unknown, "x@example.net"))
    ]
    assert strip[0] == strip[1]


def test_new_links_are_limited_per_address(client, project):
    for _ in range(3):
        client.post("/venir-dans-le-gers/lien/", {"email": "lea@example.net"})
    response = client.post("/venir-dans-le-gers/lien/", {"email": "lea@example.net"})
    assert response.status_code == 429


def test_an_old_session_stops_when_the_link_is_replaced(client, project):
    open_link(client, project)
    services.link_resend(email=project.email)
    assert client.get("/venir-dans-le-gers/mon-projet/").status_code == 302


def test_the_family_writes_to_the_team_and_is_told_of_answers(
    client, project, team_member, django_capture_on_commit_callbacks
):
    open_link(client, project)
    response = client.post("/venir-dans-le-gers/mon-projet/", {"body": "Bonjour !"})
    assert response.status_code == 302
    message = Message.objects.get()
    assert message.room_id == project.conversation_id
    assert message.author_id == project.prospect_id
    # The team answers from the chat; the family is e-mailed, once an hour at most.
    InstallationProject.objects.filter(pk=project.pk).update(prospect_emailed_at=None)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        message_post(room=project.conversation, author=team_member, body="Bienvenue")
    with django_capture_on_commit_callbacks(execute=True):
        message_post(room=project.conversation, author=team_member, body="Et aussi…")
    [email] = mail.outbox
    assert email.to == ["lea@example.net"] and "Claire Dubosc" in email.body
    page = html.unescape(client.get("/venir-dans-le-gers/mon-projet/").content.decode())
    assert "Bienvenue" in page and "Et aussi…" in page


def test_an_empty_message_is_refused_in_french(client, project):
    open_link(client, project)
    response = client.post("/venir-dans-le-gers/mon-projet/", {"body": "   "})
    assert response.status_code == 400
    assert "Champ requis" in html.unescape(response.content.decode())
    assert not Message.objects.exists()


def test_the_family_page_refuses_without_its_link(client, project):
    response = client.post("/venir-dans-le-gers/mon-projet/", {"body": "Salut"})
    assert response.status_code == 302
    assert not Message.objects.exists()


def test_the_family_withdraws_and_its_data_is_erased(client, project):
    open_link(client, project)
    response = client.post("/venir-dans-le-gers/mon-projet/retirer/")
    assert response.status_code == 200
    project.refresh_from_db()
    assert project.stage == "abandoned" and project.anonymised_at
    assert project.conversation is None and project.prospect is None
    assert not project.people.exclude(first_name="").exists()
    assert client.get("/venir-dans-le-gers/mon-projet/").status_code == 302


def test_a_closed_project_takes_no_more_messages(client, project, team_member):
    services.project_move(
        project=project, by=team_member, to="abandoned", reason="Reporté"
    )
    open_link(client, project)
    response = client.post("/venir-dans-le-gers/mon-projet/", {"body": "Et alors ?"})
    assert response.status_code == 400
    assert "Ce projet est clos" in html.unescape(response.content.decode())
    assert not Message.objects.exists()


def test_the_family_page_keeps_the_familys_language(client, project):
    InstallationProject.objects.filter(pk=project.pk).update(language="en")
    # The link opens on a phone whose browser asks for French.
    response = client.get(
        f"/venir-dans-le-gers/lien/{links.token_for(project)}/",
        headers={"accept-language": "fr-FR,fr;q=0.9"},
    )
    assert response.cookies["django_language"].value == "en"
    page = client.get(
        "/venir-dans-le-gers/mon-projet/", headers={"accept-language": "fr-FR"}
    )
    assert page["Content-Language"] == "en"
    assert '<html lang="en"' in page.content.decode()
    # Without the cookie (cleared), the remembered project still speaks English.
    del client.cookies["django_language"]
    page = client.get(
        "/venir-dans-le-gers/mon-projet/", headers={"accept-language": "fr-FR"}
    )
    assert '<html lang="en"' in page.content.decode()
    # The family's own choice with the switch wins.
    client.cookies["django_language"] = "fr"
    page = client.get("/venir-dans-le-gers/mon-projet/")
    assert '<html lang="fr"' in page.content.decode()
