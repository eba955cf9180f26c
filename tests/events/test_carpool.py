"""Carpooling: offers, requests, the driver's answer, limits and cancellations."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from activity.models import Notification
from communes.models import Commune
from events import selectors, services
from events.models import CarpoolSeat, RideRequest
from tests.factories import EventPageFactory, UserFactory

ACCEPTED, CANCELLED = CarpoolSeat.Status.ACCEPTED, CarpoolSeat.Status.CANCELLED


@pytest.fixture
def event(db):
    return EventPageFactory(capacity=30)


def going(event, user=None):
    user = user or UserFactory()
    services.rsvp_set(event=event, user=user, going=True)
    return user


def town(name):
    return Commune.objects.get(name=name)


def offer(event, driver, seats=2, commune="Auch"):
    return services.offer_create(
        event=event, driver=driver, commune=town(commune), departure="18:15",
        seats=seats,
    )  # fmt: skip


def test_a_driver_offers_and_a_passenger_gets_a_seat(event):
    driver, passenger = going(event), going(event)
    car = offer(event, driver)
    seat = services.seat_request(offer=car, passenger=passenger)
    assert Notification.objects.filter(recipient=driver, kind="event_carpool").exists()
    services.ride_request_set(event=event, user=passenger, commune=town("Pavie"))
    services.seat_decide(seat=seat, by=driver, accept=True)
    seat.refresh_from_db()
    assert seat.status == ACCEPTED
    assert not RideRequest.objects.exists()  # no longer looking for a ride
    notice = Notification.objects.get(recipient=passenger, kind="event_carpool")
    assert str(driver) in notice.text


def test_accepted_seats_never_exceed_the_offer(event):
    driver = going(event)
    car = offer(event, driver, seats=1)
    first = services.seat_request(offer=car, passenger=going(event))
    second = services.seat_request(offer=car, passenger=going(event))
    services.seat_decide(seat=first, by=driver, accept=True)
    with pytest.raises(ValidationError) as error:
        services.seat_decide(seat=second, by=driver, accept=True)
    assert error.value.code == "full"
    with pytest.raises(ValidationError):
        services.seat_request(offer=car, passenger=going(event))
    assert car.seat_requests.filter(status=ACCEPTED).count() == 1


def test_only_the_driver_decides_and_only_the_passenger_cancels(event):
    driver, passenger, stranger = going(event), going(event), going(event)
    seat = services.seat_request(offer=offer(event, driver), passenger=passenger)
    with pytest.raises(PermissionDenied):
        services.seat_decide(seat=seat, by=stranger, accept=True)
    with pytest.raises(PermissionDenied):
        services.seat_cancel(seat=seat, by=driver)
    with pytest.raises(PermissionDenied):
        services.offer_withdraw(offer=seat.offer, by=passenger)


def test_carpooling_is_for_those_who_go(event, member):
    with pytest.raises(ValidationError) as error:
        offer(event, member)
    assert error.value.code == "not_going"
    car = offer(event, going(event))
    with pytest.raises(ValidationError):
        services.seat_request(offer=car, passenger=member)


@pytest.mark.parametrize("seats", [0, 9, -2])
def test_seats_outside_one_to_eight_are_refused(event, seats):
    with pytest.raises(ValidationError) as error:
        offer(event, going(event), seats=seats)
    assert error.value.code == "seats"


def test_one_open_offer_and_one_open_request_per_member(event):
    driver, other_driver, passenger = going(event), going(event), going(event)
    car = offer(event, driver)
    with pytest.raises(ValidationError):
        offer(event, driver)
    services.seat_request(offer=car, passenger=passenger)
    with pytest.raises(ValidationError) as error:
        services.seat_request(offer=offer(event, other_driver), passenger=passenger)
    assert error.value.code == "duplicate"
    with pytest.raises(ValidationError):
        services.seat_request(offer=car, passenger=driver)  # their own car


def test_cancelling_the_answer_cancels_the_seats_and_tells_the_other_side(event):
    driver, passenger, rider = going(event), going(event), going(event)
    car = offer(event, driver)
    seat = services.seat_request(offer=car, passenger=passenger)
    services.seat_decide(seat=seat, by=driver, accept=True)
    other_car = offer(event, going(event))
    pending = services.seat_request(offer=other_car, passenger=rider)
    Notification.objects.all().delete()

    services.rsvp_set(event=event, user=driver, going=False)  # the driver drops out
    car.refresh_from_db()
    seat.refresh_from_db()
    assert car.cancelled_at is not None and seat.status == CANCELLED
    assert Notification.objects.filter(
        recipient=passenger, kind="event_carpool"
    ).exists()

    services.rsvp_set(event=event, user=rider, going=False)  # a passenger drops out
    pending.refresh_from_db()
    assert pending.status == CANCELLED
    assert Notification.objects.filter(
        recipient=other_car.driver, kind="event_carpool"
    ).exists()


def test_offers_are_suggested_nearest_first_to_those_asking(event):
    rider = going(event)
    services.ride_request_set(event=event, user=rider, commune=town("Condom"))
    far = offer(event, going(event), commune="Samatan")
    near = offer(event, going(event), commune="Valence-sur-Baïse")
    middle = offer(event, going(event), commune="Auch")
    context = selectors.carpool_of(event=event, user=rider, answer=None)
    assert [o.offer for o in context["offers"]] == [near, middle, far]
    assert context["offers"][0].distance < 15


def test_a_driver_sees_who_asks_for_a_ride_nearest_first(event):
    driver = going(event)
    offer(event, driver, commune="Auch")
    far, near = going(event), going(event)
    services.ride_request_set(event=event, user=far, commune=town("Eauze"))
    services.ride_request_set(event=event, user=near, commune=town("Pavie"))
    rides = selectors.carpool_of(event=event, user=driver, answer=None)["rides"]
    assert [r.user for r in rides] == [near, far]
