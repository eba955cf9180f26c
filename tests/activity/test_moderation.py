import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from activity import services
from activity.models import CommitteeFeedSettings, FeedPost
from tests.factories import CommitteeMembershipFactory, CommitteePageFactory

MODERATORS = "Modération des échanges"


def test_moderators_hide_anywhere_referents_in_their_committee(member, other_member):
    committee, elsewhere = CommitteePageFactory(), CommitteePageFactory()
    referent = CommitteeMembershipFactory(committee=committee, role="referent").user
    CommitteeMembershipFactory(user=other_member, committee=committee)
    local = services.post_create(author=other_member, body="Local", committee=committee)
    network = services.post_create(author=other_member, body="Réseau")
    services.post_hide(post=local, by=referent)
    with pytest.raises(PermissionDenied):
        services.post_hide(post=network, by=referent)
    with pytest.raises(PermissionDenied):
        services.post_hide(post=network, by=member)
    member.groups.add(Group.objects.get(name=MODERATORS))
    member = type(member).objects.get(pk=member.pk)  # fresh permission cache
    services.post_hide(post=network, by=member)
    assert FeedPost.objects.shown().count() == 0
    # A référent elsewhere may not hide this committee's posts.
    outsider = CommitteeMembershipFactory(committee=elsewhere, role="referent").user
    with pytest.raises(PermissionDenied):
        services.post_hide(post=local, by=outsider, hidden=False)


def test_hidden_posts_stay_readable_by_author_and_moderator_only(
    client, member, other_member
):
    committee = CommitteePageFactory()
    referent = CommitteeMembershipFactory(committee=committee, role="referent").user
    CommitteeMembershipFactory(user=other_member, committee=committee)
    post = services.post_create(
        author=other_member, body="À vérifier", committee=committee
    )
    services.post_hide(post=post, by=referent)
    url = reverse("activity:post_detail", args=[post.pk])
    for user, status in ((other_member, 200), (referent, 200), (member, 404)):
        client.force_login(user)
        assert client.get(url).status_code == status
    client.force_login(member)
    assert client.post(reverse("activity:comment_create", args=[post.pk]), {
        "body": "Coucou"
    }).status_code == 404  # fmt: skip


def test_other_people_cannot_edit_delete_or_hide_from_outside(
    client_member, other_member
):
    post = services.post_create(author=other_member, body="À moi")
    comment = services.comment_create(post=post, author=other_member, body="Aussi")
    for name, pk in (
        ("activity:post_edit", post.pk),
        ("activity:post_delete", post.pk),
        ("activity:post_hide", post.pk),
        ("activity:comment_edit", comment.pk),
        ("activity:comment_delete", comment.pk),
        ("activity:comment_hide", comment.pk),
    ):
        assert (
            client_member.post(reverse(name, args=[pk]), {"body": "x"}).status_code
            == 403
        )
    post.refresh_from_db()
    assert post.body == "À moi" and post.hidden_at is None


def test_authors_edit_and_delete_through_the_pages(client_member, member, other_member):
    post = services.post_create(author=member, body="Premier jet")
    response = client_member.post(
        reverse("activity:post_edit", args=[post.pk]),
        {"body": "Version finale @Bastien Dupouy"},
    )
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.edited_at is not None and f"@[{other_member.pk}]" in post.body
    form = client_member.get(reverse("activity:post_edit", args=[post.pk]))
    assert "Version finale @Bastien Dupouy" in form.content.decode()
    client_member.post(reverse("activity:post_delete", args=[post.pk]))
    assert not FeedPost.objects.exists()


def test_committee_choice_is_for_its_referents(client_member, member, other_member):
    committee = CommitteePageFactory()
    url = reverse("activity:committee_settings", args=[committee.pk])
    assert client_member.post(url, {"members_only": "on"}).status_code == 403
    CommitteeMembershipFactory(user=member, committee=committee, role="referent")
    client_member.post(url, {"members_only": "on"})
    assert CommitteeFeedSettings.objects.get(committee=committee).members_only
    page = client_member.get(reverse("members:committee_manage", args=[committee.pk]))
    assert 'id="id_members_only" checked' in page.content.decode()


def test_post_image_is_checked_and_described(client_member, member):
    from tests.members.test_profiles import jpeg_with_gps, upload

    url = reverse("activity:post_create")
    response = client_member.post(
        url, {"body": "Ma grange", "image": upload(jpeg_with_gps())}
    )
    assert response.status_code == 400  # no description
    assert not FeedPost.objects.exists()
    fake = upload(b"not an image at all", name="x.jpg")
    response = client_member.post(
        url, {"body": "Ma grange", "image": fake, "image_alt": "Une grange"}
    )
    assert response.status_code == 400
    response = client_member.post(
        url,
        {
            "body": "Ma grange",
            "image": upload(jpeg_with_gps()),
            "image_alt": "Une grange",
        },
    )
    post = FeedPost.objects.get()
    assert post.image.name.endswith(".webp") and post.image_alt == "Une grange"


def test_posts_are_found_by_search_with_the_same_visibility(
    client, member, other_member
):
    committee = CommitteePageFactory()
    referent = CommitteeMembershipFactory(committee=committee, role="referent").user
    CommitteeMembershipFactory(user=other_member, committee=committee)
    services.post_create(
        author=other_member, body="Tondeuse à prêter", committee=committee
    )
    services.post_create(author=other_member, body="Tondeuse électrique, des avis ?")
    client.force_login(member)
    found = client.get(
        "/recherche/", {"q": "tondeuse", "type": "posts"}
    ).content.decode()
    assert "électrique" in found and "prêter" in found
    services.committee_feed_set(committee=committee, by=referent, members_only=True)
    found = client.get(
        "/recherche/", {"q": "tondeuse", "type": "posts"}
    ).content.decode()
    assert "électrique" in found and "prêter" not in found
