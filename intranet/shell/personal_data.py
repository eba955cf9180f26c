"""Personal data (GDPR): every app plugs in what it holds about a member.

`@exporter("name", covers=[…])` adds `name.json` to the member's download;
`@eraser(covers=[…])` runs when a member deletes their account, inside one
transaction (see `members.personal_data`). `covers` names the models whose rows
about the member the function handles (a model class, or its label for a model the
app may not import, like "actstream.Follow"): a test walks every model that points
at the user and fails unless each is covered by an exporter and an eraser, or is
kept on purpose, with its reason (`members.personal_data.KEPT`).
"""

from collections.abc import Callable, Iterable
from typing import Any

from django.db.models import Model

Exporter = Callable[[Any], Any]
Eraser = Callable[[Any], None]
Covered = type[Model] | str

EXPORTERS: dict[str, Exporter] = {}
ERASERS: list[Eraser] = []
# The account itself: erased after every other eraser, which may still need the
# member's address to find what is theirs.
LAST_ERASERS: list[Eraser] = []
# Model label → names of the exporters / erasers that cover it.
EXPORTED: dict[str, set[str]] = {}
ERASED: dict[str, set[str]] = {}


def label(model: Covered) -> str:
    return model if isinstance(model, str) else model._meta.label


def _claim(claims: dict[str, set[str]], covers: Iterable[Covered], by: str) -> None:
    for model in covers:
        claims.setdefault(label(model), set()).add(by)


def exporter(name: str, *, covers: Iterable[Covered]) -> Callable[[Exporter], Exporter]:
    def register(function: Exporter) -> Exporter:
        EXPORTERS[name] = function
        _claim(EXPORTED, covers, name)
        return function

    return register


def eraser(
    *, covers: Iterable[Covered], last: bool = False
) -> Callable[[Eraser], Eraser]:
    def register(function: Eraser) -> Eraser:
        (LAST_ERASERS if last else ERASERS).append(function)
        _claim(ERASED, covers, f"{function.__module__}.{function.__qualname__}")
        return function

    return register


def masked(secret: str | None) -> str | None:
    """A secret shown in a download: its first characters, enough to recognise it,
    never enough to use it."""
    if not secret:
        return secret
    return f"{secret[:4]}{'•' * 8}"
