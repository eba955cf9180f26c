from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from committees.models import CommitteeMembership
from members import services
from members.models import Invitation, User
from tests.factories import (
    CommitteeMembershipFactory,
    CommitteePageFactory,
    InvitationFactory,
    UserFactory,
)

STRONG = "Lavande-et-tournesols-32"


def referent_of(committee):
    return CommitteeMembershipFactory(
        committee=committee, role=CommitteeMembership.Role.REFERENT
    ).user


def accept_data(**overrides):
    return {
        "first_name": "Inès",
        "last_name": "Carrère",
        "password1": STRONG,
        "password2": STRONG,
        **overrides,
    }


# --- Who may invite -------------------------------------------------------------------


def test_network_staff_invite_network_wide(
    network_editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invitation, token = services.invitation_create(
            inviter=network_editor, email=" Ines.Carrere@Example.org "
        )
    assert invitation.email == "ines.carrere@example.org"
    assert invitation.committee is None
    assert invitation.status == Invitation.Status.PENDING
    assert invitation.expires_at - invitation.created_at == timedelta(days=14)
    assert invitation.token_hash != token  # only the hash is stored
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ines.carrere@example.org"]
    assert f"/comptes/invitation/{token}/" in message.body
    assert "Claire Dubosc" in message.subject
    assert f"/comptes/invitation/{token}/" in message.alternatives[0][0]


def test_a_referent_invites_into_their_own_committee(committee):
    referent = referent_of(committee)
    invitation, _ = services.invitation_create(
        inviter=referent, email="voisin@example.org", committee=committee
    )
    assert invitation.committee == committee


def test_a_referent_cannot_invite_into_another_committee_nor_network_wide(committee):
    referent = referent_of(committee)
    condom = CommitteePageFactory(title="Comité de Condom", slug="condom")
    with pytest.raises(PermissionDenied):
        services.invitation_create(
            inviter=referent, email="a@example.org", committee=condom
        )
    with pytest.raises(PermissionDenied):
        services.invitation_create(inviter=referent, email="a@example.org")
    assert not Invitation.objects.exists()


@pytest.mark.parametrize("role", ["member", "volunteer", "elected"])
def test_other_roles_cannot_invite(committee, role):
    user = CommitteeMembershipFactory(committee=committee, role=role).user
    with pytest.raises(PermissionDenied):
        services.invitation_create(
            inviter=user, email="a@example.org", committee=committee
        )


def test_inviting_an_existing_account_says_so(network_editor, member):
    with pytest.raises(ValidationError) as error:
        services.invitation_create(inviter=network_editor, email=member.email.upper())
    assert error.value.code == "exists"
    assert not Invitation.objects.exists()


def test_inviting_again_replaces_the_pending_invitation(network_editor):
    first, first_token = services.invitation_create(
        inviter=network_editor, email="a@example.org"
    )
    second, second_token = services.invitation_create(
        inviter=network_editor, email="a@example.org"
    )
    first.refresh_from_db()
    assert first.status == Invitation.Status.REVOKED
    assert second.status == Invitation.Status.PENDING


# --- The invitation page ------------------------------------------------------------


def test_invitation_page_sends_and_lists(
    client, network_editor, committee, django_capture_on_commit_callbacks
):
    client.force_login(network_editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("members:invitation_list"),
            {
                "email": "nouvelle@example.org",
                "committee": committee.pk,
                "message": "Bienvenue !",
            },
            follow=True,
        )
    assert response.status_code == 200
    assert "nouvelle@example.org" in response.content.decode()
    assert len(mail.outbox) == 1
    assert "Bienvenue !" in mail.outbox[0].body


def test_invitation_page_shows_a_clear_error_for_an_existing_account(
    client, network_editor, member
):
    client.force_login(network_editor)
    response = client.post(reverse("members:invitation_list"), {"email": member.email})
    assert response.status_code == 200
    assert "a déjà un compte" in response.content.decode()
    assert not Invitation.objects.exists()


def test_invitation_page_rejects_a_bad_address(client, network_editor):
    client.force_login(network_editor)
    response = client.post(
        reverse("members:invitation_list"), {"email": "pas-une-adresse"}
    )
    assert response.status_code == 200
    assert "Saisissez une adresse de courriel valide" in response.content.decode()
    assert not Invitation.objects.exists()


def test_a_referent_must_pick_one_of_their_committees(client, committee):
    referent = referent_of(committee)
    other = CommitteePageFactory(title="Comité de Condom", slug="condom")
    client.force_login(referent)
    response = client.post(
        reverse("members:invitation_list"),
        {"email": "x@example.org", "committee": other.pk},
    )
    assert response.status_code == 200
    assert not Invitation.objects.exists()
    client.post(
        reverse("members:invitation_list"),
        {"email": "x@example.org", "committee": committee.pk},
    )
    assert Invitation.objects.get().committee == committee


def test_plain_members_cannot_open_the_invitation_page(client_member):
    assert client_member.get(reverse("members:invitation_list")).status_code == 403
    response = client_member.post(
        reverse("members:invitation_list"), {"email": "x@example.org"}
    )
    assert response.status_code == 403
    assert not Invitation.objects.exists()


def test_revoking_an_invitation(client, network_editor):
    invitation = InvitationFactory(inviter=network_editor)
    client.force_login(network_editor)
    client.post(reverse("members:invitation_revoke", args=[invitation.pk]))
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.REVOKED
    assert (
        client.get(reverse("invitation_accept", args=[invitation.token])).status_code
        == 410
    )


def test_nobody_revokes_someone_elses_invitation(client, member):
    invitation = InvitationFactory()
    client.force_login(member)
    response = client.post(reverse("members:invitation_revoke", args=[invitation.pk]))
    assert response.status_code == 403
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.PENDING


# --- Accepting ----------------------------------------------------------------------


def test_accepting_creates_the_account_and_logs_in(client, committee):
    invitation = InvitationFactory(email="ines@example.org", committee=committee)
    url = reverse("invitation_accept", args=[invitation.token])
    page = client.get(url)
    assert page.status_code == 200
    assert "ines@example.org" in page.content.decode()

    response = client.post(url, accept_data())
    assert response.status_code == 302
    user = User.objects.get(email="ines@example.org")
    assert (user.first_name, user.last_name) == ("Inès", "Carrère")
    assert user.check_password(STRONG)
    assert user.profile is not None
    assert EmailAddress.objects.get(user=user).verified
    assert CommitteeMembership.objects.get(user=user).committee == committee
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.ACCEPTED
    assert invitation.accepted_by == user
    assert client.get("/").status_code == 200  # logged in
    assert int(client.session["_auth_user_id"]) == user.pk


def test_the_link_works_once(client, db):
    invitation = InvitationFactory()
    url = reverse("invitation_accept", args=[invitation.token])
    client.post(url, accept_data())
    client.logout()
    response = client.post(url, accept_data(first_name="Autre"))
    assert response.status_code == 410
    assert "déjà servi" in response.content.decode()
    assert User.objects.count() == 2  # the inviter and the one new member


@pytest.mark.parametrize(
    "make, status, text",
    [
        (
            lambda: InvitationFactory(expires_at=timezone.now() - timedelta(minutes=1)),
            410,
            "a expiré",
        ),
        (lambda: InvitationFactory(revoked_at=timezone.now()), 410, "annulée"),
        (lambda: InvitationFactory(accepted_at=timezone.now()), 410, "déjà servi"),
    ],
    ids=["expired", "revoked", "used"],
)
def test_unusable_invitations_get_a_clear_page_and_create_nothing(
    client, db, make, status, text
):
    invitation = make()
    users = User.objects.count()
    url = reverse("invitation_accept", args=[invitation.token])
    for response in (client.get(url), client.post(url, accept_data())):
        assert response.status_code == status
        assert text in response.content.decode()
    assert User.objects.count() == users


@pytest.mark.parametrize("token", ["forged-token", "x" * 500, "%00"])
def test_a_forged_token_gets_a_clear_page(client, db, token):
    InvitationFactory()
    response = client.post(f"/comptes/invitation/{token}/", accept_data())
    assert response.status_code == 404
    assert "Nous ne reconnaissons pas ce lien" in response.content.decode()
    assert User.objects.count() == 1


@pytest.mark.parametrize(
    "data, field, text",
    [
        ({"password2": "autre-chose-123"}, "password2", "Les deux mots de passe"),
        ({"password1": "court", "password2": "court"}, "password1", "trop court"),
        (
            {"password1": "12345678901", "password2": "12345678901"},
            "password1",
            "entièrement numérique",
        ),
        ({"first_name": ""}, "first_name", "Champ requis"),
    ],
)
def test_bad_input_on_acceptance_is_explained_and_nothing_is_created(
    client, db, data, field, text
):
    invitation = InvitationFactory()
    response = client.post(
        reverse("invitation_accept", args=[invitation.token]), accept_data(**data)
    )
    assert response.status_code == 200
    assert text in response.content.decode()
    assert response.context["form"].errors[field]
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.PENDING
    assert not User.objects.filter(email=invitation.email).exists()


def test_an_account_created_meanwhile_blocks_acceptance(client, db):
    invitation = InvitationFactory(email="deja@example.org")
    UserFactory(email="deja@example.org")
    response = client.post(
        reverse("invitation_accept", args=[invitation.token]), accept_data()
    )
    assert response.status_code == 200
    assert "Un compte existe déjà" in response.content.decode()
    assert User.objects.filter(email="deja@example.org").count() == 1


def test_a_logged_in_member_is_asked_to_log_out_first(client_member):
    invitation = InvitationFactory()
    response = client_member.get(reverse("invitation_accept", args=[invitation.token]))
    assert response.status_code == 200
    assert "déconnecter" in response.content.decode()
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.PENDING


def test_a_referent_cannot_take_over_someone_elses_invitation(committee):
    first = referent_of(committee)
    other = CommitteePageFactory(title="Comité de Condom", slug="condom")
    second = referent_of(other)
    invitation, _ = services.invitation_create(
        inviter=first, email="famille@example.org", committee=committee
    )
    with pytest.raises(ValidationError) as error:
        services.invitation_create(
            inviter=second, email="famille@example.org", committee=other
        )
    assert error.value.code == "pending"
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.PENDING


def test_an_address_already_attached_to_an_account_cannot_be_invited(
    network_editor, member
):
    EmailAddress.objects.create(user=member, email="second@example.org")
    with pytest.raises(ValidationError):
        services.invitation_create(inviter=network_editor, email="second@example.org")


def test_the_invitation_email_reads_well(
    network_editor, committee, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.invitation_create(
            inviter=network_editor,
            email="x@example.org",
            committee=committee,
            message="C'est l'heure & bienvenue !",
        )
    message = mail.outbox[0]
    assert "Comité d'accueil d'Auch" in message.body
    assert "C'est l'heure & bienvenue !" in message.body
    assert "&#x27;" not in message.body + message.subject
    assert '<html lang="fr">' in message.alternatives[0][0]
