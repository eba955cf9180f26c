import pytest
from django.urls import reverse

from activity import activity
from members import services


def test_following_twice_and_unfollowing_twice_is_harmless(member, other_member):
    assert services.member_follow(user=member, other=other_member) is True
    assert services.member_follow(user=member, other=other_member) is False
    assert activity.is_following(member, other_member)
    assert services.member_unfollow(user=member, other=other_member) is True
    assert services.member_unfollow(user=member, other=other_member) is False
    assert not activity.is_following(member, other_member)


def test_refollowing_after_actstream_style_follow_does_not_crash(member, other_member):
    from actstream.actions import follow as actstream_follow

    actstream_follow(member, other_member, actor_only=True, send_action=False)
    assert services.member_follow(user=member, other=other_member) is False


def test_nobody_follows_themselves(member):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.member_follow(user=member, other=member)


def test_follow_button_and_lists(client_member, member, other_member):
    url = reverse("members:follow", args=[other_member.pk])
    for _ in range(2):
        response = client_member.post(url, follow=True)
        assert response.status_code == 200
    assert "Vous suivez désormais" in response.content.decode()
    profile = client_member.get(
        reverse("members:profile_detail", args=[other_member.pk])
    ).content.decode()
    assert "1 abonné" in profile and "Ne plus suivre" in profile
    followers = client_member.get(reverse("members:followers", args=[other_member.pk]))
    assert "Camille Laborde" in followers.content.decode()
    following = client_member.get(reverse("members:following", args=[member.pk]))
    assert "Bastien Dupouy" in following.content.decode()
    client_member.post(url, {"action": "unfollow"})
    client_member.post(url, {"action": "unfollow"})
    assert not activity.is_following(member, other_member)


def test_follow_needs_post(client_member, other_member):
    url = reverse("members:follow", args=[other_member.pk])
    assert client_member.get(url).status_code == 405


def test_following_a_committee(client_member, member, committee):
    url = reverse("home:committee_follow", args=[committee.pk])
    client_member.post(url)
    client_member.post(url)
    assert activity.is_following(member, committee)
    page = client_member.get(committee.url).content.decode()
    assert "Ne plus suivre" in page
    client_member.post(url, {"action": "unfollow"})
    assert not activity.is_following(member, committee)


def test_following_records_one_feed_entry(member, other_member):
    services.member_follow(user=member, other=other_member)
    services.member_follow(user=member, other=other_member)
    entries = activity.actions_of(member).filter(verb=activity.STARTED_FOLLOWING)
    assert entries.count() == 1
