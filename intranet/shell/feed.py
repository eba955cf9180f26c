"""What the activity feeds show. Each app registers the verbs it records
(`register_verb`: the template that shows them) and the models that appear in its
entries (`register_model`: the queryset of what a viewer may see, plus an optional
batch `prepare`); "Mon fil" gathers the interests apps register with
`register_interest`. `activity.feed` reads the feeds from these."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Model, Q, QuerySet


@dataclass(frozen=True)
class Verb:
    code: str
    template: str  # gets `entry`; a grouped entry has several `actions`
    group: bool = False  # similar entries of a day are shown as one
    # Entries of this verb that follow one another about one target (a run of
    # meetups a committee plans, of topics started in a category) are shown as one.
    series: bool = False


@dataclass(frozen=True)
class Source:
    model: type[Model]
    visible: Callable[[Any], QuerySet]  # viewer -> what they may see
    prepare: Callable[[Any, list], None] | None = None
    # `visible` gives one SQL for every viewer but their id (no branch on their
    # rights): the feed builds it once per process (`intranet.prepared`).
    one_shape: bool = False


VERBS: dict[str, Verb] = {}
SOURCES: dict[type[Model], Source] = {}
INTERESTS: list[Callable[[Any], Q]] = []
LOCAL_ONLY: list[Q] = []


def register_verb(verb: Verb) -> None:
    VERBS[verb.code] = verb


def register_model(
    model: type[Model],
    visible: Callable[[Any], QuerySet],
    prepare: Callable[[Any, list], None] | None = None,
    *,
    one_shape: bool = False,
) -> None:
    SOURCES[model] = Source(model, visible, prepare, one_shape)


def register_local_only(entries: Q) -> None:
    """Keep `entries` out of the network-wide feed (they stay in the others)."""
    LOCAL_ONLY.append(entries)


def register_interest(interest: Callable[[Any], Q]) -> None:
    """Add to "Mon fil": `interest(viewer)` is a filter on entries."""
    INTERESTS.append(interest)
