"""Permissions kept between requests (`members/backends.py`) follow every change
of groups and permissions at once."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

from members.models import User

pytestmark = pytest.mark.django_db


def fresh(user) -> User:
    return User.objects.get(pk=user.pk)  # a new request's user object


def test_group_and_permission_changes_apply_at_once(member, django_assert_num_queries):
    group = Group.objects.create(name="Modération test")
    permission = Permission.objects.get(codename="add_invitation")
    assert not fresh(member).has_perm("members.add_invitation")
    user = fresh(member)
    with django_assert_num_queries(0):
        assert not user.has_perm("members.add_invitation")  # kept: no query

    member.groups.add(group)
    assert not fresh(member).has_perm("members.add_invitation")
    group.permissions.add(permission)
    assert fresh(member).has_perm("members.add_invitation")
    member.groups.remove(group)
    assert not fresh(member).has_perm("members.add_invitation")

    member.user_permissions.add(permission)
    assert fresh(member).has_perm("members.add_invitation")
    permission_group = Group.objects.create(name="Autre")
    member.groups.add(permission_group)
    member.user_permissions.clear()
    assert not fresh(member).has_perm("members.add_invitation")

    group.permissions.add(permission)
    member.groups.add(group)
    assert fresh(member).has_perm("members.add_invitation")
    group.delete()
    assert not fresh(member).has_perm("members.add_invitation")


def test_migrate_forgets_them(member):
    fresh(member).has_perm("members.add_invitation")  # kept
    permission = Permission.objects.get(codename="add_invitation")
    # As a data migration would, without the signals of the relation manager.
    User.user_permissions.through.objects.create(user=member, permission=permission)
    assert not fresh(member).has_perm("members.add_invitation")  # still the kept set
    call_command("migrate", verbosity=0)
    assert fresh(member).has_perm("members.add_invitation")
