"""The speed test's transfers from outside: members only, sizes capped by the
server whatever is asked, incompressible data, uploads read and forgotten up to
a cap, a few tests' worth per hour, and nginx sending the file in production."""

import zlib

import pytest
from django.urls import reverse

from territory import transfers, views

pytestmark = pytest.mark.django_db

PING = reverse("territory:ping")
DOWN = reverse("territory:download")
UP = reverse("territory:upload")


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_transfers_are_for_members_only(client):
    for url in (PING, DOWN):
        response = client.get(url)
        assert response.status_code == 302 and "/comptes/login/" in response.url
    response = client.post(UP, b"x" * 10, content_type="application/octet-stream")
    assert response.status_code == 302


def test_the_download_sends_the_asked_range_of_random_bytes(client_member):
    response = client_member.get(DOWN, headers={"range": "bytes=0-99999"})
    assert response.status_code == 206
    data = body(response)
    assert len(data) == 100_000 == int(response["Content-Length"])
    assert response["Content-Range"] == f"bytes 0-99999/{transfers.MAX_DOWNLOAD_BYTES}"
    assert response["Cache-Control"] == "no-store"
    assert "Content-Encoding" not in response  # sent as it is
    assert len(zlib.compress(data, 9)) > 0.99 * len(data)  # incompressible


@pytest.mark.parametrize(
    "asked",
    ["bytes=0-999999999999", "bytes=0-", "", "bytes=5-1", "items=0-9", "bytes=0-1,5-9"],
)
def test_no_request_makes_the_server_send_more_than_its_cap(client_member, asked):
    response = client_member.get(DOWN, headers={"range": asked} if asked else {})
    assert int(response["Content-Length"]) <= transfers.MAX_DOWNLOAD_BYTES
    assert len(body(response)) == int(response["Content-Length"])


def test_the_upload_is_read_and_forgotten_up_to_a_cap(client_member):
    response = client_member.post(
        UP, b"\x00" * 300_000, content_type="application/octet-stream"
    )
    assert response.status_code == 200 and response.json() == {"received": 300_000}
    too_much = b"\x00" * (transfers.MAX_UPLOAD_BYTES + 1)
    response = client_member.post(UP, too_much, content_type="application/octet-stream")
    assert response.status_code == 413
    assert response.json()["error"] == "Trop de données envoyées."


def test_the_upload_needs_the_csrf_token(member):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    response = client.post(UP, b"x" * 10, content_type="application/octet-stream")
    assert response.status_code == 403


def test_a_few_tests_worth_of_transfers_per_hour(client_member, settings):
    for _ in range(views.TRANSFER_RATE.limit):
        assert client_member.get(PING).status_code == 204
    response = client_member.get(DOWN, headers={"range": "bytes=0-9"})
    assert response.status_code == 429
    assert "réessayez plus tard" in response.json()["error"]
    assert client_member.get(PING).status_code == 429


def test_nginx_sends_the_file_in_production(client_member, settings):
    settings.SPEEDTEST_NGINX = True
    response = client_member.get(DOWN, headers={"range": "bytes=0-999"})
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == "/_debit/donnees.bin"
    assert response.content == b""
    # The file nginx sends is there, whole, where deploy/nginx/sohosolo.conf says.
    path = transfers.file_path()
    assert path.stat().st_size == transfers.MAX_DOWNLOAD_BYTES
    assert path.parent.name == "speedtest" and path.name == "donnees.bin"


def test_the_rendered_nginx_site_sends_the_file_from_the_var_dir(tmp_path):
    from tests.intranet.test_deploy import render

    nginx = (render(tmp_path) / "nginx" / "sohosolo.conf").read_text()
    location = nginx.split("location /_debit/ {")[1].split("}")[0]
    assert "internal;" in location
    assert "alias /srv/sohosolo/var/speedtest/;" in location
    assert "DJANGO_SPEEDTEST_NGINX=1" in (tmp_path / "sohosolo.env").read_text()
