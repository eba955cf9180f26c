"""Every main page, and the pages they link to, on the narrowest phones.

A small demo network is seeded; a superuser (who sees every page: the programme
team's, the moderators', the organisers') opens the main pages and one page of
each kind they link to, at 320, 375 and 414 px. No page may be wider than the
screen (the element that sticks out is named), and axe-core finds nothing at 375
px. One browser, one signed-in tab, the pages in a loop: it stays fast.
"""

import os
import re
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.utils import timezone

from chat.models import Room
from events.models import EventPage
from tests.browser.conftest import axe_violations
from tests.browser.test_members_pages import log_in
from tests.factories import UserFactory, UserSessionFactory

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    # Wagtail leaves a temporary file to the garbage collector when it makes an
    # image's rendition (as in tests/intranet/test_hostile_input.py).
    pytest.mark.filterwarnings("ignore::ResourceWarning"),
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
]

WIDTHS = (320, 375, 414)
START = [
    "/", "/fil/", "/fil/reseau/", "/actualites/", "/forums/", "/forums/moderation/",
    "/comites/", "/membres/", "/membres/mon-profil/",
    "/membres/mon-compte/", "/membres/invitations/", "/comptes/sessions/",
    "/notifications/", "/notifications/preferences/", "/recherche/?q=gers",
    "/discussions/", "/discussions/nouvelle/", "/nouveaux-arrivants/",
    "/nouveaux-arrivants/chiffres/", "/venir-dans-le-gers/", "/confidentialite/",
    "/comptes/password/change/",
]  # fmt: skip
SKIP = re.compile(
    r"^/(admin|comptes/logout|media|documents|flux|static|langue)/|\.(ics|csv|xml)$"
)
MAX_PAGES = 90

# The elements wider than the screen, deepest first, unless a box of theirs
# scrolls or clips them within the screen (a table in its own scrolling box).
OVERFLOW = """() => {
  const width = window.innerWidth;
  if (document.documentElement.scrollWidth <= width) return null;
  const contained = (element) => {
    const closed = element.closest("details:not([open])");  // not shown
    if (closed && !closed.querySelector(":scope > summary").contains(element))
      return true;
    // An absolutely placed element escapes the boxes around its containing block.
    const placed = ["absolute", "fixed"].includes(getComputedStyle(element).position);
    const holder = element.offsetParent;
    for (let box = element.parentElement; box && box !== document.body;
         box = box.parentElement) {
      const style = getComputedStyle(box);
      if (placed && !(box === holder || box.contains(holder)))
        continue;
      if (style.overflowX !== "visible" && box.getBoundingClientRect().right <= width)
        return true;
    }
    return false;
  };
  const name = (element) => element.tagName.toLowerCase() +
    (element.id ? "#" + element.id : "") +
    [...element.classList].map((c) => "." + c).join("");
  const path = (element) => {
    const names = [];
    for (let e = element; e && e !== document.body && names.length < 4;
         e = e.parentElement) names.unshift(name(e));
    return names.join(" > ");
  };
  const out = [...document.body.querySelectorAll("*")].filter((element) => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.right > width + 0.5 && !contained(element);
  });
  const leaves = out.filter((element) => !out.some((o) => o !== element &&
    element.contains(o)));
  return {
    scrollWidth: document.documentElement.scrollWidth,
    elements: leaves.slice(0, 4).map((element) => path(element) + " (right " +
      Math.round(element.getBoundingClientRect().right) + " px: " +
      JSON.stringify((element.innerText || "").slice(0, 40)) + ")"),
  };
}"""

LINKS = """() => [...document.querySelectorAll("main a[href], .main-nav a[href]")]
  .map((a) => a.getAttribute("href"))"""


def kind(path: str) -> str:
    """Pages of one kind share their first segment, their depth and the place of
    their numbers: /membres/12/ and /membres/40/ are one kind."""
    parts = [re.sub(r"\d+", "N", part) for part in path.strip("/").split("/")]
    if len(parts) > 1 and not any("N" in part for part in parts):
        parts[1:] = ["*"] * (len(parts) - 1)
    return "/".join(parts) + f"/{len(parts)}"


@pytest.fixture
def network():
    call_command("seed_demo", members=12, committees=4, seed=5)
    admin = UserFactory(email="admin@example.org", is_superuser=True, is_staff=True)
    # Sessions on other devices, with long browser strings (the sessions page).
    UserSessionFactory.create_batch(2, user=admin)
    upcoming = EventPage.objects.live().filter(start__gt=timezone.now())
    event = upcoming.order_by("start").first()
    rooms = [Room.objects.get(slug="general"), Room.objects.exclude(committee=None)[0]]
    return admin, [
        event.url,
        f"{event.url}participants/",
        *(room.get_absolute_url() for room in rooms),  # a committee's: its settings
    ]


@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="layout does not depend on the database: walked once, on the "
    "production stack (PostgreSQL + Redis), to keep CI short",
)
def test_no_page_is_wider_than_a_phone_and_axe_finds_nothing(
    browser, live_server, network
):
    _admin, extra = network
    context = browser.new_context(
        viewport={"width": 375, "height": 800},
        locale="fr-FR",
        base_url=live_server.url,
        bypass_csp=True,  # only so that axe-core can be injected
        service_workers="block",  # pages from the server, each time
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    log_in(page, "admin@example.org")

    queue, seen_kinds, visited = [*START, *extra], set(), []
    wide, inaccessible, broken = [], [], []
    while queue and len(visited) < MAX_PAGES:
        url = queue.pop(0)
        path = urlsplit(url).path
        if path in visited or SKIP.search(path):
            continue
        if url not in START and url not in extra:
            if kind(path) in seen_kinds or urlsplit(url).query:
                continue
        seen_kinds.add(kind(path))
        visited.append(path)
        page.set_viewport_size({"width": 375, "height": 800})
        response = page.goto(url)
        if response is None or response.status >= 400:
            broken.append((url, response and response.status))
            continue
        if urlsplit(page.url).path != path:  # a redirect: its target is seen once
            visited.append(urlsplit(page.url).path)
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 800})
            found = page.evaluate(OVERFLOW)
            if found:
                wide.append((url, width, found))
        page.set_viewport_size({"width": 375, "height": 800})
        violations = axe_violations(page)
        if violations:
            inaccessible.append((url, violations))
        for href in page.evaluate(LINKS):
            target = urlsplit(href)
            if target.scheme or target.netloc or not target.path.startswith("/"):
                continue
            queue.append(href.split("#")[0])

    context.close()
    assert len(visited) > 40, visited  # the walk reached the site
    report = [f"{url} at {w}px: {found}" for url, w, found in wide]
    report += [f"{url}: {violations}" for url, violations in inaccessible]
    report += [f"{url}: HTTP {status}" for url, status in broken]
    assert report == [], "\n".join(report)
