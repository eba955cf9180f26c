"""What meetups hold about a member, for their data download and erasure."""

from django.db.models import Q

from activity.models import Notification
from events import services
from events.models import CarpoolOffer, CarpoolSeat, EventOrganiser, RideRequest, Rsvp
from intranet.shell.personal_data import eraser, exporter


@exporter(
    "meetups",
    covers=[Rsvp, EventOrganiser, CarpoolOffer, CarpoolSeat, RideRequest],
)
def export_meetups(user) -> dict:
    return {
        "answers": [
            {"meetup": r.event.title, "start": r.event.start, "answer": r.status,
             "guests": r.guests, "answered_at": r.created_at,
             "updated_at": r.updated_at, "promoted_at": r.promoted_at}
            for r in Rsvp.objects.filter(user=user).select_related("event")
        ],
        "organised": [
            o.page.title for o in EventOrganiser.objects.filter(member=user)
            .select_related("page")
        ],
        "carpool_offers": [
            {"meetup": o.event.title, "leaving_from": o.commune.name,
             "departure": o.departure, "seats": o.seats, "note": o.note,
             "created_at": o.created_at, "cancelled_at": o.cancelled_at}
            for o in CarpoolOffer.objects.filter(driver=user)
            .select_related("event", "commune")
        ],
        "carpool_seats": [
            {"meetup": s.offer.event.title, "driver": str(s.offer.driver),
             "status": s.status, "created_at": s.created_at}
            for s in CarpoolSeat.objects.filter(passenger=user)
            .select_related("offer__event", "offer__driver")
        ],
        "ride_requests": [
            {"meetup": r.event.title, "leaving_from": r.commune.name,
             "note": r.note, "created_at": r.created_at}
            for r in RideRequest.objects.filter(user=user)
            .select_related("event", "commune")
        ],
    }  # fmt: skip


@eraser(covers=[Rsvp, EventOrganiser, CarpoolOffer, CarpoolSeat, RideRequest])
def erase_meetups(user) -> None:
    """The member first leaves their coming meetups as anyone would (their places
    go to the waiting lists, their carpools hear of it), then everything goes."""
    services.member_leave_all(user=user)
    # Those notices name the member: like every notice they caused, they go.
    Notification.objects.filter(actor=user).delete()
    Rsvp.objects.filter(user=user).delete()
    CarpoolSeat.objects.filter(Q(passenger=user) | Q(offer__driver=user)).delete()
    CarpoolOffer.objects.filter(driver=user).delete()
    RideRequest.objects.filter(user=user).delete()
    EventOrganiser.objects.filter(member=user).delete()
