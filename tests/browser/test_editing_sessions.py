"""Two editors on one page in Wagtail's admin see each other: the editing-session
ping answers 200 under Daphne (Twisted used to refuse its empty form with a bare
400), and each editor's page shows the other (their avatar, named on hover)."""

import pytest
from django.contrib.auth.models import Group

from committees import rights
from home.models import NewsPage
from tests.browser.test_members_pages import log_in
from tests.factories import (
    CommitteeMembershipFactory,
    CommitteePageFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PING = "/admin/editing-sessions/ping/"
NAMES = "#w-editing-sessions"


def _ping_now(page):
    # Wagtail pings every 10 s and when the tab becomes visible again.
    page.evaluate("document.dispatchEvent(new Event('visibilitychange'))")


def _wait_for_other(page, name):
    """The other editor's avatar shows; hovering it names them."""
    avatar = page.locator(f"{NAMES} .w-editing-sessions__session").first
    avatar.wait_for(timeout=15_000)
    avatar.hover()
    page.locator(".w-editing-sessions__name", has_text=name).wait_for(timeout=5_000)


def test_two_editors_on_one_page_see_each_other(asgi_server, new_page):
    committee = CommitteePageFactory(title="Comité d'accueil d'Auch", slug="auch")
    editor = UserFactory(
        email="edith@example.org", first_name="Edith", last_name="Piaf"
    )
    CommitteeMembershipFactory(committee=committee, user=editor, is_editor=True)
    rights.user_sync_groups(editor)
    staff = UserFactory(
        email="claire@example.org", first_name="Claire", last_name="Dubosc"
    )
    staff.groups.add(Group.objects.get(name="Équipe réseau"))
    news = committee.add_child(
        instance=NewsPage(title="Marché de Noël", intro="Place de la mairie.")
    )
    news.save_revision(user=editor).publish()
    edit_url = f"/admin/pages/{news.pk}/edit/"

    statuses = []
    pages = {}
    for email in ("edith@example.org", "claire@example.org"):
        page = new_page(1280)
        page.on(
            "response",
            lambda r: statuses.append(r.status) if PING in r.url else None,
        )
        log_in(page, email)
        with page.expect_response(lambda r: PING in r.url):
            page.goto(edit_url)
        pages[email] = page

    edith, claire = pages["edith@example.org"], pages["claire@example.org"]
    # Claire came second: her first ping already names Edith; Edith's next one
    # names Claire.
    _wait_for_other(claire, "Edith Piaf")
    _ping_now(edith)
    _wait_for_other(edith, "Claire Dubosc")
    assert statuses and set(statuses) == {200}
