from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChatConfig(AppConfig):
    name = "chat"
    verbose_name = _("Chat")

    def ready(self):
        from django.contrib.auth.signals import user_logged_out
        from django.db import transaction
        from django.db.models.signals import post_save

        from activity import notifications
        from chat import broadcast, data, search  # noqa: F401
        from members import services as member_services

        # A new committee comes with its room (the receiver calls the service).
        post_save.connect(
            _committee_saved,
            sender="home.CommitteePage",
            dispatch_uid="chat.committee_saved",
        )
        # Events the chat does not own: each receiver only tells the open sockets.
        user_logged_out.connect(_logged_out, dispatch_uid="chat.logged_out")
        post_save.connect(
            _user_saved, sender="members.User", dispatch_uid="chat.user_saved"
        )
        notifications.LISTENERS.append(broadcast.notification)
        member_services.MEMBERSHIP_LISTENERS.append(
            lambda user, committee: transaction.on_commit(
                lambda: broadcast.rooms_changed([user.pk])
            )
        )


def _logged_out(sender, request, user, **kwargs):
    from chat import broadcast

    session_key = getattr(getattr(request, "session", None), "session_key", None)
    if session_key:
        broadcast.session_ended(session_key)


def _committee_saved(sender, instance, created, raw=False, **kwargs):
    """A new committee comes with its room."""
    from chat import services

    if created and not raw:
        services.committee_room(instance)


def _user_saved(sender, instance, **kwargs):
    """A member deactivated (in the admin, or erased) loses their sockets at once."""
    from django.db import transaction

    from chat import broadcast

    if not instance.is_active:
        transaction.on_commit(lambda: broadcast.member_gone(instance.pk))
