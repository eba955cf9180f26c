"""Missions reported to the moderators and hidden by them (the shell's reports
registry): a hidden mission is seen only by its author and the moderators."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from activity.models import ContentReport
from missions import selectors, services
from tests.factories import UserFactory
from tests.missions.conftest import post

pytestmark = pytest.mark.django_db

MODERATORS = "Modération des échanges"


def client_of(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def moderator(db):
    user = UserFactory(first_name="Mona", last_name="Dératrice")
    user.groups.add(Group.objects.get(name=MODERATORS))
    return user


def test_a_report_acted_on_hides_the_mission(mission, member, other_member, moderator):
    url = reverse("activity:report", args=["missions.mission", mission.pk])
    page = client_of(other_member).get(mission.get_absolute_url()).content.decode()
    assert url in page
    assert url not in client_of(member).get(mission.get_absolute_url()).content.decode()
    assert client_of(member).post(url, {"reason": "La mienne"}).status_code == 200
    client_of(other_member).post(url, {"reason": "Ce n'est pas une mission"})
    report = ContentReport.objects.get()
    assert report.reporter == other_member
    queue = client_of(moderator).get(reverse("forums:moderation")).content.decode()
    assert mission.title in queue
    client_of(moderator).post(
        reverse("forums:moderation"),
        {"content_report": report.pk, "decision": "act", "resolution": "Hors sujet"},
    )
    mission.refresh_from_db()
    assert mission.hidden_at is not None and mission.hidden_by == moderator
    assert client_of(other_member).get(mission.get_absolute_url()).status_code == 404
    page = client_of(member).get(mission.get_absolute_url()).content.decode()
    assert "Les modérateurs ont masqué cette mission" in page
    assert not selectors.open_missions(user=other_member).exists()


def test_only_moderators_hide_and_show_again(mission, member, other_member, moderator):
    url = reverse("missions:hide", args=[mission.pk])
    for user in (member, other_member):
        assert client_of(user).post(url, {"hidden": "1"}).status_code == 403
    with pytest.raises(PermissionDenied):
        services.mission_hide(mission=mission, by=member)
    client_of(moderator).post(url, {"hidden": "1"})
    mission.refresh_from_db()
    assert mission.hidden_at is not None
    page = client_of(moderator).get(mission.get_absolute_url()).content.decode()
    assert "Afficher de nouveau" in page
    # Nobody answers a hidden mission, even with a crafted POST.
    client_of(other_member).post(
        reverse("missions:answer", args=[mission.pk]), {"message": "Moi"}
    )
    assert mission.answers.count() == 0
    client_of(moderator).post(url, {"hidden": "0"})
    mission.refresh_from_db()
    assert mission.hidden_at is None and mission.hidden_by is None


def test_a_hidden_mission_leaves_the_feed_and_the_search(mission, other_member):
    moderator = _moderator()
    services.mission_hide(mission=mission, by=moderator)
    client = client_of(other_member)
    assert mission.title not in client.get(reverse("activity:network")).content.decode()
    for reader in (other_member, mission.author, moderator):  # opened, not found
        found = client_of(reader).get(reverse("home:search"), {"q": "tourisme"}).text
        assert mission.get_absolute_url() not in found


def _moderator():
    user = UserFactory()
    user.groups.add(Group.objects.get(name=MODERATORS))
    return user


def test_another_mission_of_the_author_is_not_touched(member, moderator):
    kept = post(member, title="Une autre")
    hidden = post(member)
    services.mission_hide(mission=hidden, by=moderator)
    kept.refresh_from_db()
    assert kept.hidden_at is None
