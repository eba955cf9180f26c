"""What views read from a request that no form checks: ids and return addresses."""

from __future__ import annotations

from typing import Any, TypeVar

from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.http import url_has_allowed_host_and_scheme

M = TypeVar("M", bound=Model)


def object_or_404(queryset: QuerySet[M] | type[M], pk: Any, **filters: Any) -> M:
    """`get_object_or_404` for an id sent by the browser: anything but a whole
    number that fits a database id is not found, rather than a server error."""
    if isinstance(pk, str) and pk.isascii() and pk.isdigit() and len(pk) < 19:
        return get_object_or_404(queryset, pk=int(pk), **filters)
    if isinstance(pk, int) and 0 < pk < 2**63:
        return get_object_or_404(queryset, pk=pk, **filters)
    raise Http404


def next_url(request: HttpRequest, default: str) -> str:
    """The `next` address sent with the request when it is a path on this site
    (never another site, never a view name), otherwise `default`."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default
