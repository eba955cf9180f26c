import io
import json
import zipfile

import pytest
from django.apps import apps
from django.db import models
from django.test import Client
from django.urls import reverse

from activity import activity
from activity import services as activity_services
from activity.models import Comment, FeedPost, Notification
from chat import services as chat_services
from committees import services as committee_services
from committees.models import CommitteeMembership
from events import services as event_services
from events.models import CarpoolOffer, EventOrganiser, Rsvp
from forums import services as forum_services
from members import services
from members.models import Invitation, Profile, User
from members.personal_data import erase
from tests.factories import (
    PASSWORD,
    CategoryFactory,
    CommitteeMembershipFactory,
    EventPageFactory,
    UserFactory,
)
from tests.members.test_profiles import jpeg_with_gps, profile_data, upload

EMAIL = "zephyrin.quatrebarbes@example.org"


@pytest.fixture
def person(committee, network_editor, django_capture_on_commit_callbacks):
    user = UserFactory(email=EMAIL, first_name="Zéphyrin", last_name="Quatrebarbes")
    client = Client()
    client.force_login(user)
    client.post(
        reverse("members:profile_edit"),
        profile_data(
            display_name="Zéphyrin Q.",
            bio="Zéphyrin Quatrebarbes, traducteur.",
            new_photo=upload(jpeg_with_gps()),
        ),
    )
    CommitteeMembershipFactory(user=user, committee=committee, role="referent")
    services.member_follow(user=user, other=network_editor)
    services.member_follow(user=network_editor, other=user)
    services.committee_follow(user=user, committee=committee)
    services.feed_token_for(user=user)
    services.invitation_create(
        inviter=user, email="voisine@example.org", committee=committee
    )
    Invitation.objects.create(
        email=EMAIL,
        token_hash="x" * 64,
        inviter=network_editor,
        expires_at="2030-01-01T00:00Z",
        accepted_by=user,
        accepted_at="2025-01-01T00:00Z",
    )
    committee_services.join_request_create(
        user=user,
        committee=CommitteeMembershipFactory(role="referent").committee,
        message="Zéphyrin aimerait vous rejoindre.",
    )
    post = activity_services.post_create(
        author=user, body="Qui vient au marché samedi ?", committee=committee
    )
    activity_services.comment_create(
        post=post, author=network_editor, body="Moi ! @Zéphyrin Quatrebarbes"
    )
    activity_services.comment_create(post=post, author=user, body="Parfait.")
    activity_services.reaction_toggle(post=post, user=user, reaction="like")
    activity_services.post_create(
        author=network_editor, body="Merci @Zéphyrin Quatrebarbes pour hier."
    )
    topic = forum_services.topic_create(
        author=user, category=CategoryFactory(), title="Covoiturage", body="Qui ?"
    )
    reply = forum_services.post_create(
        author=network_editor, topic=topic, body="@Zéphyrin Quatrebarbes moi !"
    )
    forum_services.reaction_toggle(post=reply, user=user, reaction="thanks")
    forum_services.report_create(post=reply, reporter=user, reason="Doublon")
    meetup = EventPageFactory(title="Afterwork", capacity=2)
    event_services.rsvp_set(event=meetup, user=user, going=True)
    passenger = UserFactory()
    event_services.rsvp_set(event=meetup, user=passenger, going=True)
    event_services.rsvp_set(event=meetup, user=network_editor, going=True)  # waits
    car = event_services.offer_create(
        event=meetup, driver=user, commune=committee.commune, departure="18:00",
        seats=3, note="Départ de chez Zéphyrin",
    )  # fmt: skip
    event_services.seat_request(offer=car, passenger=passenger)
    EventOrganiser.objects.create(page=meetup, member=user)
    chat = chat_services.conversation_for(user=user, others=[network_editor])
    chat_services.message_post(room=chat, author=user, body="Bonjour à tous")
    chat_services.message_post(
        room=chat, author=network_editor, body="Merci @Zéphyrin Quatrebarbes"
    )
    return user, client


def test_the_download_holds_every_kind_of_data(person):
    user, client = person
    response = client.get(reverse("members:data_download"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = set(archive.namelist())
    assert {
        "account.json", "profile.json", "memberships.json", "follows.json",
        "invitations_sent.json", "join_requests.json", "posts.json", "feed.json",
        "notifications.json", "forums.json", "meetups.json", "chat.json",
    } <= names  # fmt: skip
    meetups = json.loads(archive.read("meetups.json"))
    assert meetups["answers"][0]["answer"] == "going"
    assert meetups["carpool_offers"][0]["note"] == "Départ de chez Zéphyrin"
    assert meetups["organised"] == ["Afterwork"]
    forums = json.loads(archive.read("forums.json"))
    assert forums["topics"][0]["title"] == "Covoiturage"
    assert forums["reports"][0]["reason"] == "Doublon"
    posts = json.loads(archive.read("posts.json"))
    assert posts["posts"][0]["text"] == "Qui vient au marché samedi ?"
    assert posts["comments"][0]["text"] == "Parfait."
    assert posts["reactions"][0]["reaction"] == "like"
    verbs = {entry["verb"] for entry in json.loads(archive.read("feed.json"))}
    assert {"posted", "commented on"} <= verbs
    received = json.loads(archive.read("notifications.json"))["received"]
    assert any("mentionné" in n["text"] for n in received)
    assert any(name.startswith("photo") for name in names)
    assert json.loads(archive.read("account.json"))["email"] == EMAIL
    profile = json.loads(archive.read("profile.json"))
    assert profile["bio"].startswith("Zéphyrin")
    assert json.loads(archive.read("memberships.json"))[0]["role"] == "referent"
    assert json.loads(archive.read("invitations_sent.json"))[0]["email"] == (
        "voisine@example.org"
    )


def test_nobody_downloads_someone_elses_data(person, client_member):
    response = client_member.get(reverse("members:data_download"))
    assert EMAIL.encode() not in response.content
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert EMAIL not in archive.read("account.json").decode()


def text_columns():
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        for field in model._meta.concrete_fields:
            if isinstance(
                field, models.CharField | models.TextField | models.JSONField
            ):
                yield model, field


def test_erasure_leaves_neither_email_nor_name_anywhere(person, client):
    user, member_client = person
    photo = Profile.objects.get(user=user).photo.path
    response = member_client.post(
        reverse("members:account_delete"), {"password": PASSWORD, "confirm": "on"}
    )
    assert response.status_code == 302
    found = []
    for model, field in text_columns():
        for needle in (EMAIL, "Zéphyrin", "Quatrebarbes"):
            lookup = f"{field.name}__icontains"
            if isinstance(field, models.JSONField):
                rows = [
                    v for v in model._base_manager.values_list(field.name, flat=True)
                    if needle.lower() in json.dumps(v, ensure_ascii=False).lower()
                ]  # fmt: skip
            else:
                rows = model._base_manager.filter(**{lookup: needle})
            if rows:
                found.append(f"{model._meta.label}.{field.name} has {needle}")
    assert found == []
    import os

    assert not os.path.exists(photo)
    user.refresh_from_db()
    assert not user.is_active and not user.has_usable_password()
    assert str(user) == "Ancien membre"
    assert not CommitteeMembership.objects.filter(user=user).exists()
    assert not activity.is_following(user, user) and not user.groups.exists()
    # They left their meetup as anyone would: the waiting list moved up, and the
    # passenger's seat went with the car.
    assert not Rsvp.objects.filter(user=user).exists()
    assert Rsvp.objects.get(user__last_name="Dubosc").status == "going"
    assert not CarpoolOffer.objects.exists()
    # Every session ended, this one included.
    assert member_client.get("/").status_code == 302
    assert (
        client.post(
            reverse("account_login"), {"login": EMAIL, "password": PASSWORD}
        ).status_code
        == 200
    )  # cannot log in any more


def test_deleting_needs_the_password_and_the_confirmation(client_member, member):
    url = reverse("members:account_delete")
    for data in ({"password": "faux", "confirm": "on"}, {"password": PASSWORD}):
        response = client_member.post(url, data)
        assert response.status_code == 200
    member.refresh_from_db()
    assert member.is_active


def test_what_they_wrote_stays_as_ancien_membre(person, committee):
    from home.models import NewsPage

    user, _client = person
    news = committee.add_child(
        instance=NewsPage(title="Marché", intro="x", author=user)
    )
    erase(user)
    news.refresh_from_db()
    assert news.author_id == user.pk
    assert str(news.author) == "Ancien membre"
    post = FeedPost.objects.get(author=user)
    assert Comment.objects.filter(post=post).count() == 2
    assert not Notification.objects.filter(recipient=user).exists()
    assert not activity.actions_of(user).exists()
    # Where others mentioned them, the mention now reads "Ancien membre".
    client = Client()
    client.force_login(post.comments.exclude(author=user).get().author)
    page = client.get(reverse("activity:post_detail", args=[post.pk]))
    assert "@Ancien membre" in page.content.decode()


def test_privacy_page_is_public_and_french(client, db):
    response = client.get(reverse("privacy"))
    assert response.status_code == 200
    assert "Vos données personnelles" in response.content.decode()


def test_erased_members_are_gone_from_directory_and_search(person, client_member):
    user, _client = person
    erase(user)
    assert User.objects.get(pk=user.pk).is_active is False
    html = client_member.get(reverse("members:directory")).content.decode()
    assert "Ancien membre" not in html
