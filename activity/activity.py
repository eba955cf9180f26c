"""The one module that talks to django-activity-stream.

Services call `record()` where a business event happens, inside their transaction,
and use `follow()` / `unfollow()` rather than actstream's own helpers (its follow
crashes when the same thing is followed again with another `actor_only`).
Verbs are stored as untranslated constants and translated when displayed (each app
registers how its verbs are shown in `activity.feed`).
"""

from collections.abc import Callable
from datetime import datetime
from typing import Any

from actstream import action, registry
from actstream.models import Action, Follow
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import CharField, Model, Q, QuerySet
from django.db.models.functions import Cast

from intranet.prepared import Prepared

STARTED_FOLLOWING = "started following"
JOINED_NETWORK = "joined the network"
JOINED = "joined"  # target: the committee
PUBLISHED = "published"  # action_object: the news; target: its committee, if any
POSTED = "posted"  # action_object: the post; target: its committee, if any
COMMENTED = "commented on"  # action_object: the comment; target: the post
STARTED_TOPIC = "started"  # action_object: the topic; target: its category
REPLIED = "replied to"  # action_object: the forum post; target: its topic
SCHEDULED = "scheduled"  # action_object: the meetup; target: its committee, if any
GOING = "is going to"  # target: the meetup


def register(*models) -> None:
    for model in models:
        registry.register(model)


def record(actor, verb: str, *, action_object=None, target=None, at=None) -> None:
    """Write one feed entry inside the caller's transaction (rolled back with it).
    `at` dates it in the past (the demo seed tells a story over months)."""
    extra = {"timestamp": at} if at is not None else {}
    action.send(actor, verb=verb, action_object=action_object, target=target, **extra)


def unrecord(actor, verb: str, *, target: Model) -> None:
    """Take back `actor`'s `verb` entries about `target` (a member no longer goes)."""
    actions_of(actor).filter(
        verb=verb,
        target_content_type=ContentType.objects.get_for_model(target),
        target_object_id=str(target.pk),
    ).delete()


def _key(obj: Model) -> dict:
    return {
        "content_type": ContentType.objects.get_for_model(obj),
        "object_id": str(obj.pk),
    }


@transaction.atomic
def follow(user, obj: Model) -> bool:
    """Follow `obj`; following it again changes nothing. True if it is new."""
    _follow, created = Follow.objects.get_or_create(
        user=user, flag="", **_key(obj), defaults={"actor_only": False}
    )
    if created:
        record(user, STARTED_FOLLOWING, target=obj)
    return created


def unfollow(user, obj: Model) -> bool:
    """Stop following `obj`; harmless when not following. True if something ended."""
    deleted, _ = Follow.objects.filter(user=user, flag="", **_key(obj)).delete()
    return bool(deleted)


def is_following(user, obj: Model) -> bool:
    """One query, built once per process for each kind of object."""
    model = type(obj)
    kept = _FOLLOWING.get(model)
    if kept is None:
        kept = _FOLLOWING[model] = Prepared(
            lambda user, pk: Follow.objects.filter(
                user_id=user,
                flag="",
                content_type=ContentType.objects.get_for_model(model),
                object_id=str(pk),
            ).values_list("pk")[:1],
            user=int,
            pk=int,
        )
    return bool(kept.rows(user=user.pk, pk=obj.pk))


_FOLLOWING: dict[type[Model], Prepared] = {}


def follower_ids(obj: Model) -> QuerySet:
    return Follow.objects.filter(flag="", **_key(obj)).values("user_id")


def follows_of(user) -> QuerySet:
    """Everything `user` follows (for an `Exists`)."""
    return Follow.objects.filter(user=user, flag="")


def followed_ids(user, model: type[Model]) -> QuerySet:
    """The ids (as text, as actstream stores them) of the `model` objects followed."""
    return Follow.objects.filter(
        user=user, flag="", content_type=ContentType.objects.get_for_model(model)
    ).values("object_id")


# Reading entries. Object ids are stored as text: subqueries of integer keys are
# cast first, or PostgreSQL refuses to compare them.


def as_text_ids(queryset: QuerySet, field: str = "pk") -> QuerySet:
    return queryset.annotate(text_id=Cast(field, CharField())).values("text_id")


def by_actor(model: type[Model], ids) -> Q:
    """Entries whose actor is a `model` with one of `ids` (text values)."""
    return Q(
        actor_content_type=ContentType.objects.get_for_model(model),
        actor_object_id__in=ids,
    )


def by_target(model: type[Model], ids) -> Q:
    return Q(
        target_content_type=ContentType.objects.get_for_model(model),
        target_object_id__in=ids,
    )


def by_action_object(model: type[Model], ids) -> Q:
    return Q(
        action_object_content_type=ContentType.objects.get_for_model(model),
        action_object_object_id__in=ids,
    )


def entries(
    key: str,
    where: Callable[[int], Q],
    subject: int,
    *,
    before: tuple[datetime, int] | None,
    limit: int,
) -> list[Action]:
    """At most `limit` entries matching `where(subject)`, newest first, older than
    the `before` cursor (timestamp, id). `where` builds the same SQL for every
    `subject` (an id: the reader's, a member's, a committee's), so the query is
    built once per process for each `key`, `limit` and kind of cursor
    (`Prepared`): building it was a third of a feed's CPU."""
    shape = (key, limit, before is not None)
    kept = _ENTRIES.get(shape)
    if kept is None:
        kept = _ENTRIES[shape] = _kept_entries(where, limit, cursor=before is not None)
    if before is None:
        return kept.objects(subject=subject)
    moment, pk = before
    return kept.objects(subject=subject, moment=moment, pk=pk)


_ENTRIES: dict[tuple[str, int, bool], Prepared] = {}


def _kept_entries(where: Callable[[int], Q], limit: int, *, cursor: bool) -> Prepared:
    def build(subject: int, **before: Any) -> QuerySet:
        found = Action.objects.filter(where(subject), public=True)
        if before:
            moment, pk = before["moment"], before["pk"]
            found = found.filter(
                Q(timestamp__lt=moment) | Q(timestamp=moment, pk__lt=pk)
            )
        return found.order_by("-timestamp", "-pk")[:limit]

    if cursor:
        return Prepared(build, subject=int, moment=datetime, pk=int)
    return Prepared(build, subject=int)


def recorded(verb: str, action_object: Model) -> bool:
    return Action.objects.filter(
        verb=verb,
        action_object_content_type=ContentType.objects.get_for_model(action_object),
        action_object_object_id=str(action_object.pk),
    ).exists()


def forget(obj: Model) -> None:
    """Delete the entries about `obj` (as action object or target): it is gone."""
    content_type = ContentType.objects.get_for_model(obj)
    Action.objects.filter(
        Q(action_object_content_type=content_type, action_object_object_id=str(obj.pk))
        | Q(target_content_type=content_type, target_object_id=str(obj.pk))
    ).delete()


def retarget(action_object: Model, target: Model) -> None:
    """Point the entries about `action_object` at a new target (a moved topic)."""
    Action.objects.filter(
        action_object_content_type=ContentType.objects.get_for_model(action_object),
        action_object_object_id=str(action_object.pk),
    ).update(
        target_content_type=ContentType.objects.get_for_model(target),
        target_object_id=str(target.pk),
    )


def redate(obj: Model, moment: datetime) -> None:
    """Move the entries about `obj` to `moment` (the demo seed spreads its story)."""
    content_type = ContentType.objects.get_for_model(obj)
    Action.objects.filter(
        action_object_content_type=content_type, action_object_object_id=str(obj.pk)
    ).update(timestamp=moment)


def redate_about(target: Model, moment: datetime, *, actor) -> None:
    """Move `actor`'s entries about `target` to `moment` (the demo seed)."""
    actions_of(actor).filter(
        target_content_type=ContentType.objects.get_for_model(target),
        target_object_id=str(target.pk),
    ).update(timestamp=moment)


def actions_of(actor) -> QuerySet:
    return Action.objects.filter(
        actor_content_type=ContentType.objects.get_for_model(actor),
        actor_object_id=str(actor.pk),
    )


def erase_member(user) -> None:
    """Forget whom the member follows and who follows them, and their feed entries."""
    user_type = ContentType.objects.get_for_model(user)
    Follow.objects.filter(user=user).delete()
    Follow.objects.filter(content_type=user_type, object_id=str(user.pk)).delete()
    actions_of(user).delete()
    Action.objects.filter(
        target_content_type=user_type, target_object_id=str(user.pk)
    ).delete()
