"""What the newcomer pipeline does when something happens below it."""

from django.db import transaction

from chat.services import GuestConversationMessage
from intranet import bus
from members.services import InvitationAccepted
from welcome import services


def _guest_conversation_message(event: GuestConversationMessage) -> None:
    # The family is e-mailed once the message is committed.
    transaction.on_commit(lambda: services.message_posted(message=event.message))


def _invitation_accepted(event: InvitationAccepted) -> None:
    # In the transaction that created the member: all or nothing.
    services.invitation_accepted(invitation=event.invitation, user=event.user)


bus.subscribe(GuestConversationMessage, _guest_conversation_message)
bus.subscribe(InvitationAccepted, _invitation_accepted)
