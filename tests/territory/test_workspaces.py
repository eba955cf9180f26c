"""Workspaces as Wagtail pages: where they may be published (a committee's go
through its workflow), the public directory with its filters and map, the page
(members also see who works there and the proposals to meet), « j'y travaille »
and « se retrouver là-bas » from outside, the nearest ones on committee pages,
personal data, and query budgets."""

import json
import zipfile
from datetime import timedelta
from html import unescape
from io import BytesIO

import pytest
from django.core.cache import cache
from django.template import Context, Template
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from activity.models import Notification
from committees import rights
from committees.models import CommitteeMembership, CommitteePage
from communes.models import Commune
from home.models import HomePage
from members import personal_data
from territory import notices, selectors, services
from territory.models import (
    MeetingProposal,
    Place,
    SpeedTest,
    WorkspaceIndexPage,
    WorkspacePage,
    WorkspaceRegular,
)
from tests.factories import CommitteePageFactory, UserFactory

pytestmark = pytest.mark.django_db


def directory() -> WorkspaceIndexPage:
    home = HomePage.objects.get()
    return WorkspaceIndexPage.objects.child_of(home).first() or home.add_child(
        instance=WorkspaceIndexPage(title="Lieux de travail", slug="lieux-de-travail")
    )


def workspace(title="Télécentre d'Eauze", where="Eauze", parent=None, **fields):
    return (parent or directory()).add_child(
        instance=WorkspacePage(
            title=title,
            commune=Commune.objects.get(name=where),
            address="1 place de la Mairie",
            **fields,
        )
    )


def anonymous() -> Client:
    return Client()


def text(response) -> str:
    return unescape(response.content.decode())


def listed(response) -> str:
    """The directory's list of places (the commune filter names every commune)."""
    page = text(response)
    if "workspace-list" not in page:
        return ""
    return page.split('class="list-plain card workspace-list"')[1].split("</ul>")[0]


# Where they are published


def test_workspaces_go_under_the_directory_or_a_committee():
    assert set(WorkspacePage.allowed_parent_page_models()) == {
        WorkspaceIndexPage,
        CommitteePage,
    }
    assert WorkspaceIndexPage in HomePage.allowed_subpage_models()
    assert WorkspacePage in CommitteePage.allowed_subpage_models()


def test_a_committee_editor_writes_a_workspace_through_the_committee_workflow(client):
    committee = CommitteePageFactory(
        title="Comité d'Eauze", commune=Commune.objects.get(name="Eauze")
    )
    editor = UserFactory()
    CommitteeMembership.objects.create(user=editor, committee=committee, is_editor=True)
    rights.user_sync_groups(editor)
    client.force_login(editor)
    add = f"/admin/pages/add/territory/workspacepage/{committee.pk}/"
    assert client.get(add).status_code == 200
    other = CommitteePageFactory(title="Comité d'Auch")
    assert client.get(
        f"/admin/pages/add/territory/workspacepage/{other.pk}/"
    ).status_code in (302, 403)
    page = workspace(parent=committee)
    assert page.get_workflow() == committee.access.workflow


# The directory


def test_the_directory_is_public_and_filters_by_distance_and_equipment():
    workspace("Télécentre d'Eauze", "Eauze", has_printer=True)
    workspace("Coworking de la Halle", "Fleurance", has_printer=True, has_lockers=True)
    workspace("Tiers-lieu de Marciac", "Marciac", has_lockers=True)
    url = directory().url
    places = listed(anonymous().get(url))
    assert all(t in places for t in ("Eauze", "Coworking de la Halle", "Marciac"))
    nogaro = Commune.objects.get(name="Nogaro").pk
    places = listed(anonymous().get(url, {"commune": nogaro, "distance": 50}))
    assert "Télécentre d'Eauze" in places and "Tiers-lieu de Marciac" in places
    assert "Coworking de la Halle" not in places  # 57 km away
    assert places.index("Eauze") < places.index("Marciac")  # 16 km, then 30 km
    assert "16 km" in places
    places = listed(anonymous().get(url, {"equipment": ["has_printer", "has_lockers"]}))
    assert "Coworking de la Halle" in places and "Eauze" not in places
    response = anonymous().get(url, {"commune": "nope", "distance": "9999"})
    assert response.status_code == 200 and "Marciac" in listed(response)


@pytest.mark.parametrize("count", [3, 25])
def test_the_directory_costs_a_flat_number_of_queries(
    count, django_assert_max_num_queries
):
    names = Commune.objects.order_by("pk").values_list("name", flat=True)[:count]
    for n, name in enumerate(names):
        workspace(f"Lieu n°{n}", name, has_printer=bool(n % 2))
    client = anonymous()
    client.get(directory().url)
    with django_assert_max_num_queries(11):  # 11 at 3 and at 25 places
        response = client.get(directory().url, {"equipment": "has_printer"})
    assert listed(response).count("Lieu n°") == count // 2


# The page, « j'y travaille », « se retrouver là-bas »


def test_members_see_who_works_there_and_prospects_do_not(client_member, member):
    place = workspace(has_meeting_room=True, price_day=12)
    services.workspace_regular_set(
        user=UserFactory(first_name="Inès", last_name="Carrère"),
        workspace=place,
        works_there=True,
    )
    page = text(anonymous().get(place.url))
    assert "12 € la journée" in page and "salle de réunion" in page
    assert "Carrère" not in page and "J'y travaille" not in page
    page = text(client_member.get(place.url))
    assert "Inès Carrère" in page and "J'y travaille" in page


def test_i_work_here_from_outside(client_member, member):
    place = workspace()
    url = place.url + "j-y-travaille/"
    response = anonymous().post(url, {"works_there": "1"})
    assert response.status_code == 302 and "/comptes/login/" in response.url
    assert client_member.get(url).status_code == 405
    assert not WorkspaceRegular.objects.exists()
    client_member.post(url, {"works_there": "1"})
    client_member.post(url, {"works_there": "1"})  # twice: still once
    assert WorkspaceRegular.objects.get().user == member
    assert "Je n'y travaille plus" in text(client_member.get(place.url))
    client_member.post(url, {"works_there": "0"})
    assert not WorkspaceRegular.objects.exists()


def test_a_proposal_to_meet_tells_the_regulars(client_member, member):
    place = workspace()
    regular, proposer_too = UserFactory(), member
    services.workspace_regular_set(user=regular, workspace=place, works_there=True)
    services.workspace_regular_set(user=member, workspace=place, works_there=True)
    day = timezone.localdate() + timedelta(days=3)
    response = client_member.post(
        place.url + "se-retrouver/", {"day": day.isoformat(), "note": "Déjeuner ?"}
    )
    assert response.status_code == 302
    proposal = MeetingProposal.objects.get()
    assert (proposal.user, proposal.day, proposal.note) == (member, day, "Déjeuner ?")
    told = Notification.objects.get(kind=notices.MEETING)
    assert told.recipient == regular and "Camille Laborde propose" in told.text
    assert not Notification.objects.filter(recipient=proposer_too).exists()
    assert "Déjeuner ?" in client_member.get(place.url).content.decode()
    assert "Déjeuner ?" not in anonymous().get(place.url).content.decode()


def test_a_proposal_on_a_past_or_far_day_is_refused_in_french(client_member):
    place = workspace()
    for day in (
        timezone.localdate() - timedelta(days=1),
        timezone.localdate() + timedelta(days=90),
    ):
        response = client_member.post(
            place.url + "se-retrouver/", {"day": day.isoformat()}, follow=True
        )
        assert (
            "Choisissez un jour entre aujourd&#x27;hui et dans deux mois."
            in response.content.decode()
        )
    assert (
        anonymous()
        .post(place.url + "se-retrouver/", {"day": timezone.localdate().isoformat()})
        .status_code
        == 302
    )
    assert not MeetingProposal.objects.exists()


def test_a_few_proposals_per_day(member):
    place = workspace()
    day = timezone.localdate() + timedelta(days=1)
    for _ in range(services.MEETINGS_PER_DAY):
        services.meeting_propose(user=member, workspace=place, day=day)
    with pytest.raises(services.ValidationError):
        services.meeting_propose(user=member, workspace=place, day=day)
    assert MeetingProposal.objects.count() == services.MEETINGS_PER_DAY


@pytest.mark.parametrize("regulars", [2, 30])
def test_the_workspace_page_costs_a_flat_number_of_queries(
    client_member, regulars, django_assert_max_num_queries
):
    place = workspace()
    for _ in range(regulars):
        user = UserFactory()
        services.workspace_regular_set(user=user, workspace=place, works_there=True)
        services.meeting_propose(user=user, workspace=place, day=timezone.localdate())
    client_member.get(place.url)
    with django_assert_max_num_queries(24):
        response = client_member.get(place.url)
    assert response.status_code == 200


# Tests made in a workspace, nearest workspaces, personal data


def test_a_test_made_in_a_workspace_shows_on_its_page(client_member, member):
    place = workspace()
    services.speed_test_record(
        user=member,
        commune=Commune.objects.get(name="Auch"),
        technology="fibre",
        place=Place.HOME,
        download_mbps=321,
        upload_mbps=123,
        latency_ms=9,
        workspace=place,
    )
    test = SpeedTest.objects.get()
    assert test.place == Place.WORKSPACE and test.commune.name == "Eauze"
    assert "321 Mb/s en descente" in client_member.get(place.url).content.decode()
    assert "321" not in anonymous().get(place.url).content.decode()


def test_committee_pages_list_the_nearest_workspaces_from_the_cache(
    django_assert_max_num_queries,
):
    condom = Commune.objects.get(name="Condom")
    committee = CommitteePageFactory(title="Comité de Condom", commune=condom)
    workspace("Espace partagé du Baradé", "Condom")
    workspace("Télécentre d'Eauze", "Eauze")
    workspace("Télécentre de Marciac", "Marciac")  # about 70 km away
    page = anonymous().get(committee.url).content.decode()
    assert "Lieux de travail à proximité" in page
    assert "Espace partagé du Baradé" in page and "Eauze" in page
    assert "Marciac" not in page
    tag = Template("{% load territory_tags %}{% nearest_workspaces c %}")
    with django_assert_max_num_queries(0):
        tag.render(Context({"c": condom}))
    fresh = workspace("Coworking de Condom", "Condom")
    fresh.save_revision().publish()  # Wagtail's signal forgets the list
    assert "Coworking de Condom" in tag.render(Context({"c": condom}))
    assert cache.get(selectors.WORKSPACES_KEY) is not None


def test_regulars_and_proposals_join_the_download_and_go_with_the_account(member):
    place = workspace()
    services.workspace_regular_set(user=member, workspace=place, works_there=True)
    services.meeting_propose(user=member, workspace=place, day=timezone.localdate())
    archive = zipfile.ZipFile(BytesIO(personal_data.export_zip(member)))
    data = json.loads(archive.read("workspaces.json"))
    assert data["i_work_there"][0]["workspace"] == "Télécentre d'Eauze"
    assert len(data["proposals_to_meet"]) == 1
    personal_data.erase(member)
    assert (
        not WorkspaceRegular.objects.exists() and not MeetingProposal.objects.exists()
    )


def test_members_find_workspaces_in_the_site_search(client_member):
    place = workspace("Tiers-lieu La Fabrique", "Lectoure")
    found = text(client_member.get(reverse("home:search"), {"q": "Fabrique"}))
    assert "Lieux de travail" in found and place.url in found
