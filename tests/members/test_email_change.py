import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail, signing
from django.urls import reverse

from members import services
from members.models import User
from tests.factories import UserFactory

URL = reverse("members:email_change")


def confirm_path(message) -> str:
    return re.search(r"(/membres/mon-compte/adresse/[^/\s]+/)", message.body).group(1)


def test_changing_the_address_needs_the_new_one_to_confirm(
    client_member, member, password
):
    response = client_member.post(
        URL, {"new_email": "Nouvelle@Example.org", "password": password}
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.email != "nouvelle@example.org"  # not before confirmation
    confirmation, notice = mail.outbox
    assert confirmation.to == ["nouvelle@example.org"]
    assert notice.to == [member.email]
    client_member.get(confirm_path(confirmation))
    member.refresh_from_db()
    assert member.email == "nouvelle@example.org"
    address = EmailAddress.objects.get(user=member)
    assert (address.email, address.verified, address.primary) == (
        "nouvelle@example.org",
        True,
        True,
    )


@pytest.mark.parametrize(
    "data, message",
    [
        ({"new_email": "x@example.org", "password": "faux"}, "pas correct"),
        (
            {"new_email": "pas-une-adresse", "password": "x"},
            "adresse de courriel valide",
        ),
    ],
)
def test_bad_requests_are_explained(client_member, data, message):
    response = client_member.post(URL, data)
    assert message in response.content.decode()
    assert mail.outbox == []


def test_an_address_of_another_account_is_refused(
    client_member, password, other_member
):
    response = client_member.post(
        URL, {"new_email": other_member.email, "password": password}
    )
    assert "déjà utilisée" in response.content.decode()
    assert mail.outbox == []


def test_a_link_for_another_account_or_forged_or_expired_changes_nothing(
    client_member, member, settings
):
    other = UserFactory()
    for token in [
        signing.dumps(
            {"user": other.pk, "email": "a@example.org"},
            salt=services.EMAIL_CHANGE_SALT,
        ),
        "forged-token",
        signing.dumps({"user": member.pk, "email": "b@example.org"}, salt="autre"),
    ]:
        response = client_member.get(
            reverse("members:email_change_confirm", args=[token]), follow=True
        )
        assert response.status_code == 200
    member.refresh_from_db()
    assert member.email.startswith("membre")


def test_an_expired_link(member, monkeypatch):
    token = signing.dumps(
        {"user": member.pk, "email": "c@example.org"}, salt=services.EMAIL_CHANGE_SALT
    )
    monkeypatch.setattr(services, "EMAIL_CHANGE_MAX_AGE", -1)
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        services.email_change_confirm(user=member, token=token)
    assert error.value.code == "expired"


def test_the_new_address_logs_in(client, member, password):
    token = signing.dumps(
        {"user": member.pk, "email": "neuf@example.org"},
        salt=services.EMAIL_CHANGE_SALT,
    )
    services.email_change_confirm(user=member, token=token)
    response = client.post(
        reverse("account_login"), {"login": "neuf@example.org", "password": password}
    )
    assert response.status_code == 302
    assert User.objects.get(pk=member.pk).email == "neuf@example.org"
