"""Reading feeds: what each member may see, grouped, a page at a time.

Apps register their verbs, models and interests in `intranet.shell.feed`. An entry
is shown only when its actor, action object and target are all registered and
visible to the viewer, so a deleted or restricted object hides its entries, and an
unregistered model never shows. A feed is a `Selection` of entries, a filter on
one id whose query is built once per process; "Mon fil" gathers the registered
interests.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import partial

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db.models import Model, Q
from django.utils import timezone

from activity import activity
from intranet.prepared import Prepared
from intranet.shell.feed import INTERESTS, LOCAL_ONLY, SOURCES, VERBS, Source, Verb

PAGE_SIZE = 20
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
MAX_ROUNDS = 4  # batches read to fill a page before giving up on hidden entries


@dataclass
class Entry:
    verb: Verb
    actions: list = field(default_factory=list)

    @property
    def action(self):
        return self.actions[0]

    @property
    def count(self) -> int:
        return len(self.actions)

    @property
    def actors(self) -> list:
        seen = {}
        for action in self.actions:
            actor = action.feed_objects["actor"]
            seen.setdefault(actor.pk, actor)
        return list(seen.values())

    @property
    def timestamp(self) -> datetime:
        return self.action.timestamp


@dataclass
class Page:
    entries: list[Entry]
    cursor: str = ""  # where the next page starts, empty at the end


# The feeds


@dataclass(frozen=True)
class Selection:
    """The entries of one feed: `where(subject)`, a filter on one id (the reader's,
    a member's, a committee's) whose SQL is the same for every id, so that the
    feed's query is built once per process (`activity.entries`). `key` names the
    filter: two selections of one key must build the same SQL."""

    key: str
    where: Callable[[int], Q]
    subject: int = 0


def network_feed(viewer) -> Selection:
    return Selection("network", _network)


def member_feed(member) -> Selection:
    return Selection("member", _member, member.pk)


def committee_feed(committee, *, with_news: bool = True) -> Selection:
    """What happens in a committee, its published news included; the committee's
    page, which lists its news beside its feed, leaves them out (`with_news`)."""
    model = type(committee)
    verbs = [verb for verb in VERBS if with_news or verb != activity.PUBLISHED]
    return Selection(
        f"{model._meta.label}:{'with' if with_news else 'without'}-news",
        partial(_about, model, verbs),
        committee.pk,
    )


def my_feed(viewer) -> Selection:
    return Selection("mine", _mine, viewer.pk)


def _network(_subject: int) -> Q:
    where = Q(verb__in=list(VERBS))
    for local in LOCAL_ONLY:
        where &= ~local
    return where


def _member(member: int) -> Q:
    return Q(verb__in=list(VERBS)) & activity.by_actor(get_user_model(), [str(member)])


def _about(model: type[Model], verbs: list[str], target: int) -> Q:
    return Q(verb__in=verbs) & activity.by_target(model, [str(target)])


def _mine(viewer: int) -> Q:
    reader = get_user_model()(pk=viewer)
    interests = Q()
    for interest in INTERESTS:
        interests |= interest(reader)
    return Q(verb__in=list(VERBS)) & interests


# Cursors: "<microseconds since the epoch>-<entry id>" of the last entry read


def _cursor(moment: datetime, pk: int) -> str:
    return f"{(moment - EPOCH) // timedelta(microseconds=1)}-{pk}"


def parse_cursor(text: str | None) -> tuple[datetime, int] | None:
    """The position a cursor names, or None (from the start) when it is not one."""
    try:
        micros, pk = (int(part) for part in (text or "").split("-"))
        moment = EPOCH + timedelta(microseconds=micros)
    except (ValueError, OverflowError):
        return None
    return moment, pk


def read(
    viewer,
    selection: Selection,
    *,
    cursor: str | None = None,
    size: int = PAGE_SIZE,
    known: Iterable[Model] = (),
):
    """One page of the entries of `selection` that `viewer` may see. `known`:
    objects the page already read and shows to `viewer` (a profile's member, a
    committee's page), which the entries need not read again."""
    before = parse_cursor(cursor)
    shown, more = [], False
    for _round in range(MAX_ROUNDS):
        batch = activity.entries(
            selection.key,
            selection.where,
            selection.subject,
            before=before,
            limit=size + 1,
        )
        _attach(viewer, batch, known)
        more = len(batch) > size
        for index, action in enumerate(batch, start=1):
            before = (action.timestamp, action.pk)
            if _visible(action):
                shown.append(action)
            if len(shown) == size:
                more = more or index < len(batch)
                break
        if len(shown) == size or not more:
            break
    _prepare(viewer, shown)
    return Page(entries=_group(shown), cursor=_cursor(*before) if more else "")


RELATIONS = ("actor", "action_object", "target")


def _attach(viewer, actions, known: Iterable[Model] = ()) -> None:
    """Load the actors, action objects and targets of `actions` that `viewer` may
    see: one query per model, whichever relation points at it (a post is the
    action object of one entry and the target of the next), none for the `known`
    objects; the others are None."""
    wanted: dict[int, set] = {}
    for action in actions:
        for name in RELATIONS:
            type_id = getattr(action, f"{name}_content_type_id")
            if type_id is not None:
                wanted.setdefault(type_id, set()).add(
                    getattr(action, f"{name}_object_id")
                )
    found: dict[tuple[int, str], object] = {}
    for obj in known:
        type_id = ContentType.objects.get_for_model(obj).pk
        if str(obj.pk) in wanted.get(type_id, ()):
            found[type_id, str(obj.pk)] = obj
            wanted[type_id].discard(str(obj.pk))
    for type_id, ids in wanted.items():
        if not ids:
            continue
        model = ContentType.objects.get_for_id(type_id).model_class()
        source = SOURCES.get(model)
        if source is None:
            continue
        keys = set()
        for raw in ids:
            try:
                keys.add(model._meta.pk.to_python(raw))
            except ValidationError:
                continue  # not an id of this model: nothing to show
        for obj in _visible_among(source, viewer, keys):
            found[type_id, str(obj.pk)] = obj
    for action in actions:
        # Also kept as a plain dict: reading a generic relation costs a content
        # type lookup each time, and the feed reads each of them several times.
        action.feed_objects = {}
        for name in RELATIONS:
            type_id = getattr(action, f"{name}_content_type_id")
            if type_id is not None:
                obj = found.get((type_id, str(getattr(action, f"{name}_object_id"))))
                action._meta.get_field(name).set_cached_value(action, obj)
                action.feed_objects[name] = obj


_PREPARED: dict[type, Prepared] = {}


def _visible_among(source: Source, viewer, keys: set) -> list:
    """The objects among `keys` that `viewer` may see, from SQL kept per process
    when the source's query has one shape."""
    if not source.one_shape:
        return list(source.visible(viewer).filter(pk__in=keys))
    prepared = _PREPARED.get(source.model)
    if prepared is None:
        prepared = _PREPARED[source.model] = Prepared(
            lambda viewer, ids: source.visible(get_user_model()(pk=viewer)).filter(
                pk__any=ids
            ),
            viewer=int,
            ids=list,
        )
    return prepared.objects(viewer=viewer.pk, ids=sorted(keys))


def _visible(action) -> bool:
    """Whether the viewer may see every object the entry names (`_attach` found
    it), and the entry's verb is known."""
    return action.verb in VERBS and all(
        obj is not None and type(obj) in SOURCES for obj in action.feed_objects.values()
    )


def _prepare(viewer, actions) -> None:
    by_model: dict[type, dict] = {}
    for action in actions:
        for obj in action.feed_objects.values():
            if obj is not None:
                by_model.setdefault(type(obj), {})[id(obj)] = obj
    for model, objects in by_model.items():
        source = SOURCES.get(model)
        if source is not None and source.prepare is not None:
            source.prepare(viewer, list(objects.values()))


def _group(actions) -> list[Entry]:
    """Similar entries as one: those of a `group` verb about one target on one
    day, and runs of entries of a `series` verb about one target."""
    entries: list[Entry] = []
    groups: dict[tuple, Entry] = {}
    for action in actions:
        verb = VERBS[action.verb]
        if verb.series:
            last = entries[-1] if entries else None
            if last is not None and _same_series(last.action, action):
                last.actions.append(action)
            else:
                entries.append(Entry(verb, [action]))
            continue
        if not verb.group:
            entries.append(Entry(verb, [action]))
            continue
        day = timezone.localdate(action.timestamp)
        key = (action.verb, action.target_content_type_id, action.target_object_id, day)
        if key in groups:
            groups[key].actions.append(action)
        else:
            groups[key] = Entry(verb, [action])
            entries.append(groups[key])
    return entries


def _same_series(first, action) -> bool:
    return (first.verb, first.target_content_type_id, first.target_object_id) == (
        action.verb,
        action.target_content_type_id,
        action.target_object_id,
    )
