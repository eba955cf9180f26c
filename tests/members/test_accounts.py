import pytest
from django.core import mail
from django.urls import reverse

from members.models import User
from tests.factories import UserFactory


def login(client, email, password):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def test_login_with_email_and_password(client, member, password):
    response = login(client, member.email.upper(), password)
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert client.get("/").status_code == 200


def test_wrong_password_gets_a_french_error(client, member):
    response = login(client, member.email, "faux")
    assert response.status_code == 200
    assert "le mot de passe sont incorrects" in response.content.decode()


def test_failed_logins_are_throttled_per_address(client, member, password):
    for _ in range(5):
        assert login(client, member.email, "faux").status_code == 200
    # Even the right password is refused while the address is throttled.
    response = login(client, member.email, password)
    assert (
        response.status_code == 429 or "Trop de tentatives" in response.content.decode()
    )
    assert "_auth_user_id" not in client.session
    # Another member is not affected.
    other = UserFactory()
    assert login(client, other.email, password).status_code == 302


def test_failed_logins_are_throttled_per_ip(client, db, settings):
    responses = [login(client, f"inconnu{i}@example.org", "faux") for i in range(21)]
    assert responses[0].status_code == 200
    assert (
        responses[-1].status_code == 429
        or "Trop de tentatives" in responses[-1].content.decode()
    )


def test_inactive_members_cannot_log_in(client, member, password):
    member.is_active = False
    member.save()
    login(client, member.email, password)
    assert "_auth_user_id" not in client.session


def test_password_reset_sends_a_french_email(client, member):
    response = client.post(reverse("account_reset_password"), {"email": member.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [member.email]
    assert "mot de passe" in message.subject.lower()
    assert "/comptes/password/reset/key/" in message.body


def test_password_reset_for_an_unknown_address_reveals_nothing(client, db):
    response = client.post(
        reverse("account_reset_password"), {"email": "personne@example.org"}
    )
    assert response.status_code == 302
    assert all("/comptes/password/reset/key/" not in m.body for m in mail.outbox)


def test_password_reset_link_sets_a_new_password(client, member):
    client.post(reverse("account_reset_password"), {"email": member.email})
    link = next(
        line
        for line in mail.outbox[0].body.splitlines()
        if "/password/reset/key/" in line
    ).strip()
    path = link[link.index("/comptes/") :]
    response = client.get(path, follow=True)
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else path
    new = "Pigeonnier-de-Lectoure-9"
    response = client.post(form_url, {"password1": new, "password2": new})
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.check_password(new)


def test_password_change(client_member, member, password):
    new = "Armagnac-et-tournesol-77"
    response = client_member.post(
        reverse("account_change_password"),
        {"oldpassword": password, "password1": new, "password2": new},
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.check_password(new)


def test_logout_is_a_post(client_member):
    response = client_member.post(reverse("account_logout"))
    assert response.status_code == 302
    assert client_member.get("/").status_code == 302


def test_the_wagtail_admin_login_still_loads_through_our_form(client, db):
    response = client.get("/admin/", follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0].startswith(reverse("account_login"))


def test_an_editor_reaches_the_admin_after_logging_in(client, network_editor, password):
    response = client.post(
        reverse("account_login") + "?next=/admin/",
        {"login": network_editor.email, "password": password, "next": "/admin/"},
    )
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_email_is_unique_whatever_the_case(db):
    UserFactory(email="camille@example.org")
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create(email="Camille@Example.org")


def test_password_reset_email_names_the_network(client, member):
    client.post(reverse("account_reset_password"), {"email": member.email})
    message = mail.outbox[0]
    assert "Sohosolo" in message.subject
    assert "example.com" not in message.subject + message.body


def test_extra_email_addresses_cannot_be_added(client_member):
    assert client_member.get("/comptes/email/").status_code == 404
    client_member.post(
        "/comptes/email/", {"email": "autre@example.org", "action_add": ""}
    )
    from allauth.account.models import EmailAddress

    assert not EmailAddress.objects.filter(email="autre@example.org").exists()


def test_a_member_sees_their_sessions_and_ends_the_others(member, password):
    from django.test import Client

    laptop, phone = Client(), Client()
    for device in (laptop, phone):
        assert login(device, member.email, password).status_code == 302
    page = laptop.get(reverse("usersessions_list"))
    assert page.status_code == 200
    assert page.content.decode().count('class="session"') == 2
    laptop.post(reverse("usersessions_list"))
    assert laptop.get("/").status_code == 200  # this device stays logged in
    assert phone.get("/").status_code == 302  # the other one is out
