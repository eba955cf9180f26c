"""Missions closing themselves, and a member's missions in their data download
and erasure."""

import json
import zipfile
from datetime import timedelta
from io import BytesIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from activity.models import Notification
from members import personal_data
from missions import notices, services
from missions.models import Answer, Mission
from tests.concurrency import commands_at_once, postgresql_only
from tests.factories import UserFactory
from tests.missions.conftest import post


def _expire(*missions):
    Mission.objects.filter(pk__in=[m.pk for m in missions]).update(
        closes_on=timezone.localdate() - timedelta(days=1)
    )


@pytest.mark.django_db
def test_the_command_closes_the_missions_past_their_date_once(member, capsys):
    late, other_late, current = post(member), post(member), post(member)
    _expire(late, other_late)
    call_command("close_expired_missions")
    call_command("close_expired_missions")
    assert capsys.readouterr().out == (
        "2 expired mission(s) closed.\n0 expired mission(s) closed.\n"
    )
    assert set(Mission.objects.filter(status="expired")) == {late, other_late}
    current.refresh_from_db()
    assert current.status == "open" and current.closed_at is None
    assert Mission.objects.get(pk=late.pk).closed_at is not None


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@postgresql_only
def test_two_commands_at_once_never_crash_and_close_each_mission_once():
    author = UserFactory()
    missions = [post(author) for _ in range(3)]
    _expire(*missions)
    outputs = commands_at_once(("close_expired_missions",), ("close_expired_missions",))
    assert sorted(outputs) in (
        # The second copy finds the lock taken…
        [
            "3 expired mission(s) closed.\n",
            "close_expired_missions: already running, skipped.\n",
        ],
        # …or starts once the first is done, and finds nothing left.
        ["0 expired mission(s) closed.\n", "3 expired mission(s) closed.\n"],
    )
    assert Mission.objects.filter(status="expired").count() == 3


@pytest.mark.django_db
def test_my_missions_and_answers_join_the_download_and_go_with_the_account(
    member, other_member
):
    mine = post(member, title="Mission à moi")
    theirs = post(other_member, title="Mission d'un autre")
    services.answer_create(member=member, mission=theirs, message="Je suis partant")
    services.answer_create(member=other_member, mission=mine, message="Moi aussi")
    archive = zipfile.ZipFile(BytesIO(personal_data.export_zip(member)))
    data = json.loads(archive.read("missions.json"))
    assert data["my_missions"][0]["title"] == "Mission à moi"
    assert data["my_missions"][0]["answers"][0]["message"] == "Moi aussi"
    assert data["my_answers"] == [
        {
            "mission": "Mission d'un autre",
            "message": "Je suis partant",
            "created_at": data["my_answers"][0]["created_at"],
        }
    ]
    personal_data.erase(member)
    assert list(Mission.objects.all()) == [theirs]
    assert not Answer.objects.exists()
    theirs.refresh_from_db()
    assert theirs.answer_count == 0
    assert not Notification.objects.filter(
        kind=notices.MATCH, recipient=member
    ).exists()


@pytest.mark.django_db
def test_the_demo_has_forty_missions_over_a_year_half_closed_with_answers():
    from members.demo import vocabulary
    from missions import demo
    from tests.missions.conftest import person

    people = [
        person(*skills, where="Auch") for skills in vocabulary()["professions"].values()
    ]
    demo.seed_missions(people, 32)
    missions = list(Mission.objects.all())
    assert len(missions) == demo.COUNT
    assert len({m.title for m in missions}) == demo.COUNT
    closed = [m for m in missions if m.shown_status != "open"]
    assert len(closed) == demo.COUNT // 2
    ages = [(timezone.now() - m.created_at).days for m in missions]
    assert max(ages) > 200 and min(ages) < 21
    assert Answer.objects.count() > demo.COUNT
    assert all(a.member_id != a.mission.author_id for a in Answer.objects.all())
    demo.seed_missions(people, 32)  # idempotent
    assert Mission.objects.count() == demo.COUNT
