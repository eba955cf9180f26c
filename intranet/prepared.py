"""Querysets whose SQL is built once per process, then run with new values.

Django builds, resolves and compiles a queryset's SQL on every request. For a query
that every page makes with the same shape (the header's counters: one row of
subqueries on the member's id; the feed's posts a member may read, among some ids)
that work is most of its cost, and it gives the same SQL each time but for the
values. A `Prepared` query is built at first use with two sets of stand-in values;
when the two SQL texts are the same and their parameters differ only where a
stand-in went, that SQL is kept and later runs substitute the real values. A query
whose shape depends on the values (a date computed from another, a list written
`IN (…)`) does not pass the check and is refused loudly, so a wrong reuse cannot
happen silently. What the builder reads besides its values (the active language, a
viewer's rights) must not change its SQL: the callers' tests check it.

A list of values is one parameter with the `any` lookup (`id = ANY(%s)`) on
PostgreSQL; elsewhere the lookup writes `IN (…)`, and a query with a list is built
again on every run. A value may also be held as text (an id in actstream's text
columns) or inside a `LIKE` pattern (`contains`), escaped at each run.

Kept SQL may hold ids read while it was built (a content type's): every kept query
is forgotten after `migrate` or `flush` (tests), which may give them new values.
"""

import copy
import threading
import weakref
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Field, ForeignObject, Lookup, QuerySet
from django.db.models.signals import post_migrate


def _stand_ins(kind: type, index: int) -> tuple[Any, Any]:
    """Two stand-ins for the `index`-th value, of `kind`, different from every
    other value's (a constant of the query that happens to equal one is the same
    in both builds, so it is never taken for a value). Numbers within the range
    of every integer column, even a small positive one: out of it, Django drops
    a comparison or the whole query (`seq > -5` is always true), and the SQL
    would silently lose it."""
    number = 20_001 + 4 * index
    if kind is int:
        return number, number + 2
    if kind is str:
        return f"\x00prepared-{index}-a\x00", f"\x00prepared-{index}-b\x00"
    if kind is datetime:
        moment = datetime(1901, 2, 3, 4, 5, 6, 7, tzinfo=UTC) + timedelta(days=index)
        return moment, moment + timedelta(hours=1)
    if kind is list:
        # Two lengths: a list written `IN (…)` gives two SQL texts, and is refused.
        return [number], [number + 2, number + 3]
    raise ImproperlyConfigured(
        f"Prepared queries take int, str, datetime or list: {kind}"
    )


def _held(stand_in: Any, param: Any) -> Callable[[Any, Any], Any] | None:
    """How the query holds a value where it holds `stand_in` as `param`: as it is,
    as text (a list of numbers for a text column; an id in actstream's text
    columns), or as a text looked for inside a column (`contains`: `%text%`, its
    `%` and `_` escaped); None when `param` is not `stand_in`."""
    if isinstance(stand_in, list) and isinstance(param, list):
        if [str(one) for one in stand_in] == [str(one) for one in param]:
            return _as_is
    elif stand_in == param:
        return _as_is
    elif isinstance(stand_in, int) and param == str(stand_in):
        return _as_text
    elif isinstance(stand_in, str) and param == f"%{stand_in}%":
        return _inside
    return None


def _as_is(value: Any, connection: BaseDatabaseWrapper) -> Any:
    return value


def _as_text(value: Any, connection: BaseDatabaseWrapper) -> str:
    return str(value)


def _inside(value: str, connection: BaseDatabaseWrapper) -> str:
    return f"%{connection.ops.prep_for_like_query(value)}%"


class AnyOf(Lookup):
    """`field__any=[…]`: one array parameter on PostgreSQL (`= ANY(%s)`), so that
    the SQL is the same however many values there are; `IN (…)` elsewhere."""

    lookup_name = "any"
    prepare_rhs = False

    def get_db_prep_lookup(self, value: Any, connection: BaseDatabaseWrapper) -> Any:
        prep = self.lhs.output_field.get_db_prep_value
        return "%s", [[prep(one, connection, prepared=False) for one in value]]

    def as_sql(
        self, compiler: Any, connection: BaseDatabaseWrapper
    ) -> tuple[str, tuple[Any, ...]]:
        lhs, lhs_params = self.process_lhs(compiler, connection)
        _rhs, rhs_params = self.process_rhs(compiler, connection)
        values: Any = rhs_params[0]  # the list, as one parameter
        if connection.vendor == "postgresql":
            return f"{lhs} = ANY(%s)", (*lhs_params, values)
        if not values:
            return "1 = 0", tuple(lhs_params)
        marks = ", ".join(["%s"] * len(values))
        return f"{lhs} IN ({marks})", (*lhs_params, *values)


# Related fields (a Wagtail page's `pk`, its `page_ptr`) keep lookups of their own.
Field.register_lookup(AnyOf)
ForeignObject.register_lookup(AnyOf)


class Prepared:
    """`build(**values)` -> a queryset, whose SQL is kept per database and thread."""

    def __init__(
        self, build: Callable[..., QuerySet], *, using: str = "default", **kinds: type
    ) -> None:
        self._build = build
        self._using = using
        self._kinds = kinds  # value name -> int, str, datetime or list
        self._local = threading.local()
        _EVERY.add(self)

    def reset(self) -> None:
        """Forget the SQL (what `build` reads has changed: a new counter, say)."""
        self._local = threading.local()

    def rows(self, **values: Any) -> list[tuple]:
        """The rows of the query for these values, through the fields' converters."""
        sql, params, compiler = self._sql(values)
        with connections[self._using].cursor() as cursor:
            cursor.execute(sql, params)
            fetched = cursor.fetchall()
        return [tuple(row) for row in compiler.results_iter(results=[fetched])]

    def objects(self, **values: Any) -> list:
        """What the queryset gives for these values (model instances with their
        `select_related` and annotations, then its `prefetch_related`), from the
        kept SQL."""
        if list in self._kinds.values() and not self._arrays():
            return list(self._build(**values))
        sql, params, compiler = self._sql(values)
        fixed = copy.copy(compiler)
        fixed.connection = connections[self._using]
        fixed.as_sql = lambda *args, **kwargs: (sql, params)
        queryset = self._local.queryset._chain()
        queryset.query.get_compiler = lambda *args, **kwargs: fixed
        return list(queryset)

    def sql(self, **values: Any) -> tuple[str, list[Any]]:
        """The kept SQL and its parameters for these values, to be written inside
        a query of one's own."""
        sql, params, _compiler = self._sql(values)
        return sql, params

    def _arrays(self) -> bool:
        return connections[self._using].vendor == "postgresql"

    def _sql(self, values: dict[str, Any]) -> tuple[str, list[Any], Any]:
        compiled = getattr(self._local, "compiled", None)
        if compiled is None:
            compiled = self._local.compiled = self._compile()
        sql, params, slots, compiler = compiled
        params = list(params)
        connection = connections[self._using]
        for index, name, held_as in slots:
            params[index] = held_as(self._as_param(name, values[name]), connection)
        return sql, params, compiler

    def _as_param(self, name: str, value: Any) -> Any:
        """`value` as the query's parameters hold it: a moment as the database
        takes it (a text in UTC on SQLite), as a `DateTimeField` would give it."""
        if self._kinds[name] is datetime:
            return connections[self._using].ops.adapt_datetimefield_value(value)
        return value

    def _compile(self) -> tuple[str, Sequence[Any], list[tuple[int, str, Any]], Any]:
        stand_ins = {
            name: _stand_ins(kind, index)
            for index, (name, kind) in enumerate(self._kinds.items())
        }
        first = {name: pair[0] for name, pair in stand_ins.items()}
        second = {name: pair[1] for name, pair in stand_ins.items()}
        held = {name: self._as_param(name, value) for name, value in first.items()}
        other = {name: self._as_param(name, value) for name, value in second.items()}
        queryset = self._build(**first)
        compiler = queryset.query.get_compiler(using=self._using)
        sql, params = compiler.as_sql()
        other_sql, other_params = (
            self._build(**second).query.get_compiler(using=self._using).as_sql()
        )
        if sql != other_sql or len(params) != len(other_params):
            raise ImproperlyConfigured(
                f"{self._build!r}: the SQL depends on the values"
            )
        slots = []
        for index, (one, two) in enumerate(zip(params, other_params, strict=True)):
            if one == two:
                continue
            found = [
                (name, held_as)
                for name in first
                if (held_as := _held(held[name], one)) is not None
                and _held(other[name], two) is held_as
            ]
            if len(found) != 1:
                raise ImproperlyConfigured(
                    f"{self._build!r}: parameter {index} depends on the values"
                )
            slots.append((index, *found[0]))
        # The fields' converters are the same at every run: looked up once (a
        # tenth of a kept query's cost otherwise).
        selected = [column for column, *_ in compiler.select[: compiler.col_count]]
        converters = compiler.get_converters(selected)
        compiler.get_converters = lambda expressions: converters
        self._local.queryset = queryset
        return sql, params, slots, compiler


_EVERY: "weakref.WeakSet[Prepared]" = weakref.WeakSet()


def forget_every(**kwargs: Any) -> None:
    """After `migrate` or `flush` (between tests): the ids a kept SQL holds as
    constants (content types, groups) may have changed."""
    for prepared in _EVERY:
        prepared.reset()


post_migrate.connect(forget_every, dispatch_uid="intranet.prepared.forget_every")
