from collections import Counter

import pytest
from actstream.models import Follow
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from wagtail.images.models import Image

from chat.models import Message
from committees.models import CommitteeAccess, CommitteeMembership, CommitteePage
from home.models import NewsPage, StandardPage
from members.models import Profile, User


def snapshot():
    return (
        sorted(User.objects.values_list("email", "first_name", "last_name")),
        sorted(CommitteePage.objects.values_list("slug", "commune__name")),
        sorted(
            CommitteeMembership.objects.values_list(
                "user__email", "committee__slug", "role", "is_editor"
            )
        ),
        sorted(
            Profile.objects.values_list("user__email", "profession", "commune__name")
        ),
        sorted(NewsPage.objects.values_list("url_path", "title")),
        sorted(Follow.objects.values_list("user__email", "object_id")),
        sorted(CommitteePage.objects.values_list("slug", "fibre", "schools")),
        sorted(Message.objects.values_list("room__name", "author__email", "body")),
    )


def test_seed_builds_the_network_from_real_communes(db):
    from activity import activity
    from forums.models import Topic

    call_command("seed_demo", members=40, committees=6, seed=7)
    # The feed and the forums were written through the services.
    assert activity.actions_of(Topic.objects.first().author).exists()
    committees = CommitteePage.objects.select_related("commune")
    assert committees.count() == 6
    assert {"Auch", "Condom"} <= {c.commune.name for c in committees}
    assert User.objects.filter(email__endswith="sohosolo.example").count() == 40 + 2
    editors = Group.objects.get(name="Équipe réseau").user_set.count()
    assert editors == 2
    for committee in committees:
        roles = Counter(committee.memberships.values_list("role", flat=True))
        assert roles[CommitteeMembership.Role.REFERENT] >= 1
        assert committee.memberships.filter(is_editor=True).count() == 1
    profiles = Profile.objects.exclude(profession="")
    assert profiles.count() == 42
    assert all(p.commune_id for p in profiles)
    assert Profile.objects.filter(skills__isnull=False).distinct().count() == 40
    assert Follow.objects.count() >= 40
    assert Profile.objects.exclude(bio="").count() == 40


def test_seed_writes_the_editorial_content(db):
    call_command("seed_demo", members=12, committees=4, seed=5)
    committees = list(CommitteePage.objects.all())
    assert NewsPage.objects.filter(depth=4).count() == 30  # under the news index
    for committee in committees:
        assert 3 <= NewsPage.objects.child_of(committee).count() <= 10
        assert committee.fibre and committee.schools and committee.sheet_checked_on
        assert CommitteeAccess.objects.filter(committee=committee).exists()
    assert StandardPage.objects.count() == 3
    assert Image.objects.count() == 8
    assert all(n.main_image_alt for n in NewsPage.objects.exclude(main_image=None))
    auch = CommitteeAccess.objects.get(committee__commune__name="Auch")
    assert auch.editors.user_set.count() == 1


# The seed's logic (re-runs, growth, --if-empty, the default size) is the same on
# any database: these run once, on the embedded default that `make run` seeds.
# PostgreSQL runs the two seeds above.
embedded_only = pytest.mark.skipif(
    connection.vendor != "sqlite",
    reason="the seed's logic runs on the embedded default",
)


@embedded_only
def test_seed_is_idempotent_and_deterministic(db):
    call_command("seed_demo", members=30, committees=5, seed=3)
    first = snapshot()
    call_command("seed_demo", members=30, committees=5, seed=3)
    assert snapshot() == first


@embedded_only
def test_seed_grows_when_asked_for_more(db):
    call_command("seed_demo", members=20, committees=4, seed=3)
    emails = set(User.objects.values_list("email", flat=True))
    call_command("seed_demo", members=30, committees=5, seed=3)
    assert emails < set(User.objects.values_list("email", flat=True))
    assert CommitteePage.objects.count() == 5


@embedded_only
def test_seed_if_empty_does_nothing_on_an_existing_network(db):
    call_command("seed_demo", members=10, committees=2, seed=3)
    users = User.objects.count()
    call_command("seed_demo", "--if-empty", members=50, committees=9)
    assert User.objects.count() == users


@embedded_only
def test_seed_default_size(db):
    from activity.models import Comment, FeedPost
    from forums.models import Post, Report, Topic

    call_command("seed_demo")
    assert CommitteePage.objects.count() == 50
    # The members, and the voices of the newcomer families in their conversations.
    assert User.objects.filter(installation_project__isnull=True).count() == 282
    assert CommitteeMembership.objects.filter(role="referent").count() >= 50
    assert FeedPost.objects.count() == 160 and Comment.objects.count() > 150
    assert 250 <= Topic.objects.count() <= 300 and Post.objects.count() > 2_000
    assert Report.objects.filter(status="open").count() == 3
    _check_the_chat()
    _check_the_newcomers()


def _check_the_newcomers():
    from welcome import stats
    from welcome.models import InstallationProject

    figures = stats.figures()
    # « About a hundred families settled; two left again. »
    assert 115 <= InstallationProject.objects.count() <= 125
    assert 95 <= figures.total.installed <= 105
    assert figures.total.departed == 2
    assert figures.total.abandoned >= 5
    assert len(figures.years) >= 3
    projects = InstallationProject.objects.all()
    assert not projects.filter(conversation__isnull=True).exists()
    assert not projects.filter(committee__isnull=False, checklist__isnull=True).exists()
    assert projects.filter(stage__in=["received", "qualified", "routed", "visit"])
    claire = User.objects.get(email__startswith="claire.dubosc")
    assert claire.has_perm("welcome.manage_projects")


def _check_the_chat():
    from django.db.models import Count, Max, Min

    from chat.models import Message, ReadMarker, Room

    assert 18_000 <= Message.objects.count() <= 22_000
    rooms = Room.objects.annotate(n=Count("messages"))
    assert all(room.n for room in rooms.filter(kind__in=["network", "committee"]))
    assert rooms.filter(kind="committee").count() == 50
    direct = rooms.filter(kind="direct", n__gt=0)
    assert direct.count() > 150
    assert direct.annotate(people=Count("participants")).filter(people__gt=2).exists()
    # In each room, ids grow with time, as the reconnection catch-up expects.
    dates = {}
    for room_id, created_at in Message.objects.order_by("id").values_list(
        "room_id", "created_at"
    ):
        dates.setdefault(room_id, []).append(created_at)
    assert all(found == sorted(found) for found in dates.values())
    span = Message.objects.aggregate(first=Min("created_at"), last=Max("created_at"))
    assert (span["last"] - span["first"]).days > 100
    claire = User.objects.get(email__startswith="claire.dubosc")
    assert Room.objects.filter(participants__user=claire).exists()
    assert ReadMarker.objects.filter(user=claire).exists()


@pytest.mark.parametrize("args", [{"committees": 0}, {"members": 3, "committees": 5}])
def test_seed_refuses_nonsense(db, args):
    with pytest.raises(SystemExit):
        call_command("seed_demo", **args)
    assert not CommitteePage.objects.exists()
