"""The one module that talks to django-activity-stream.

Services call `record()` where a business event happens, inside their transaction,
and use `follow()` / `unfollow()` rather than actstream's own helpers (its follow
crashes when the same thing is followed again with another `actor_only`).
Verbs are stored as untranslated constants and translated when displayed.
"""

from actstream import action, registry
from actstream.models import Action, Follow
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Model, QuerySet

STARTED_FOLLOWING = "started following"


def register(*models) -> None:
    for model in models:
        registry.register(model)


def record(actor, verb: str, *, action_object=None, target=None) -> None:
    """Write one feed entry inside the caller's transaction (rolled back with it)."""
    action.send(actor, verb=verb, action_object=action_object, target=target)


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
    return Follow.objects.filter(user=user, flag="", **_key(obj)).exists()


def follower_ids(obj: Model) -> QuerySet:
    return Follow.objects.filter(flag="", **_key(obj)).values("user_id")


def followed_ids(user, model: type[Model]) -> QuerySet:
    """The ids (as text, as actstream stores them) of the `model` objects followed."""
    return Follow.objects.filter(
        user=user, flag="", content_type=ContentType.objects.get_for_model(model)
    ).values("object_id")


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
    from activity.models import Notification, NotificationPreference

    # Texts name their actor: none may outlive the member, on either side.
    Notification.objects.filter(recipient=user).delete()
    Notification.objects.filter(actor=user).delete()
    NotificationPreference.objects.filter(user=user).delete()
    Action.objects.filter(
        target_content_type=user_type, target_object_id=str(user.pk)
    ).delete()
