"""Querysets whose SQL is built once per process, then run with new values.

Django builds, resolves and compiles a queryset's SQL on every request. For a query
that every page makes with the same shape (the header's counters: one row of
subqueries on the member's id) that work is most of its cost, and it gives the same
SQL each time but for the member's id. A `Prepared` query is built at first use
with two sets of stand-in values; when the two SQL texts are the same and their
parameters differ only where a stand-in went, that SQL is kept and later runs
substitute the real values. A query whose shape depends on the values (a list of
ids, a date computed from another) does not pass the check and is refused loudly,
so a wrong reuse cannot happen silently.
"""

import threading
from collections.abc import Callable, Sequence
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db import connections
from django.db.models import QuerySet

# Two stand-ins per kind of value: unlikely to be a real parameter of the query.
_STAND_INS: dict[type, tuple[Any, Any]] = {
    int: (-1_987_654_321, -1_987_654_323),
    str: ("\x00prepared-a\x00", "\x00prepared-b\x00"),
}


class Prepared:
    """`build(**values)` -> a queryset, whose SQL is kept per database and thread."""

    def __init__(
        self, build: Callable[..., QuerySet], *, using: str = "default", **kinds: type
    ) -> None:
        self._build = build
        self._using = using
        self._kinds = kinds  # value name -> its type (int or str)
        self._local = threading.local()

    def reset(self) -> None:
        """Forget the SQL (what `build` reads has changed: a new counter, say)."""
        self._local = threading.local()

    def rows(self, **values: Any) -> list[tuple]:
        """The rows of the query for these values, through the fields' converters."""
        compiled = getattr(self._local, "compiled", None)
        if compiled is None:
            compiled = self._local.compiled = self._compile()
        sql, params, slots, compiler = compiled
        params = list(params)
        for index, name in slots:
            params[index] = values[name]
        with connections[self._using].cursor() as cursor:
            cursor.execute(sql, params)
            fetched = cursor.fetchall()
        return [tuple(row) for row in compiler.results_iter(results=[fetched])]

    def _compile(self) -> tuple[str, Sequence[Any], list[tuple[int, str]], Any]:
        first = {name: _STAND_INS[kind][0] for name, kind in self._kinds.items()}
        second = {name: _STAND_INS[kind][1] for name, kind in self._kinds.items()}
        compiler = self._build(**first).query.get_compiler(using=self._using)
        sql, params = compiler.as_sql()
        other_sql, other_params = (
            self._build(**second).query.get_compiler(using=self._using).as_sql()
        )
        if sql != other_sql or len(params) != len(other_params):
            raise ImproperlyConfigured(
                f"{self._build!r}: the SQL depends on the values"
            )
        slots = []
        by_value = {value: name for name, value in first.items()}
        for index, (one, two) in enumerate(zip(params, other_params, strict=True)):
            if one == two:
                continue
            name = by_value.get(one)
            if name is None or second[name] != two:
                raise ImproperlyConfigured(
                    f"{self._build!r}: parameter {index} depends on the values"
                )
            slots.append((index, name))
        return sql, params, slots, compiler
