"""The counters every page's header shows (unread notifications, unread chat
messages, families followed…, and the member's own photo). Each app registers a
counter as an SQL expression on the member's row; `counts` reads them all in one
query, once per request, whose SQL is built once per process (`intranet.prepared`):
building it was a third of a light page's CPU."""

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Expression, F, Func, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpRequest

from intranet.prepared import Prepared


@dataclass(frozen=True)
class Counter:
    key: str
    expression: Callable[
        [Any], Expression | Subquery
    ]  # of the member's id, is_superuser
    default: int | bool | str = 0


COUNTERS: dict[str, Counter] = {}


def register(counter: Counter) -> None:
    COUNTERS[counter.key] = counter
    for prepared in _ROWS.values():
        prepared.reset()


def count_of(queryset: QuerySet) -> Expression:
    """`COUNT(*)` of `queryset` as a subquery (0 when it is empty)."""
    counted = queryset.order_by().annotate(n=Func(F("pk"), function="COUNT"))
    return Coalesce(Subquery(counted.values("n")), 0)


def _row(member: int, *, superuser: bool) -> QuerySet:
    """The member's row with every counter, built with a stand-in member: a
    counter may depend on the member's id and on whether they are a superuser
    (two shapes), on nothing else of theirs."""
    User = get_user_model()
    stand_in = User(pk=member, is_active=True, is_superuser=superuser)
    return (
        User.objects.filter(pk=member)
        .annotate(
            **{
                f"header_{key}": counter.expression(stand_in)
                for key, counter in COUNTERS.items()
            }
        )
        .values_list(*(f"header_{key}" for key in COUNTERS))
    )


_ROWS = {
    superuser: Prepared(partial(_row, superuser=superuser), member=int)
    for superuser in (False, True)
}


def counts(request: HttpRequest) -> dict[str, Any]:
    """Every registered counter of the request's member, in one query."""
    cached = getattr(request, "_header_counts", None)
    if cached is not None:
        return cached
    defaults = {key: counter.default for key, counter in COUNTERS.items()}
    user = request.user
    values = defaults
    if user.is_authenticated and COUNTERS:
        rows = _ROWS[user.is_superuser].rows(member=user.pk)
        if rows:
            values = {
                key: type(default)(value)
                for (key, default), value in zip(defaults.items(), rows[0], strict=True)
            }
    request._header_counts = values  # type: ignore[attr-defined]  # a per-request cache: HttpRequest takes any attribute, its stubs declare none
    return values
