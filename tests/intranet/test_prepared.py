"""`intranet.prepared`: SQL built once, run with each member's values, and refused
when its shape depends on them."""

from datetime import datetime, timedelta

import pytest
from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.db.models import Count
from django.db.models.functions import Length
from django.db.models.signals import post_migrate
from django.utils import timezone

from intranet.prepared import Prepared
from members.models import Profile, User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_runs_the_kept_sql_with_each_value(django_assert_num_queries):
    ann, bob = UserFactory(first_name="Ann"), UserFactory(first_name="Bob")
    names = Prepared(
        lambda member, name: (
            User.objects.filter(pk=member, first_name=name)
            .annotate(n=Count("pk"))
            .values_list("first_name", "n")
        ),
        member=int,
        name=str,
    )
    with django_assert_num_queries(1):
        assert names.rows(member=ann.pk, name="Ann") == [("Ann", 1)]
    assert names.rows(member=bob.pk, name="Bob") == [("Bob", 1)]
    assert names.rows(member=bob.pk, name="Ann") == []


def test_a_shape_that_depends_on_the_value_is_refused():
    ann = UserFactory()
    by_list = Prepared(
        lambda member: User.objects.filter(pk__in=range(member % 3 + 1)), member=int
    )
    with pytest.raises(ImproperlyConfigured, match="depends on the values"):
        by_list.rows(member=ann.pk)
    derived = Prepared(lambda member: User.objects.filter(pk=member + 1), member=int)
    with pytest.raises(ImproperlyConfigured, match="depends on the values"):
        derived.rows(member=ann.pk)


def test_on_postgresql_a_query_run_again_is_a_prepared_statement():
    """Values sent apart from the SQL (the settings), so each query of a shape is
    one statement, prepared from its second run on a connection."""
    if connection.vendor != "postgresql":
        pytest.skip("prepared statements: PostgreSQL")
    ann = UserFactory(first_name="Ann")
    bob = UserFactory(first_name="Bob")
    for member in (ann, bob, ann, bob):
        first_name = User.objects.filter(pk=member.pk).values_list("first_name")
        assert list(first_name) == [(member.first_name,)]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT statement, custom_plans + generic_plans FROM "
            "pg_prepared_statements WHERE statement LIKE %s",
            ['%"members_user"."first_name"%FROM "members_user" WHERE%'],
        )
        prepared = cursor.fetchall()
    # One statement for both members, its values apart, planned at each run after
    # the first (PostgreSQL keeps a generic plan after five when no worse).
    assert len(prepared) == 1
    statement, plans = prepared[0]
    assert "$1" in statement and str(ann.pk) not in statement
    assert plans == 3


def test_objects_come_with_their_relations_annotations_and_prefetches(
    django_assert_num_queries,
):
    ann, bob, cid = (UserFactory(first_name=name) for name in ("Ann", "Bob", "Cid"))
    among = Prepared(
        lambda names, since: (
            User.objects.filter(first_name__any=names, date_joined__gte=since)
            .select_related("profile")
            .prefetch_related("committee_memberships")
            .annotate(name_length=Length("first_name"))
            .order_by("first_name")
        ),
        names=list,
        since=datetime,
    )
    long_ago = timezone.now() - timedelta(days=1)
    with django_assert_num_queries(2):  # the users with their profile, then prefetch
        found = among.objects(names=["Cid", "Ann"], since=long_ago)
    assert found == [ann, cid]
    assert found[0].profile == ann.profile
    assert found[0].name_length == 3
    assert list(found[1].committee_memberships.all()) == []
    assert among.objects(names=["Bob"], since=long_ago) == [bob]
    assert among.objects(names=[], since=long_ago) == []
    assert among.objects(names=["Bob"], since=timezone.now() + timedelta(days=1)) == []


def test_values_of_the_same_kind_keep_their_own_places():
    ann, bob = UserFactory(first_name="Ann"), UserFactory(first_name="Bob")
    either = Prepared(
        lambda one, two: User.objects.filter(pk=one) | User.objects.filter(pk=two),
        one=int,
        two=int,
    )
    assert set(either.objects(one=ann.pk, two=bob.pk)) == {ann, bob}
    assert either.objects(one=ann.pk, two=ann.pk) == [ann]


def test_a_list_written_in_is_refused_but_any_is_kept_on_postgresql():
    ann = UserFactory()
    written_in = Prepared(lambda ids: User.objects.filter(pk__in=ids), ids=list)
    if connection.vendor == "postgresql":
        with pytest.raises(ImproperlyConfigured, match="depends on the values"):
            written_in.objects(ids=[ann.pk])
    else:  # no arrays: a query with a list is built again each time
        assert written_in.objects(ids=[ann.pk]) == [ann]
    assert Prepared(lambda ids: User.objects.filter(pk__any=ids), ids=list).objects(
        ids=[ann.pk, 0]
    ) == [ann]


def test_a_moment_is_held_as_the_database_takes_it():
    """On SQLite a moment is a text in UTC: the kept SQL gets it so, whatever the
    zone of the value given (here Paris time)."""
    ann = UserFactory()
    joined_by = Prepared(
        lambda moment: User.objects.filter(date_joined__lte=moment), moment=datetime
    )
    joined = timezone.localtime(ann.date_joined)
    assert joined_by.objects(moment=joined) == [ann]
    assert joined_by.objects(moment=joined - timedelta(microseconds=1)) == []


def test_an_id_held_as_text_gets_each_value_as_text():
    """actstream keeps object ids as text: the kept SQL gets the id written so."""
    ann, bob = UserFactory(first_name="Ann"), UserFactory(first_name="Bob")
    named = Prepared(
        lambda member: User.objects.filter(last_name=str(member)), member=int
    )
    User.objects.filter(pk=ann.pk).update(last_name=str(bob.pk))
    assert named.objects(member=bob.pk) == [ann]
    assert named.objects(member=ann.pk) == []


def test_the_kept_sql_is_forgotten_when_the_database_is_migrated_or_flushed():
    """It may hold ids read while it was built (a content type's), which a new
    database gives other values."""
    ann = UserFactory()
    builds = []

    def build(member):
        builds.append(member)
        return User.objects.filter(pk=member)

    kept = Prepared(build, member=int)
    assert kept.objects(member=ann.pk) == [ann]
    assert kept.objects(member=ann.pk) == [ann]
    assert len(builds) == 2  # the two stand-ins, once
    post_migrate.send(
        sender=None,
        app_config=apps.get_app_config("intranet"),  # no models: others do nothing
        verbosity=0,
        interactive=False,
        using="default",
        apps=apps,
        plan=[],
    )
    assert kept.objects(member=ann.pk) == [ann]
    assert len(builds) == 4


@pytest.mark.parametrize("lookup", ["lt", "gt", "lte", "gte", "exact"])
def test_a_comparison_on_a_small_positive_column_is_kept(lookup):
    """Out of a column's range, Django drops a comparison (`year > -5` is always
    true) or the query: the stand-ins stay within every integer column's range."""
    ann = UserFactory()
    Profile.objects.filter(user=ann).update(arrival_year=2020)
    since = Prepared(
        lambda year: Profile.objects.filter(**{f"arrival_year__{lookup}": year}),
        year=int,
    )
    expected = {"lt": 2021, "gt": 2019, "lte": 2020, "gte": 2020, "exact": 2020}
    assert since.objects(year=expected[lookup]) == [ann.profile]
    wrong = {"lt": 2020, "gt": 2020, "lte": 2019, "gte": 2021, "exact": 2019}
    assert since.objects(year=wrong[lookup]) == []


def test_a_text_looked_for_inside_a_column_is_escaped_as_django_does():
    ann = UserFactory(first_name="100% Ann_e")
    UserFactory(first_name="1000 Annie")
    inside = Prepared(
        lambda part: User.objects.filter(first_name__contains=part), part=str
    )
    assert inside.objects(part="0% Ann_") == [ann]
    assert inside.objects(part="Ann") != []
    assert inside.objects(part="nobody") == []
