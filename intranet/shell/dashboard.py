"""Panels of the member's home dashboard. Each app registers its own panels
(upcoming meetups, recent forum topics, the feed…).

`shared(name, key, compute)` keeps in the site cache what is the same for many
members (the news lists, the next meetups), in a generation of `name` that
`forget(name)` ends (call it where what it shows changes: a page published, an
answer given). Never put a member's private data in it: key it by what decides
its content (a language, a committee), never by what a viewer may see. Each
process also keeps the value it last read, for as long as its generation lasts,
so that a list of pages is not unpickled on every request: treat it as read-only
(copy what you change).
"""

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest

from intranet import cache as versions

MAIN, SIDE = "main", "side"
SHARED_TIMEOUT = 600  # seconds: a safety net, invalidation is what keeps it fresh


@dataclass(frozen=True)
class Panel:
    """`get_context(request)` returns the template's context, or None to hide it."""

    key: str
    template: str
    get_context: Callable[[HttpRequest], dict[str, Any] | None]
    column: str = MAIN
    order: int = 100


PANELS: list[Panel] = []


def register(panel: Panel) -> None:
    PANELS.append(panel)
    PANELS.sort(key=lambda p: (p.column, p.order))


def render_context(request: HttpRequest) -> dict[str, list[dict[str, Any]]]:
    """The visible panels of each column, with their context, in order."""
    columns: dict[str, list[dict[str, Any]]] = {MAIN: [], SIDE: []}
    for panel in PANELS:
        context = panel.get_context(request)
        if context is not None:
            columns[panel.column].append({"template": panel.template, **context})
    return columns


# What is the same for many members


def _generation_key(name: str) -> str:
    return f"shell:dashboard:{name}:generation"


# full key -> (generation, value, when this process read it)
_READ: dict[str, tuple[str, Any, float]] = {}


def shared(name: str, key: str, compute: Callable[[], Any]) -> Any:
    """The cached value of `name` for `key` (a language, a committee…), computed
    once per generation of `name`. The value is kept with the generation it was
    computed in. A request reads the generation; the value comes from this
    process's memory while the generation is the same, else from the cache."""
    generation_key = _generation_key(name)
    full_key = f"shell:dashboard:{name}:value:{key}"
    generation = versions.version(generation_key)
    read = _READ.get(full_key)
    if (
        read is not None
        and read[0] == generation
        and time.monotonic() - read[2] < SHARED_TIMEOUT
    ):
        return read[1]
    kept = cache.get(full_key)
    if kept is not None and kept[0] == generation:
        value = kept[1]
    else:
        value = compute()
        cache.set(full_key, (generation, value), SHARED_TIMEOUT)
    _READ[full_key] = (generation, value, time.monotonic())
    return value


def forget(name: str) -> None:
    """End the generation of `name`: every member gets it computed anew. Again
    after the transaction commits, so that a request that read the old rows in
    the meantime does not keep them for the next generation."""
    cache.delete(_generation_key(name))
    transaction.on_commit(lambda: cache.delete(_generation_key(name)))
