"""Kinds of content members may report to the moderators (forum messages keep
their own reports, handled with the committee's référents). An app registers a
model here from its own `entries.py`; `activity` stores the reports, tells the
moderators, and on their decision calls the app's own hiding service. The queue
is wherever `queue_url` says: the forums register their moderation page, where
every moderator already looks."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Model, QuerySet


@dataclass(frozen=True)
class Reportable:
    """`readable(user)` is what `user` may read of the model (only that may be
    reported); `hide(obj, by=…, hidden=…)` is the app's service that hides it and
    checks that `by` may; `title`, `text` and `url` show it in the queue and in the
    notifications (`text` is the member's text, rendered as everywhere else)."""

    model: type[Model]
    noun: str  # lazily translated: "mission", "help entry"…
    readable: Callable[[Any], QuerySet]
    hide: Callable[..., None]
    title: Callable[[Any], str]
    text: Callable[[Any], str]
    url: Callable[[Any], str]
    author: str = "author"  # the name of the foreign key to the author


REPORTABLES: dict[str, Reportable] = {}


def label(model: type[Model]) -> str:
    return model._meta.label_lower


def register(reportable: Reportable) -> None:
    REPORTABLES[label(reportable.model)] = reportable


def of(obj: Model) -> Reportable:
    return REPORTABLES[label(type(obj))]


def of_type(content_type: Any) -> Reportable | None:
    """What was registered for the model of `content_type` (None once gone)."""
    return REPORTABLES.get(f"{content_type.app_label}.{content_type.model}")


_queue: list[Callable[[], str]] = []


def register_queue(url: Callable[[], str]) -> None:
    """The page where moderators handle reports (one for the whole site)."""
    _queue[:] = [url]


def queue_url() -> str:
    return _queue[0]() if _queue else ""
