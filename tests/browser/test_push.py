"""Web Push from the notification choices page, in headless Chromium.

Chromium cannot subscribe to push in headless mode: with the notification
permission granted, `pushManager.subscribe()` still rejects with « Registration
failed - permission denied », because headless Chromium has no push messaging
service (a real one registers with Google's FCM, which needs Google API keys and
the network, neither of which a test may use). So these tests drive the page up
to the permission request and that refusal, and check that the page says so; the
subscription that a browser would send next is checked over HTTP, and the
delivery against a fake push service, in tests/activity/test_push.py.
"""

import pytest

from activity import push
from activity.management.commands.vapid_keys import new_pair
from activity.models import PushSubscription
from tests.activity.test_push import Device
from tests.browser.conftest import axe_violations
from tests.browser.test_members_pages import log_in
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def vapid(settings):
    settings.VAPID_PUBLIC_KEY, settings.VAPID_PRIVATE_KEY = new_pair()


@pytest.fixture
def camille(db):
    return UserFactory(email="camille@example.org", first_name="Camille")


def open_choices(new_page, width=1280, *, allow=False):
    page = new_page(width)
    if allow:
        page.context.grant_permissions(["notifications"])
    log_in(page, "camille@example.org")
    page.goto("/notifications/preferences/")
    return page


@pytest.mark.parametrize("width", [375, 1280])
def test_the_page_offers_push_on_this_device(new_page, vapid, camille, width):
    page = open_choices(new_page, width)
    section = page.get_by_role("region", name="Notifications push sur mes appareils")
    button = section.get_by_role("button", name="Activer le push sur cet appareil")
    button.wait_for()
    assert button.get_attribute("aria-pressed") == "false"
    assert section.get_by_role("status").inner_text() == (
        "Le push est désactivé sur cet appareil."
    )
    assert (
        page.get_by_role(
            "radio", name="Par notification push sur mes appareils"
        ).count()
        > 3
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert axe_violations(page) == []
    section.screenshot(path=f"/tmp/push-{width}.png")


def test_a_refused_permission_is_explained(new_page, vapid, camille):
    page = open_choices(new_page)
    page.get_by_role("button", name="Activer le push sur cet appareil").click()
    status = page.get_by_role("status")
    status.filter(has_text="bloquées").wait_for()
    assert "autorisez-les dans les réglages du site" in status.inner_text()
    assert not PushSubscription.objects.exists()


def test_headless_chromium_cannot_subscribe_and_the_page_says_so(
    new_page, vapid, camille
):
    """If a Chromium one day subscribes headless, this fails: then test the
    whole way through with its real subscription."""
    page = open_choices(new_page, allow=True)
    page.get_by_role("button", name="Activer le push sur cet appareil").click()
    status = page.get_by_role("status")
    status.filter(has_text="n'a pas pu").wait_for()
    assert "permission denied" in status.inner_text()
    assert page.get_by_role(
        "button", name="Activer le push sur cet appareil"
    ).is_enabled()
    assert not PushSubscription.objects.exists()


def test_a_device_in_the_list_is_removed_by_keyboard(new_page, vapid, camille):
    push.subscribe(
        user=camille,
        data=Device("old-phone").json,
        user_agent="Mozilla/5.0 (Linux; Android 14) Firefox/130.0",
    )
    page = open_choices(new_page)
    remove = page.get_by_role("button", name="Retirer Firefox sur Android")
    remove.focus()
    page.keyboard.press("Enter")
    page.get_by_text(
        "Les notifications push sont désactivées pour cet appareil."
    ).wait_for()
    assert not PushSubscription.objects.exists()


def test_without_vapid_keys_the_page_has_no_push(new_page, camille, settings):
    settings.VAPID_PUBLIC_KEY = settings.VAPID_PRIVATE_KEY = ""
    page = open_choices(new_page)
    page.get_by_role("button", name="Enregistrer mes choix").wait_for()
    assert page.get_by_text("Notifications push").count() == 0
    assert (
        page.get_by_role(
            "radio", name="Par notification push sur mes appareils"
        ).count()
        == 0
    )
