"""Hostile input against every form of the site, found by walking its pages.

A small demo network is seeded; a superuser (who sees every form: the programme
team's, the référents', the organisers') walks the main pages and the pages they
link to, and every POST form with a field to type in gets each hostile input of
the table below in all its typed fields at once. No answer may be a server error,
and what must be refused must not be stored anywhere. A new form joins the table
by being linked from a page.
"""

import io
import itertools
import re
from html.parser import HTMLParser
from urllib.parse import quote, urlsplit

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import models
from django.test import Client
from django.urls import Resolver404, resolve
from django.utils import timezone
from PIL import Image

from events.models import EventPage
from tests.factories import UserFactory

# Wagtail leaves a temporary file to the garbage collector when it makes an
# image's rendition; that is Wagtail's, not the forms'.
pytestmark = [
    pytest.mark.filterwarnings("ignore::ResourceWarning"),
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
]

START = [
    "/", "/fil/", "/fil/reseau/", "/membres/", "/membres/mon-profil/",
    "/membres/mon-compte/", "/membres/invitations/", "/notifications/preferences/",
    "/forums/", "/rencontres/", "/discussions/", "/discussions/nouvelle/",
    "/nouveaux-arrivants/", "/venir-dans-le-gers/", "/venir-dans-le-gers/lien/",
    "/recherche/?q=gers", "/comptes/password/change/",
]  # fmt: skip
SKIP = re.compile(
    r"^/(admin|comptes/logout|media|documents|flux|static)/|\.(ics|csv|xml)$"
)
MAX_PAGES = 150
# The fields that get the hostile value: every one but the CSRF token, the
# checkboxes and radio buttons (sent as shown) and the files (their own table).
KEPT = {"checkbox", "radio", "file"}

MARK = "HOSTILE"
# Each case: the value put in every typed field, whether the request must be
# refused with nothing stored, and raw form-encoded bytes when the value cannot be
# written as text.
CASES = {
    "nul": (f"{MARK}\x00nul", "refused"),
    "invalid-utf8": (f"{MARK}%FF%FEx", "refused-raw"),
    "lone-surrogate": (f"{MARK}%ED%A0%80x", "refused-raw"),
    "control": (f"{MARK}-ctrl\x01\x1b[31m\x7f", "cleaned"),
    "oversize": (MARK + "y" * 200_000, "not-stored"),
    "negative": ("-1", "answered"),
    "huge-number": ("9" * 40, "answered"),
    "far-date": ("9999-12-31", "answered"),
    "ancient-date": ("0001-01-01", "answered"),
    "wrong-type": ('{"$gt": ""}', "answered"),
    "script": (f"{MARK}<script>alert(1)</script>", "answered"),
}


class Forms(HTMLParser):
    """The POST forms of a page, and its links."""

    def __init__(self):
        super().__init__()
        self.forms, self.links, self._form, self._select = [], [], None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and a.get("href", "").startswith("/"):
            self.links.append(a["href"].split("#")[0])
        elif tag == "form" and (a.get("method") or "").lower() == "post":
            multipart = "multipart" in (a.get("enctype") or "")
            self._form = {"action": a.get("action"), "fields": [],
                          "multipart": multipart}  # fmt: skip
            self.forms.append(self._form)
        elif self._form is None or "name" not in a:
            return
        elif tag == "input":
            kind = (a.get("type") or "text").lower()
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            if kind not in ("submit", "button", "image", "reset"):
                self._form["fields"].append((a["name"], kind, a.get("value", "")))
        elif tag == "textarea":
            self._form["fields"].append((a["name"], "textarea", ""))
        elif tag == "select":
            self._select = [a["name"], "select", None]
            self._form["fields"].append(self._select)
        if tag == "option" and self._select is not None and self._select[2] is None:
            self._select[2] = a.get("value", "")

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None


def _view(url):
    try:
        match = resolve(urlsplit(url).path)
    except Resolver404:
        return None
    if match.url_name != "wagtail_serve":
        return match.view_name
    # Wagtail's pages share one view: the pages of one section count as one.
    parts = urlsplit(url).path.strip("/").split("/")
    return f"page:{parts[0]}:{len(parts)}"


def crawl(client, extra=()):
    """The site's POST forms with a field to fill, one per view they post to,
    from one page per view (a second topic shows the same forms as the first)."""
    seen, queue, forms = set(), list(START) + list(extra), {}
    while queue and len(seen) < MAX_PAGES:
        url = queue.pop(0)
        view = _view(url)
        if view is None or view in seen or SKIP.search(url):
            continue
        seen.add(view)
        response = client.get(url)
        assert response.status_code < 500, url
        if "text/html" not in response.get("Content-Type", ""):
            continue
        page = Forms()
        page.feed(response.content.decode())
        queue += [link for link in page.links if link not in seen]
        for form in page.forms:
            action = form["action"] or url.split("?")[0]
            if SKIP.search(action) or not any(
                name != "csrfmiddlewaretoken" for name, _k, _v in form["fields"]
            ):
                continue
            name = _view(action)
            if name is not None:
                forms.setdefault(name, (action, form))
    return forms


def body(form, value, raw):
    """The form's fields, typed ones set to `value`, as form-encoded text."""
    pairs = []
    for name, kind, default in form["fields"]:
        if kind == "file":
            continue
        hostile = name in hostile_fields(form)
        text = value if hostile else (default or "")
        encoded = text if raw and hostile else quote(text, safe="")
        pairs.append(f"{quote(name, safe='')}={encoded}")
    return "&".join(pairs)


def hostile_fields(form):
    return [
        name
        for name, kind, _v in form["fields"]
        if kind not in KEPT and name != "csrfmiddlewaretoken"
    ]


def stored(needle):
    """The text columns where `needle` is found."""
    found = []
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, models.CharField | models.TextField):
                lookup = {f"{field.name}__contains": needle}
                if model._base_manager.filter(**lookup).exists():
                    found.append(f"{model._meta.label}.{field.name}")
    return found


@pytest.fixture
def site(db):
    call_command("seed_demo", members=12, committees=4, seed=5)
    admin = UserFactory(is_superuser=True, is_staff=True)
    client = Client(raise_request_exception=False)  # a 500 is reported, by view
    client.force_login(admin)
    upcoming = EventPage.objects.live().filter(start__gt=timezone.now())
    extra = [event.url for event in upcoming.order_by("start")[:1]]
    return client, crawl(client, extra), admin


def test_hostile_input_gets_a_clear_answer_and_nothing_bad_is_stored(site):
    client, forms, _admin = site
    for name in ("activity:post_create", "activity:comment_create",
                 "members:profile_edit", "forums:reply", "forums:topic_create",
                 "chat:send", "welcome:apply", "welcome:note", "events:rsvp",
                 "members:email_change", "account_change_password"):  # fmt: skip
        assert name in forms, sorted(forms)  # the walk finds what members use
    wrong = []
    for case, (value, expect) in CASES.items():
        raw = expect == "refused-raw"
        for name, (action, form) in sorted(forms.items()):
            response = client.post(
                action,
                body(form, value, raw),
                content_type="application/x-www-form-urlencoded",
            )
            refused = response.status_code == 400 and "texte" in response.text
            if response.status_code >= 500 or (
                expect.startswith("refused") and hostile_fields(form) and not refused
            ):
                wrong.append((case, name, response.status_code))
        if expect.startswith("refused") or expect == "not-stored":
            needle = MARK + ("y" * 50 if case == "oversize" else "")
            wrong += [(case, "stored in", column) for column in stored(needle)]
        if expect == "cleaned":
            wrong += [(case, "stored in", c) for c in stored("\x1b") + stored("\x01")]
    assert wrong == [], "\n".join(map(str, wrong))


def test_duplicated_fields_and_a_missing_csrf_token_are_answered(site):
    client, forms, admin = site
    strict = Client(enforce_csrf_checks=True, raise_request_exception=False)
    strict.force_login(admin)
    wrong = []
    for name, (action, form) in sorted(forms.items()):
        doubled = body(form, f"{MARK}-a", False) + "&" + body(form, "b", False)
        response = client.post(
            action, doubled, content_type="application/x-www-form-urlencoded"
        )
        if response.status_code >= 500:
            wrong.append((name, "doubled", response.status_code))
        response = strict.post(
            action,
            body(form, f"{MARK}-csrf", False),
            content_type="application/x-www-form-urlencoded",
        )
        if response.status_code != 403:
            wrong.append((name, "no CSRF token", response.status_code))
    assert wrong == [], "\n".join(map(str, wrong))
    assert stored(f"{MARK}-csrf") == []


def _png(width, height):
    buffer = io.BytesIO()
    Image.new("1", (width, height)).save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def _jpeg():
    buffer = io.BytesIO()
    Image.new("RGB", (64, 64), "red").save(buffer, "JPEG")
    return buffer.getvalue()


FILES = {
    "decompression-bomb": ("bombe.png", _png(20_000, 20_000)),
    "text-named-jpg": ("photo.jpg", b"ceci n'est pas une photo\n" * 10),
    "svg-with-script": (
        "image.svg",
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    ),
    "truncated-jpeg": ("coupee.jpg", _jpeg()[:300]),
}


def test_hostile_files_get_a_clear_answer_and_are_not_stored(site):
    client, forms, _admin = site
    uploads = [(n, f) for n, (_a, f) in forms.items() if f["multipart"]]
    assert uploads, "the profile and the post forms take photos"
    wrong = []
    for (case, (filename, content)), (name, form) in itertools.product(
        FILES.items(), uploads
    ):
        data = {}
        for field, kind, default in form["fields"]:
            if kind == "file":
                data[field] = io.BytesIO(content)
                data[field].name = filename
            else:
                typed = kind not in KEPT and kind != "hidden"
                data[field] = f"{MARK}-file" if typed else default or ""
        response = client.post(forms[name][0], data)
        if response.status_code >= 500:
            wrong.append((case, name, response.status_code))
    assert wrong == [], "\n".join(map(str, wrong))
    assert stored(f"{MARK}-file") == []
