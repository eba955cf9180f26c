"""Permissions read in one query.

Django's `ModelBackend` reads a member's permissions in two queries (their own,
then their groups'), on every page: the header asks whether the member may open
the Wagtail admin, the feed whether they moderate. This backend, listed first,
reads both in one and keeps them where `ModelBackend` looks (`_perm_cache` on the
user object, for the request), so the backends after it ask nothing more. It
checks no password (logins stay with the backends after it), but gives back the
member of a session that names it (Django's `force_login` takes the first backend).
"""

from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Permission
from django.db.models import Q


class PermissionsInOneQuery(ModelBackend):
    def authenticate(self, request: Any, **credentials: Any) -> None:
        return None

    def get_all_permissions(self, user_obj: Any, obj: Any = None) -> set[str]:
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            permissions = Permission.objects.all()
            if not user_obj.is_superuser:
                permissions = permissions.filter(
                    Q(user=user_obj) | Q(group__user=user_obj)
                )
            user_obj._perm_cache = {
                f"{app_label}.{codename}"
                for app_label, codename in permissions.values_list(
                    "content_type__app_label", "codename"
                ).distinct()
            }
        return user_obj._perm_cache
