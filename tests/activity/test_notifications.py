from django.core import mail
from django.urls import reverse

from activity import notifications
from activity.models import Notification
from committees import services as committee_services
from members import services
from members.notices import JOIN_REQUEST, NEW_FOLLOWER
from tests.factories import CommitteeMembershipFactory


def test_a_new_follower_is_notified_in_the_site(client, member, other_member):
    services.member_follow(user=member, other=other_member)
    services.member_follow(user=member, other=other_member)  # once only
    notification = Notification.objects.get(recipient=other_member)
    assert notification.kind == NEW_FOLLOWER
    assert "Camille Laborde vous suit" in notification.text
    client.force_login(other_member)
    home = client.get("/").content.decode()
    assert 'class="bell__count">1' in home
    page = client.get(reverse("activity:list")).content.decode()
    assert "Camille Laborde vous suit" in page
    response = client.post(reverse("activity:read", args=[notification.pk]))
    assert response["Location"] == reverse("members:profile_detail", args=[member.pk])
    assert notifications.unread_count(other_member) == 0


def test_mark_all_read(client_member, member, other_member):
    services.member_follow(user=other_member, other=member)
    assert notifications.unread_count(member) == 1
    client_member.post(reverse("activity:read_all"))
    assert notifications.unread_count(member) == 0


def test_nobody_reads_someone_elses_notification(client_member, member, other_member):
    services.member_follow(user=member, other=other_member)
    notification = Notification.objects.get(recipient=other_member)
    client_member.post(reverse("activity:read", args=[notification.pk]))
    notification.refresh_from_db()
    assert notification.read_at is None
    assert (
        "vous suit" not in client_member.get(reverse("activity:list")).content.decode()
    )


def test_preferences_route_each_kind(
    client_member, member, other_member, committee, django_capture_on_commit_callbacks
):
    client_member.post(
        reverse("activity:preferences"), {NEW_FOLLOWER: "off", JOIN_REQUEST: "email"}
    )
    services.member_follow(user=other_member, other=member)
    assert not Notification.objects.filter(recipient=member).exists()
    CommitteeMembershipFactory(user=member, committee=committee, role="referent")
    with django_capture_on_commit_callbacks(execute=True):
        committee_services.join_request_create(user=other_member, committee=committee)
    assert Notification.objects.get(recipient=member).kind == JOIN_REQUEST
    assert len(mail.outbox) == 1
    assert "demande à rejoindre" in mail.outbox[0].body


def test_bad_preference_values_are_ignored(client_member, member):
    client_member.post(reverse("activity:preferences"), {NEW_FOLLOWER: "pigeon"})
    assert notifications.channel_for(member, NEW_FOLLOWER) == "digest"  # the default


def test_the_text_is_in_the_recipients_language(member, other_member):
    other_member.language = "en"
    other_member.save()
    services.member_follow(user=member, other=other_member)
    assert "now follows you" in Notification.objects.get(recipient=other_member).text


def test_invitation_accepted_and_new_committee_member(committee, network_editor):
    from tests.factories import InvitationFactory

    referent = CommitteeMembershipFactory(committee=committee, role="referent").user
    invitation = InvitationFactory(inviter=network_editor, committee=committee)
    services.invitation_accept(
        token=invitation.token, first_name="Inès", last_name="Carrère",
        password="Lavande-et-tournesols-32",
    )  # fmt: skip
    assert "Inès Carrère" in Notification.objects.get(recipient=network_editor).text
    assert "Inès Carrère" in Notification.objects.get(recipient=referent).text
