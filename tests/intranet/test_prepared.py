"""`intranet.prepared`: SQL built once, run with each member's values, and refused
when its shape depends on them."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.db.models import Count

from intranet.prepared import Prepared
from members.models import User
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


def test_on_postgresql_the_statement_is_planned_once_per_connection():
    if connection.vendor != "postgresql":
        pytest.skip("prepared statements: PostgreSQL")
    ann = UserFactory(first_name="Ann")
    names = Prepared(
        lambda member: User.objects.filter(pk=member).values_list("first_name"),
        member=int,
    )
    for _ in range(3):
        assert names.rows(member=ann.pk) == [("Ann",)]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT generic_plans, custom_plans FROM pg_prepared_statements "
            "WHERE statement LIKE %s",
            ['%"members_user"."first_name"%FROM "members_user" WHERE%'],
        )
        plans = cursor.fetchall()
    # One statement, planned once for any member, whatever ran before it.
    assert len(plans) == 1
    generic, custom = plans[0]
    assert custom == 0 and generic >= 1
