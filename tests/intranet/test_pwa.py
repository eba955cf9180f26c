"""The app on a phone, over HTTP: the manifest, the service worker's script and
the offline page, open to all and holding nothing of anyone's."""

import json

import pytest
from django.contrib.staticfiles import finders
from PIL import Image

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_manifest_makes_the_site_installable_in_french(client):
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["lang"] == "fr"
    assert manifest["name"] == "Sohosolo, le réseau des télétravailleurs du Gers"
    assert manifest["short_name"] == "Sohosolo"
    assert manifest["display"] == "standalone"
    assert manifest["start_url"] == "/" and manifest["scope"] == "/"
    assert manifest["theme_color"] == "#1b5e4b"
    sizes = set()
    for icon in manifest["icons"]:
        if icon["type"] != "image/png":
            continue
        path = finders.find(icon["src"].removeprefix("/static/"))
        with Image.open(path) as image:
            assert f"{image.width}x{image.height}" == icon["sizes"]
        sizes.add((icon["sizes"], icon["purpose"]))
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= sizes


def test_the_service_worker_is_served_from_the_root(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/javascript"
    assert response["Cache-Control"] == "no-cache"  # browsers check it each visit
    assert response["Service-Worker-Allowed"] == "/"
    script = response.content.decode()
    assert '"offline": "/hors-ligne/"' in script
    assert '"logout": "/comptes/logout/"' in script
    assert "/static/css/site" in script
    assert script == client.get("/sw.js").content.decode()  # same bytes, no update


def test_the_offline_page_is_french_and_holds_nothing_of_the_member(client):
    member = UserFactory(first_name="Camille", last_name="Sansnom")
    client.force_login(member)
    response = client.get("/hors-ligne/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Vous êtes hors ligne" in page
    assert "Sansnom" not in page and member.email not in page
    assert "<!--offline-pages-->" in page  # where the worker lists its copies


def test_pages_say_whether_they_are_for_someone_signed_in(client):
    page = client.get("/comptes/login/").content.decode()
    assert 'rel="manifest" href="/manifest.webmanifest"' in page
    assert 'data-worker="/sw.js" data-signed-out' in page
    client.force_login(UserFactory())
    page = client.get("/").content.decode()
    assert "data-signed-out" not in page
    assert "data-offline-note" in page and 'rel="manifest"' in page
