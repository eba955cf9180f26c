"""Panels of the member's home dashboard. Each app registers its own panels
(upcoming meetups, recent forum topics, the feed…)."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest

MAIN, SIDE = "main", "side"


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
