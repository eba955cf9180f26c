"""Reactions across apps: an app publishes what happened, apps above it react.

The rule (see docs/architecture.md): a service calls a service of an app *below*
it directly. When an app *above* must react to something that happened below
(an invitation accepted, a chat message posted, a membership changed), the app
below defines a small frozen dataclass for the event and publishes it; the app
above subscribes a handler from its own modules. Django signals stay for events
we do not own (Wagtail's publication, allauth's password change, login and
logout).

Handlers run at once, in the publisher's transaction: what they write commits or
rolls back with it. A handler that talks to the outside (a socket, an e-mail)
schedules that with `transaction.on_commit`.
"""

from collections import defaultdict
from collections.abc import Callable
from typing import Any, TypeVar

E = TypeVar("E")

_HANDLERS: defaultdict[type, list[Callable[[Any], None]]] = defaultdict(list)


def subscribe(event_type: type[E], handler: Callable[[E], None]) -> None:
    """Call `handler(event)` each time an event of `event_type` is published."""
    if handler not in _HANDLERS[event_type]:
        _HANDLERS[event_type].append(handler)


def publish(event: object) -> None:
    """Run every handler of the event's type, in the order they subscribed."""
    for handler in list(_HANDLERS[type(event)]):
        handler(event)
