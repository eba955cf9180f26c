"""Meetups in a real browser: the agenda and a meetup page, answered and shared."""

from datetime import timedelta

import pytest
from django.utils import timezone

from events import services
from events.models import CarpoolOffer, Rsvp
from tests.browser.conftest import axe_violations
from tests.browser.test_members_pages import log_in
from tests.factories import EventPageFactory, UserFactory, agenda

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.mark.parametrize("width", [375, 1280])
def test_answer_a_full_meetup_then_get_a_place_and_a_ride(new_page, width):
    camille = UserFactory(email="camille@example.org", first_name="Camille")
    holder, driver = UserFactory(), UserFactory(first_name="Jeanne")
    event = EventPageFactory(title="Afterwork à Auch", capacity=2, guests_allowed=1)
    services.rsvp_set(event=event, user=holder, going=True, guests=1)
    page = new_page(width)
    log_in(page, "camille@example.org")
    page.goto(agenda().url)
    assert axe_violations(page) == []
    page.get_by_role("link", name="Mois").click()
    local = timezone.localtime(event.start)
    page.goto(f"{agenda().url}mois/{local.year}/{local.month}/")  # its month
    page.get_by_role("table").get_by_role("link", name="Afterwork à Auch").click()
    assert page.get_by_text("2 / 2 places prises").is_visible()
    assert axe_violations(page) == []

    page.get_by_role("button", name="Je viens", exact=True).click()
    page.get_by_text("n° 1 sur la liste d'attente").wait_for()
    assert Rsvp.objects.get(user=camille).status == Rsvp.Status.WAITLIST

    services.rsvp_set(event=event, user=holder, going=False)  # a place frees up
    services.rsvp_set(event=event, user=driver, going=True)
    services.offer_create(
        event=event, driver=driver, commune=event.commune, departure="18:30", seats=3
    )
    page.reload()
    page.get_by_text("Vous venez.").wait_for()
    page.get_by_role("button", name="Demander une place à Jeanne").click()
    page.get_by_text("Votre demande a été envoyée au conducteur").wait_for()
    assert CarpoolOffer.objects.get().seat_requests.filter(passenger=camille).exists()
    assert axe_violations(page) == []


def test_the_month_reads_as_a_list_of_days_on_a_phone(new_page):
    UserFactory(email="camille@example.org")
    start = (timezone.now() + timedelta(days=1)).replace(hour=17, minute=0)
    EventPageFactory(
        title="Coworking à Fleurance", start=start, end=start + timedelta(hours=2)
    )
    page = new_page(375)
    log_in(page, "camille@example.org")
    local = timezone.localtime(start)
    page.goto(f"{agenda().url}mois/{local.year}/{local.month}/")
    cell = page.locator("td.has-events")
    assert cell.count() == 1 and cell.is_visible()
    assert page.locator("td:not(.has-events)").first.is_hidden()
    assert cell.bounding_box()["width"] > 300  # a full-width line, not a 7th
    assert axe_violations(page) == []
