"""What the chat does when something happens elsewhere: each reaction only tells
the open sockets, after the commit.

- a committee set up (`committees`): it gets its room;
- a notification stored (`activity`): pushed live to the member's tabs;
- a member joins or leaves a committee (`committees`): their sockets re-check
  which rooms they may read;
- a member logs out (Django's signal): the sockets of that session close;
- an account deactivated: its sockets close. Accounts are deactivated by code we
  do not own too (Wagtail's users admin), so this listens to the User row being
  saved, the one place every path meets.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_out
from django.db import transaction
from django.db.models.signals import post_save

from activity.notifications import NotificationStored
from chat import broadcast, services
from committees.rights import CommitteeSetUp
from committees.services import MemberJoined, MemberLeft
from intranet import bus


def _notification_stored(event: NotificationStored) -> None:
    transaction.on_commit(lambda: broadcast.notification(event.notification))


def _rooms_changed(user_pk: int) -> None:
    transaction.on_commit(lambda: broadcast.rooms_changed([user_pk]))


def _logged_out(sender, request, user, **kwargs):
    session_key = getattr(getattr(request, "session", None), "session_key", None)
    if session_key:
        broadcast.session_ended(session_key)


def _user_saved(sender, instance, **kwargs):
    """A member deactivated (in the admin, or erased) loses their sockets at once."""
    if not instance.is_active:
        transaction.on_commit(lambda: broadcast.member_gone(instance.pk))


bus.subscribe(
    CommitteeSetUp, lambda event: services.committee_room(committee=event.committee)
)
bus.subscribe(NotificationStored, _notification_stored)
bus.subscribe(MemberJoined, lambda event: _rooms_changed(event.membership.user_id))
bus.subscribe(MemberLeft, lambda event: _rooms_changed(event.user.pk))
user_logged_out.connect(_logged_out, dispatch_uid="chat.logged_out")
post_save.connect(_user_saved, sender=get_user_model(), dispatch_uid="chat.user_saved")
