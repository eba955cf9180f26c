"""Permissions read in one query, and most often in none.

Django's `ModelBackend` reads a member's permissions in two queries (their own,
then their groups'), on every page: the header asks whether the member may open
the Wagtail admin, the feed whether they moderate. This backend, listed first,
reads both in one and keeps them where `ModelBackend` looks (`_perm_cache` on the
user object, for the request), so the backends after it ask nothing more. It
checks no password (logins stay with the backends after it), but gives back the
member of a session that names it (Django's `force_login` takes the first backend).

Between requests the set is kept in the cache beside a version that any change of
groups, of their permissions or of a member's own (`m2m_changed`), a deleted group
or permission, and every `migrate` replace: the member's set and the version come
back in one round trip, and a set made under another version is read again.
"""

from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_migrate

from intranet import cache as versions

VERSION_KEY = "members:permissions-version"
TIMEOUT = 3600


def _key(user: Any) -> str:
    return f"members:permissions:{user.pk}:{int(user.is_superuser)}"


class PermissionsInOneQuery(ModelBackend):
    def authenticate(self, request: Any, **credentials: Any) -> None:
        return None

    def get_all_permissions(self, user_obj: Any, obj: Any = None) -> set[str]:
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            user_obj._perm_cache = _cached_or_read(user_obj)
        return user_obj._perm_cache


def _cached_or_read(user: Any) -> set[str]:
    key = _key(user)
    found = cache.get_many([VERSION_KEY, key])
    version = found.get(VERSION_KEY)
    if version is not None and key in found and found[key][0] == version:
        return found[key][1]
    permissions = Permission.objects.all()
    if not user.is_superuser:
        permissions = permissions.filter(Q(user=user) | Q(group__user=user))
    names = {
        f"{app_label}.{codename}"
        for app_label, codename in permissions.values_list(
            "content_type__app_label", "codename"
        ).distinct()
    }
    version = versions.version(VERSION_KEY, version)
    cache.set(key, (version, names), TIMEOUT)
    return names


def forget(**kwargs: Any) -> None:
    """Every member's kept permissions (groups or permissions changed)."""
    versions.new_version(VERSION_KEY)


def connect() -> None:
    """Forget on every change that can give or take a permission (apps.ready)."""
    from members.models import User

    for through in (
        Group.permissions.through,
        User.groups.through,
        User.user_permissions.through,
    ):
        m2m_changed.connect(forget, sender=through, dispatch_uid=f"perms.{through}")
    for model in (Group, Permission):
        post_delete.connect(forget, sender=model, dispatch_uid=f"perms.del.{model}")
    post_migrate.connect(forget, dispatch_uid="perms.migrate")
