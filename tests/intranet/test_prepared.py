"""`intranet.prepared`: SQL built once, run with each member's values, and refused
when its shape depends on them."""

import pytest
from django.core.exceptions import ImproperlyConfigured
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
