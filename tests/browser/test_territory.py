"""« Tester ma connexion » in a real browser on a throttled line, and the map of
the Gers, at phone and desktop widths, checked with axe-core."""

import pytest

from communes.models import Commune
from territory import services
from territory.models import SpeedTest
from tests.browser.conftest import axe_violations
from tests.browser.test_members_pages import log_in
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

DOWN_MBPS, UP_MBPS, LATENCY_MS = 4, 1, 40


def throttle(page):
    """Chromium's network emulation: the line the test must measure."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send(
        "Network.emulateNetworkConditions",
        {
            "offline": False,
            "latency": LATENCY_MS,
            "downloadThroughput": DOWN_MBPS * 1_000_000 / 8,
            "uploadThroughput": UP_MBPS * 1_000_000 / 8,
        },
    )


@pytest.mark.parametrize("width", [375, 1280])
def test_a_member_measures_a_throttled_line_and_records_it(new_page, width):
    member = UserFactory(email="camille@example.org")
    page = new_page(width)
    log_in(page, "camille@example.org")
    page.goto("/debit/tester/")
    assert axe_violations(page) == []
    throttle(page)
    page.get_by_role("button", name="Lancer le test").click()
    # The test stops by itself in about 20 s, whatever the line.
    page.locator("#speedtest[data-state]").wait_for(state="attached", timeout=24_000)
    assert page.locator("#speedtest").get_attribute("data-state") == "done"
    status = page.get_by_role("status")
    assert "Terminé" in status.text_content()
    download = float(page.get_by_label("Descente (Mb/s)").input_value())
    upload = float(page.get_by_label("Montée (Mb/s)").input_value())
    latency = float(page.get_by_label("Latence (ms)").input_value())
    assert abs(download - DOWN_MBPS) <= 0.25 * DOWN_MBPS, download
    assert 0 < upload <= UP_MBPS * 1.5, upload
    assert LATENCY_MS <= latency < 1000, latency
    assert axe_violations(page) == []

    page.get_by_label("Commune de la ligne").select_option(label="Marciac")
    page.get_by_label("VDSL").check()
    page.get_by_role("button", name="Enregistrer le résultat").click()
    page.get_by_text("Votre test est enregistré. Merci !").wait_for()
    test = SpeedTest.objects.get(user=member)
    assert test.commune.name == "Marciac" and test.technology == "vdsl"
    assert test.download_mbps == download
    assert page.get_by_role("cell", name="Marciac").is_visible()
    assert axe_violations(page) == []


@pytest.mark.parametrize("width", [375, 1280])
def test_the_public_map_has_a_legend_and_a_table(new_page, width):
    auch = Commune.objects.get(name="Auch")
    for down in (12, 40, 300):
        services.speed_test_record(
            user=UserFactory(), commune=auch, technology="fibre", place="home",
            download_mbps=down, upload_mbps=5, latency_ms=20,
        )  # fmt: skip
    page = new_page(width)  # a prospect, not logged in
    page.goto("/debit/")
    assert page.get_by_role(
        "img", name="Carte du débit descendant médian par commune"
    ).is_visible()
    row = page.get_by_role("row", name="Auch")
    assert "40 Mb/s" in row.text_content() and "3" in row.text_content()
    assert page.get_by_text("30 à 100 Mb/s").is_visible()
    assert axe_violations(page) == []
    if width == 375:  # the table scrolls in its own box, not the page
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
