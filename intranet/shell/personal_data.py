"""Personal data (GDPR): every app plugs in what it holds about a member.

`@exporter("name")` adds `name.json` to the member's download; `@eraser` runs when a
member deletes their account, inside one transaction (see `members.personal_data`).
"""

from collections.abc import Callable
from typing import Any

Exporter = Callable[[Any], Any]
Eraser = Callable[[Any], None]

EXPORTERS: dict[str, Exporter] = {}
ERASERS: list[Eraser] = []


def exporter(name: str) -> Callable[[Exporter], Exporter]:
    def register(function: Exporter) -> Exporter:
        EXPORTERS[name] = function
        return function

    return register


def eraser(function: Eraser) -> Eraser:
    ERASERS.append(function)
    return function
