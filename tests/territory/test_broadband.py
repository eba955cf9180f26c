"""Broadband measured by members: recording (bad values, rate), the members'
own history, the communes' medians and their threshold, privacy (export,
erasure), the public map and the village sheet, with query budgets."""

import json
import zipfile
from datetime import timedelta
from io import BytesIO

import pytest
from django.template import Context, Template
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from communes.models import Commune
from members import personal_data
from territory import selectors, services
from territory.models import CommuneBroadband, Place, Source, SpeedTest
from tests.factories import CommitteePageFactory, UserFactory

pytestmark = pytest.mark.django_db

URL = reverse("territory:speed_test")
MANUAL = reverse("territory:manual_entry")
MAP = reverse("territory:broadband_map")


def commune(name="Auch"):
    return Commune.objects.get(name=name)


def record(user, down, *, up=10.0, latency=30.0, where="Auch", tech="fibre",
           place=Place.HOME):  # fmt: skip
    return services.speed_test_record(
        user=user,
        commune=commune(where),
        technology=tech,
        place=place,
        download_mbps=down,
        upload_mbps=up,
        latency_ms=latency,
    )


def form(**changes):
    data = {
        "commune": commune().pk,
        "technology": "vdsl",
        "place": "home",
        "download_mbps": "42.5",
        "upload_mbps": "8.2",
        "latency_ms": "23",
    }
    data.update(changes)
    return data


# Recording


def test_a_member_records_a_test_and_sees_it_in_their_history(client_member, member):
    response = client_member.post(URL, form())
    assert response.status_code == 302
    test = SpeedTest.objects.get(user=member)
    assert (test.download_mbps, test.upload_mbps, test.latency_ms) == (42.5, 8.2, 23)
    assert test.source == Source.BROWSER and test.technology == "vdsl"
    page = client_member.get(response.url).content.decode()
    assert "42,5 Mb/s" in page and "VDSL" in page and "Auch" in page


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("download_mbps", "-1", "Une mesure ne peut pas être négative."),
        ("upload_mbps", "10000.5", "Cette valeur n’est pas possible"),
        ("latency_ms", "10001", "Cette valeur n’est pas possible"),
        ("download_mbps", "abc", "Saisissez un nombre."),
        ("technology", "modem", "Sélectionnez un choix valide"),
    ],
)
def test_impossible_values_are_refused_in_french_and_nothing_is_stored(
    client_member, field, value, error
):
    response = client_member.post(URL, form(**{field: value}))
    assert response.status_code == 400
    assert error in response.content.decode()
    assert not SpeedTest.objects.exists()
    assert not CommuneBroadband.objects.exists()


def test_the_service_refuses_impossible_values_too(member):
    for down, up, latency in [(-0.1, 1, 1), (1, 10_001, 1), (1, 1, 10_000.1)]:
        with pytest.raises(services.ValidationError):
            record(member, down, up=up, latency=latency)
    assert not SpeedTest.objects.exists()


def test_a_few_tests_per_hour_at_most(client_member, member):
    for _ in range(services.TESTS_PER_HOUR):
        assert client_member.post(URL, form()).status_code == 302
    response = client_member.post(URL, form())
    assert response.status_code == 400
    assert "essayez de nouveau un peu plus tard" in response.content.decode()
    assert SpeedTest.objects.filter(user=member).count() == services.TESTS_PER_HOUR


def test_manual_entry_has_the_same_fields_and_a_date(client_member, member):
    day = timezone.localdate() - timedelta(days=20)
    response = client_member.post(MANUAL, form(measured_on=day.isoformat()))
    assert response.status_code == 302
    test = SpeedTest.objects.get(user=member)
    assert test.source == Source.MANUAL
    assert timezone.localtime(test.measured_at).date() == day
    future = (timezone.localdate() + timedelta(days=2)).isoformat()
    response = client_member.post(MANUAL, form(measured_on=future))
    assert response.status_code == 400
    assert "La date est dans le futur." in response.content.decode()
    old = (timezone.localdate() - timedelta(days=400)).isoformat()
    assert client_member.post(MANUAL, form(measured_on=old)).status_code == 400
    assert SpeedTest.objects.count() == 1


def test_pages_for_members_only(client):
    for url in (URL, MANUAL, reverse("territory:my_tests")):
        response = client.get(url)
        assert response.status_code == 302 and "/comptes/login/" in response.url
    assert client.post(URL, form()).status_code == 302
    assert not SpeedTest.objects.exists()


def test_a_member_deletes_their_own_test_only(client_member, member, other_member):
    mine, theirs = record(member, 30), record(other_member, 50)
    delete = "territory:test_delete"
    assert client_member.post(reverse(delete, args=[theirs.pk])).status_code == 404
    assert client_member.get(reverse(delete, args=[mine.pk])).status_code == 405
    assert client_member.post(reverse(delete, args=[mine.pk])).status_code == 302
    assert list(SpeedTest.objects.all()) == [theirs]


# The communes' figures


def test_medians_of_a_commune_by_technology_over_three_members():
    a, b, c, d = UserFactory(), UserFactory(), UserFactory(), UserFactory()
    record(a, 10, up=1, latency=40, tech="adsl")
    record(b, 20, up=2, latency=50, tech="adsl")
    record(c, 300, up=100, latency=10)
    assert selectors.commune_figures(commune_id=commune().pk).overall.tests == 3
    record(d, 500, up=200, latency=12)
    figures = selectors.commune_figures(commune_id=commune().pk)
    overall = figures.overall
    assert (overall.median_download, overall.median_upload) == (160, 51)
    assert overall.median_latency == 26  # (12 + 40) / 2
    assert (overall.tests, overall.members) == (4, 4)
    # ADSL and fibre have two members each: never shown on their own.
    assert figures.by_technology == []
    record(a, 20, tech="fibre")  # a's second line
    record(UserFactory(), 700, tech="fibre")
    figures = selectors.commune_figures(commune_id=commune().pk)
    assert figures.overall.tests == 6 and figures.overall.members == 5
    assert [
        (r.technology, r.median_download, r.members) for r in figures.by_technology
    ] == [("fibre", 400, 4)]


def test_two_members_are_not_enough_and_workspace_tests_are_not_counted():
    a, b = UserFactory(), UserFactory()
    record(a, 10)
    record(a, 12)
    record(b, 30)
    record(UserFactory(), 900, place=Place.WORKSPACE)
    assert selectors.commune_figures(commune_id=commune().pk) is None
    assert selectors.gers_figures() == []
    assert [
        t.download_mbps for t in selectors.workspace_tests(commune_id=commune().pk)
    ] == [900]


def test_deleting_and_erasing_recompute_the_figures(member):
    others = [UserFactory() for _ in range(3)]
    for n, user in enumerate(others):
        record(user, 10 * (n + 1))
    mine = record(member, 1000)
    assert (
        selectors.commune_figures(commune_id=commune().pk).overall.median_download == 25
    )
    services.speed_test_delete(user=member, test=mine)
    assert (
        selectors.commune_figures(commune_id=commune().pk).overall.median_download == 20
    )
    personal_data.erase(others[0])
    assert selectors.commune_figures(commune_id=commune().pk) is None
    assert not SpeedTest.objects.filter(user=others[0]).exists()


def test_tests_join_the_members_download(client_member, member):
    record(member, 33.3, where="Condom", tech="adsl")
    response = client_member.get(reverse("members:data_download"))
    archive = zipfile.ZipFile(BytesIO(response.content))
    tests = json.loads(archive.read("broadband_tests.json"))
    assert tests[0]["commune"] == "Condom" and tests[0]["download_mbps"] == 33.3


# The map and the village sheet


def _communes_with_tests(count: int, per_commune: int = 3):
    names = list(Commune.objects.order_by("pk").values_list("name", flat=True)[:count])
    for name in names:
        for n in range(per_commune):
            record(
                UserFactory(),
                5 + 40 * n,
                where=name,
                tech=["adsl", "vdsl", "fibre"][n % 3],
            )
    return names


@pytest.mark.parametrize("count", [2, 30])
def test_the_public_map_shows_only_aggregates_in_a_flat_number_of_queries(
    client, count, django_assert_max_num_queries
):
    names = _communes_with_tests(count)
    lonely = Commune.objects.get(name="Lectoure")
    record(UserFactory(), 999.9, where="Lectoure")
    client.get(MAP)  # the map's frame is read once per process
    with django_assert_max_num_queries(2):
        response = client.get(MAP)
    page = response.content.decode()
    assert response.status_code == 200
    assert page.count('<th scope="row">') == count
    assert all(name in page for name in names[:2])
    assert lonely.name not in page and "999" not in page  # a single member's result
    assert page.count('class="map-tone-') == count
    assert "Médiane en descente" in page or "Descente" in page


def test_the_village_sheet_shows_the_figures_from_the_cache(
    client_member, django_assert_max_num_queries
):
    client = Client()  # a prospect
    committee = CommitteePageFactory(
        title="Comité de Condom", commune=commune("Condom")
    )
    for down in (20, 38, 50):
        record(UserFactory(), down, up=11, latency=25, where="Condom", tech="vdsl")
    record(UserFactory(), 400, place=Place.WORKSPACE, where="Condom")
    page = client.get(committee.url).content.decode()
    assert "Débit constaté par les membres" in page
    assert (
        "médiane 38 Mb/s en descente, 11 Mb/s en montée, 25 ms ; 3 tests, 3 membres"
        in page
    )
    assert "400" not in page  # the workspaces' tests are for members
    assert "Fibre 400/10 Mb/s" in client_member.get(committee.url).content.decode()
    condom = commune("Condom")
    with django_assert_max_num_queries(0):  # the sheet's lines come from the cache
        Template("{% load territory_tags %}{% commune_broadband c %}").render(
            Context({"c": condom})
        )
    record(UserFactory(), 70, where="Condom", tech="vdsl")  # forgets the cache
    assert "4 tests, 4 membres" in client.get(committee.url).content.decode()
