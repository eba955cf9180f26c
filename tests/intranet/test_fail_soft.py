"""The site when a part fails: Redis stopped, the database gone, an error.

Redis is a real redis-server of the test's own, stopped and started again; the
site is driven through the test client with the production cache and channel
layer pointed at it.
"""

import shutil
import sys
import time

import pytest
from django.core.cache import caches
from django.db import OperationalError
from django.test import override_settings
from django.urls import reverse

from bench.faults import Redis
from intranet import cache as fail_soft
from intranet import views
from tests.factories import UserFactory

needs_redis = pytest.mark.skipif(
    not shutil.which("redis-server"), reason="redis-server is not installed"
)


@pytest.fixture
def redis():
    server = Redis()
    server.start()
    yield server
    server.stop()


def production_cache(url):
    return override_settings(
        CACHES={
            "default": {
                "BACKEND": "intranet.cache.FailSoftRedisCache",
                "LOCATION": url,
                "KEY_PREFIX": "test",
            }
        },
        CHANNEL_LAYERS={
            "default": {
                "BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer",
                "CONFIG": {"hosts": [url]},
            }
        },
    )


@needs_redis
def test_the_cache_falls_back_to_local_memory_and_returns_to_redis(
    redis, monkeypatch, caplog
):
    monkeypatch.setattr(fail_soft, "RETRY_AFTER", 0.2)
    with production_cache(redis.url):
        cache = caches["default"]
        cache.set("k", "in redis")
        assert cache.ping() and cache.get("k") == "in redis"
        redis.stop()
        assert cache.get("k") is None  # a miss: computed again by the caller
        cache.set("k", "in memory")
        assert cache.get("k") == "in memory"
        assert cache.add("k2", 1) and cache.incr("k2") == 2  # limits still count
        assert cache.is_down and not cache.ping()
        assert "Redis cache unavailable" in caplog.text
        assert caplog.text.count("Redis cache unavailable") == 1  # once per outage
        redis.start()
        time.sleep(0.3)  # past RETRY_AFTER
        cache.set("k", "back in redis")
        assert not cache.is_down and cache.ping()
        assert cache.get("k") == "back in redis"


@needs_redis
def test_with_redis_stopped_members_read_pages_log_in_and_are_throttled(
    redis, client, db, password
):
    member = UserFactory(password=password)
    with production_cache(redis.url):
        caches["default"].clear()
        redis.stop()
        health = client.get("/health/")
        assert health.status_code == 503
        assert health.json() == {
            "status": "error", "database": "ok", "cache": "error",
            "channel_layer": "error",
        }  # fmt: skip
        login = reverse("account_login")
        answer = client.post(login, {"login": member.email, "password": password})
        assert answer.status_code == 302
        for url in ("/", "/fil/", "/membres/", "/discussions/", "/notifications/",
                    "/forums/", "/recherche/?q=gers"):  # fmt: skip
            assert client.get(url).status_code == 200, url
        client.logout()
        statuses = []
        for _attempt in range(6):
            last = client.post(login, {"login": member.email, "password": "faux"})
            statuses.append(last.status_code)
        # allauth's limits still count, in local memory: five failures per
        # address, then « Trop de tentatives » (or 429 past the per-IP limit).
        assert statuses[0] == 200
        assert statuses[-1] == 429 or "Trop de tentatives" in last.content.decode()
        redis.start()
        caches["default"]._down_until = 0  # as after RETRY_AFTER seconds
        assert client.get("/health/").json()["cache"] == "ok"


def test_with_the_database_gone_pages_answer_a_french_503_then_recover(
    client_member, monkeypatch
):
    from django.db.backends.base.base import BaseDatabaseWrapper

    def refuse(self, *args, **kwargs):
        raise OperationalError("connection to server failed: Connection refused")

    client_member.raise_request_exception = False
    with monkeypatch.context() as outage:
        outage.setattr(BaseDatabaseWrapper, "cursor", refuse)
        response = client_member.get("/fil/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    page = response.content.decode()
    assert "Le site est en maintenance" in page and "Réessayez" in page
    assert "Connection refused" not in page and "Traceback" not in page
    assert client_member.get("/fil/").status_code == 200  # no restart needed


@pytest.mark.parametrize(
    "template, text",
    [("500.html", "Une erreur est survenue"), ("503.html", "maintenance")],
)
def test_the_500_and_503_pages_need_neither_database_nor_cache(
    rf, db, django_assert_num_queries, template, text
):
    request = rf.get("/fil/")
    try:
        raise (OperationalError if template == "503.html" else RuntimeError)("x")
    except Exception:
        assert sys.exc_info()[1] is not None
        with django_assert_num_queries(0):
            response = views.server_error(request)
    assert response.status_code == int(template[:3])
    assert text in response.content.decode()


def test_error_pages_are_french_and_in_the_sites_look(client_member, client):
    page = client_member.get("/nulle-part/")
    assert page.status_code == 404
    assert "Cette page n’existe pas" in page.content.decode()
    assert 'name="q"' in page.content.decode()  # a search to find one's way
    strict = client.__class__(enforce_csrf_checks=True)
    refused = strict.post(reverse("welcome:link_request"), {"email": "a@b.fr"})
    assert refused.status_code == 403
    assert "Ce formulaire a expiré" in refused.content.decode()
    assert "site.css" in refused.content.decode()


@pytest.mark.parametrize(
    "query, body, status, text",
    [
        ("q=%FF", None, 400, "L’adresse contient des caractères"),
        ("", "texte=%C3%28", 400, "Le formulaire a envoyé des caractères"),
        ("", "texte=a%00b", 400, "Le formulaire a envoyé des caractères"),
        ("", "texte=%ED%A0%80", 400, "Le formulaire a envoyé des caractères"),
    ],
)
def test_text_that_is_not_utf8_is_refused_with_a_clear_message(
    client_member, query, body, status, text
):
    url = reverse("activity:post_create") + (f"?{query}" if query else "")
    if body is None:
        response = client_member.get(url)
    else:
        response = client_member.post(
            url, body, content_type="application/x-www-form-urlencoded"
        )
    assert response.status_code == status
    assert text in response.content.decode()


def test_control_characters_are_taken_out_of_what_members_write(client_member):
    from activity.models import FeedPost

    response = client_member.post(
        reverse("activity:post_create"), {"body": "Bon\x1b[31mjour\x07 à\ttous"}
    )
    assert response.status_code == 302
    assert FeedPost.objects.get().body == "Bon[31mjour à\ttous"


def test_a_search_with_a_nul_byte_answers(client_member):
    response = client_member.get("/recherche/?q=%00gers%01")
    assert response.status_code == 200


def test_too_large_a_request_gets_413_before_it_is_read(client_member, settings):
    settings.MAX_REQUEST_BYTES = 1000
    response = client_member.post(
        reverse("activity:post_create"),
        "body=" + "x" * 2000,
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 413
    assert "trop volumineux" in response.content.decode()


def test_a_wagtail_edit_without_its_streamfield_counts_gets_400(client, db):
    from wagtail.models import Page

    from home.models import StandardPage

    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    page = Page.objects.get(depth=2).add_child(
        instance=StandardPage(title="Charte", slug="charte")
    )
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        {"title": "Charte", "slug": "charte"},  # no "body-count"
    )
    assert response.status_code == 400
    assert "incomplet" in response.content.decode()


def test_daphne_answers_414_to_a_request_line_too_long():
    import socket

    from bench.faults import Daphnes

    servers = Daphnes(1, {})
    servers.start()
    try:
        with socket.create_connection(("127.0.0.1", servers.ports[0]), 5) as link:
            link.sendall(b"GET /recherche/?q=" + b"x" * 1_000_000 + b" HTTP/1.1\r\n")
            answer = link.recv(200)
    finally:
        servers.stop()
    assert answer.startswith(b"HTTP/1.1 414")


def test_pages_leave_compressed_and_photos_as_they_are(client_member):
    page = client_member.get("/membres/", HTTP_ACCEPT_ENCODING="gzip")
    assert page["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in page["Vary"]
    import gzip

    assert b"</html>" in gzip.decompress(page.content)
    download = client_member.get(
        reverse("members:data_download"), HTTP_ACCEPT_ENCODING="gzip"
    )
    assert download["Content-Type"] == "application/zip"
    assert not download.has_header("Content-Encoding")
