"""The programme's figures against a data set whose answers are known."""

import csv
import html
import io
from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from tests.factories import CommitteePageFactory, UserFactory
from welcome import stats
from welcome.models import InstallationProject, Stage, StageChange

S = Stage


def _at(year, month, day):
    return timezone.make_aware(datetime(year, month, day, 12))  # noqa: DTZ001


def _project(received, path, committee=None, sponsor=None):
    """A project received on `received`, then moved along `path`: [(stage, days
    after the previous move)]."""
    stage, at = S.RECEIVED, received
    project = InstallationProject.objects.create(
        email="x@example.net", current_location="Paris", timeline="3m",
        tenure="rent", housing_type="any", broadband="basic",
        consent_at=received, created_at=received, committee=committee,
        sponsor=sponsor,
    )  # fmt: skip
    StageChange.objects.create(project=project, to_stage=S.RECEIVED, at=received)
    for to, days in path:
        at = at + timedelta(days=days)
        StageChange.objects.create(
            project=project, from_stage=stage, to_stage=to, at=at
        )
        stage = to
    InstallationProject.objects.filter(pk=project.pk).update(
        stage=stage, stage_changed_at=at
    )
    return project


@pytest.fixture
def known(db):
    gimont = CommitteePageFactory(title="Comité d'accueil de Gimont")
    vic = CommitteePageFactory(title="Comité d'accueil de Vic-Fezensac")
    anne = UserFactory(first_name="Anne", last_name="Sabatier")
    full = [(S.QUALIFIED, 4), (S.ROUTED, 6), (S.VISIT, 20), (S.INSTALLED, 60)]
    # 2025: two settled (one integrated, one left again), one abandoned, one waits.
    _project(_at(2025, 2, 1), [*full, (S.INTEGRATED, 100)], gimont, anne)
    _project(_at(2025, 3, 1), [(S.QUALIFIED, 2), (S.ROUTED, 4), (S.VISIT, 10),
                               (S.INSTALLED, 40), (S.DEPARTED, 200)], gimont, anne)  # fmt: skip  # noqa: E501
    _project(_at(2025, 4, 1), [(S.QUALIFIED, 6), (S.ABANDONED, 10)])
    _project(_at(2025, 5, 1), [])
    # 2026: routed straight from « Reçu » (qualified on the way), then settled.
    _project(_at(2026, 1, 10), [(S.ROUTED, 3), (S.VISIT, 30), (S.INSTALLED, 90)], vic)
    return {"gimont": gimont, "vic": vic, "anne": anne}


def test_the_funnel_counts_what_reached_each_stage(known):
    figures = stats.figures()
    assert figures.years == [2026, 2025]
    assert figures.total.reached == {
        S.RECEIVED: 5, S.QUALIFIED: 4, S.ROUTED: 3, S.VISIT: 3,
        S.INSTALLED: 3, S.INTEGRATED: 1,
    }  # fmt: skip
    assert (figures.total.abandoned, figures.total.departed) == (1, 1)
    assert figures.total.retention == pytest.approx(2 / 3)
    assert figures.by_year[2025].reached[S.INSTALLED] == 2
    assert figures.by_year[2026].reached[S.QUALIFIED] == 1
    assert figures.installed_per_year == {2025: 2, 2026: 1}


def test_conversions_and_median_times(known):
    figures = stats.figures()
    conversions = {(a, b): share for a, b, share in figures.conversions}
    assert conversions[(S.RECEIVED, S.QUALIFIED)] == pytest.approx(4 / 5)
    assert conversions[(S.QUALIFIED, S.ROUTED)] == pytest.approx(3 / 4)
    assert conversions[(S.INSTALLED, S.INTEGRATED)] == pytest.approx(1 / 3)
    medians = {(a, b): (days, n) for a, b, days, n in figures.median_days}
    # Received → qualified: 4 and 2 and 6 days (the 2026 one skipped the stage).
    # (Days are counted in real time: a change of summer time moves them an hour.)
    day = pytest.approx
    assert medians[(S.RECEIVED, S.QUALIFIED)] == (day(4, abs=0.05), 3)
    assert medians[(S.ROUTED, S.VISIT)] == (day(20, abs=0.05), 3)  # 20, 10, 30
    assert medians[(S.VISIT, S.INSTALLED)] == (day(60, abs=0.05), 3)  # 60, 40, 90
    assert medians[(S.INSTALLED, S.INTEGRATED)] == (day(100, abs=0.05), 1)


def test_one_year_alone(known):
    figures = stats.figures(2026)
    assert figures.total.reached[S.RECEIVED] == 1
    assert figures.total.retention == 1
    assert {row["name"]: row["projects"] for row in stats.per_committee(2026)} == {
        "Comité d'accueil de Vic-Fezensac": 1
    }


def test_projects_per_committee_and_sponsor(known):
    gimont = next(r for r in stats.per_committee() if "Gimont" in r["name"])
    assert (gimont["projects"], gimont["settled"], gimont["departed"]) == (2, 1, 1)
    [anne] = stats.per_sponsor()
    assert (anne["name"], anne["projects"], anne["settled"]) == ("Anne Sabatier", 2, 1)


def test_the_dashboard_draws_and_tells_the_same_numbers(client, known, team_member):
    client.force_login(team_member)
    page = html.unescape(client.get("/nouveaux-arrivants/chiffres/").content.decode())
    assert page.count('role="img"') == 2
    assert '<title id="funnel-title">' in page
    assert "Installé : 3." in page  # the chart's description
    assert "67 %" in page  # retention: 2 of 3 settled families still here
    assert "Anne Sabatier" in page and "Comité d'accueil de Gimont" in page


def test_the_csv_exports(client, known, team_member):
    client.force_login(team_member)
    response = client.get("/nouveaux-arrivants/chiffres/funnel.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Année", "Reçu", "Qualifié"]
    assert rows[1] == ["2025", "4", "3", "2", "2", "2", "1", "1", "1"]
    assert rows[2] == ["2026", "1", "1", "1", "1", "1", "0", "0", "0"]
    sponsors = client.get("/nouveaux-arrivants/chiffres/sponsors.csv?annee=2025")
    assert "Anne Sabatier,2,0,1,1,0" in sponsors.content.decode("utf-8-sig")
    assert client.get("/nouveaux-arrivants/chiffres/autre.csv").status_code == 404


def test_the_dashboard_runs_a_flat_number_of_queries(
    client, known, team_member, django_assert_max_num_queries
):
    client.force_login(team_member)
    for i in range(30):
        _project(
            _at(2024, 1, 1 + i % 28), [(S.QUALIFIED, 3), (S.ROUTED, 3)], known["vic"]
        )
    with django_assert_max_num_queries(20):
        assert client.get("/nouveaux-arrivants/chiffres/").status_code == 200
    with django_assert_max_num_queries(20):
        assert client.get("/nouveaux-arrivants/").status_code == 200
