"""The counters every page's header shows (unread notifications, unread chat
messages, families followed…, and the member's own photo). Each app registers a
counter as an SQL expression on the member's row; `counts` reads them all in one
query, once per request."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Expression, F, Func, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpRequest


@dataclass(frozen=True)
class Counter:
    key: str
    expression: Callable[[Any], Expression | Subquery]  # the member -> a value
    default: int | bool | str = 0


COUNTERS: dict[str, Counter] = {}


def register(counter: Counter) -> None:
    COUNTERS[counter.key] = counter


def count_of(queryset: QuerySet) -> Expression:
    """`COUNT(*)` of `queryset` as a subquery (0 when it is empty)."""
    counted = queryset.order_by().annotate(n=Func(F("pk"), function="COUNT"))
    return Coalesce(Subquery(counted.values("n")), 0)


def counts(request: HttpRequest) -> dict[str, Any]:
    """Every registered counter of the request's member, in one query."""
    cached = getattr(request, "_header_counts", None)
    if cached is not None:
        return cached
    defaults = {key: counter.default for key, counter in COUNTERS.items()}
    user = request.user
    row = None
    if user.is_authenticated and COUNTERS:
        row = (
            get_user_model()
            .objects.filter(pk=user.pk)
            .annotate(
                **{
                    f"header_{key}": counter.expression(user)
                    for key, counter in COUNTERS.items()
                }
            )
            .values(*(f"header_{key}" for key in COUNTERS))
            .first()
        )
    values = {
        key: row[f"header_{key}"] if row else default
        for key, default in defaults.items()
    }
    request._header_counts = values  # type: ignore[attr-defined]  # a per-request cache: HttpRequest takes any attribute, its stubs declare none
    return values
