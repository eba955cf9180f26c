"""Tables fit at 1280 px and scroll within their own box on a phone."""

import pytest
from django.contrib.auth.models import Group

from tests.browser.conftest import axe_violations
from tests.browser.test_members_pages import log_in
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

OVERFLOWING = """() => Array.from(document.querySelectorAll('.table-wrap'))
    .filter(box => box.scrollWidth > box.clientWidth + 1)
    .map(box => box.getAttribute('aria-label') || box.className)"""


@pytest.mark.parametrize("width", [375, 1280])
def test_the_programme_figures_tables_fit(new_page, width):
    from tests.welcome.conftest import submit

    claire = UserFactory(email="claire@example.org", first_name="Claire")
    claire.groups.add(Group.objects.get(name="Équipe programme"))
    submit()
    page = new_page(width)
    log_in(page, "claire@example.org")
    page.goto("/nouveaux-arrivants/chiffres/")
    per_year = page.get_by_role(
        "region", name="L'entonnoir des projets de chaque année"
    )
    assert per_year.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    if width == 1280:
        assert page.evaluate(OVERFLOWING) == []  # nothing cut off
    else:  # the wide table scrolls inside its box, reachable by keyboard
        assert per_year.evaluate("box => box.scrollWidth > box.clientWidth")
        assert per_year.get_attribute("tabindex") == "0"
    assert axe_violations(page) == []
