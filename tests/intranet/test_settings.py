"""Settings come from the environment: each case is read in a fresh process."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROBE = """
import json
from django.conf import settings
print(json.dumps({
    "debug": settings.DEBUG,
    "db_engine": settings.DATABASES["default"]["ENGINE"],
    "db_name": str(settings.DATABASES["default"]["NAME"]),
    "db_host": settings.DATABASES["default"].get("HOST", ""),
    "db_options": settings.DATABASES["default"].get("OPTIONS", {}),
    "cache": settings.CACHES["default"]["BACKEND"],
    "cache_location": settings.CACHES["default"].get("LOCATION", ""),
    "layer": settings.CHANNEL_LAYERS["default"]["BACKEND"],
    "layer_hosts": settings.CHANNEL_LAYERS["default"].get("CONFIG", {}).get("hosts"),
    "email_backend": settings.EMAIL_BACKEND,
    "email_host": settings.EMAIL_HOST,
    "email_port": settings.EMAIL_PORT,
    "email_tls": settings.EMAIL_USE_TLS,
    "hosts": settings.ALLOWED_HOSTS,
    "csrf_origins": settings.CSRF_TRUSTED_ORIGINS,
    "media_root": str(settings.MEDIA_ROOT),
    "secret_key": settings.SECRET_KEY,
    "https": settings.SESSION_COOKIE_SECURE and settings.SECURE_SSL_REDIRECT,
    "language": settings.LANGUAGE_CODE,
    "first_app": settings.INSTALLED_APPS[0],
    "hsts": [
        settings.SECURE_HSTS_SECONDS,
        settings.SECURE_HSTS_INCLUDE_SUBDOMAINS,
        settings.SECURE_HSTS_PRELOAD,
    ],
    "silenced": settings.SILENCED_SYSTEM_CHECKS,
}))
"""
VARIABLES = [
    "DATABASE_URL",
    "REDIS_URL",
    "EMAIL_URL",
    "MEDIA_ROOT",
    "DJANGO_SECRET_KEY",
    "DJANGO_DEBUG",
    "DJANGO_ALLOWED_HOSTS",
    "DJANGO_CSRF_TRUSTED_ORIGINS",
    "DJANGO_HTTPS",
    "DJANGO_HSTS_SECONDS",
    "DJANGO_HSTS_INCLUDE_SUBDOMAINS",
    "DJANGO_HSTS_PRELOAD",
    "DJANGO_VAR_DIR",
    "DJANGO_BACKUP_DIR",
    "DJANGO_BACKUP_KEY",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
]


def read_settings(tmp_path, **variables):
    env = {k: v for k, v in os.environ.items() if k not in VARIABLES}
    env.update(DJANGO_SETTINGS_MODULE="intranet.settings", DJANGO_VAR_DIR=str(tmp_path))
    env.update(variables)
    out = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()\n" + PROBE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout)


def test_defaults_are_the_embedded_set_up(tmp_path):
    values = read_settings(tmp_path)
    assert values["db_engine"] == "django.db.backends.sqlite3"
    assert values["db_name"] == str(tmp_path / "db.sqlite3")
    assert "journal_mode=WAL" in values["db_options"]["init_command"]
    assert values["cache"].endswith("LocMemCache")
    assert values["layer"] == "intranet.layers.InMemoryChannelLayer"
    assert values["email_backend"] == "django.core.mail.backends.console.EmailBackend"
    assert values["debug"] is False
    assert values["hosts"] == ["localhost", "127.0.0.1"]
    assert values["media_root"] == str(tmp_path / "media")
    assert values["https"] is False
    assert values["hsts"] == [0, False, False]
    assert values["language"] == "fr"
    assert values["first_app"] == "daphne"


def test_development_secret_key_is_generated_once_into_var(tmp_path):
    first = read_settings(tmp_path)["secret_key"]
    second = read_settings(tmp_path)["secret_key"]
    assert first == second
    assert len(first) >= 50
    assert (tmp_path / "secret_key").read_text() == first
    assert oct((tmp_path / "secret_key").stat().st_mode)[-3:] == "600"


def test_production_urls_switch_on_postgresql_redis_and_smtp(tmp_path):
    values = read_settings(
        tmp_path,
        DATABASE_URL="postgres://intranet:secret@db.internal:5432/sohosolo",
        REDIS_URL="redis://cache.internal:6379/2",
        EMAIL_URL="smtp+tls://mailer:pw@smtp.internal:587",
        MEDIA_ROOT="/srv/sohosolo/media",
        DJANGO_SECRET_KEY="k" * 60,
        DJANGO_DEBUG="1",
        DJANGO_ALLOWED_HOSTS="intranet.sohosolo.fr,www.sohosolo.fr",
        DJANGO_CSRF_TRUSTED_ORIGINS="https://intranet.sohosolo.fr",
        DJANGO_HTTPS="1",
    )
    assert values["db_engine"] == "django.db.backends.postgresql"
    assert (values["db_name"], values["db_host"]) == ("sohosolo", "db.internal")
    assert values["cache"] == "intranet.cache.FailSoftRedisCache"
    assert values["cache_location"] == "redis://cache.internal:6379/2"
    assert values["layer"] == "channels_redis.pubsub.RedisPubSubChannelLayer"
    assert values["layer_hosts"] == ["redis://cache.internal:6379/2"]
    assert values["email_backend"] == "django.core.mail.backends.smtp.EmailBackend"
    assert (values["email_host"], values["email_port"]) == ("smtp.internal", 587)
    assert values["email_tls"] is True
    assert values["media_root"] == "/srv/sohosolo/media"
    assert values["secret_key"] == "k" * 60
    assert values["debug"] is True
    assert values["hosts"] == ["intranet.sohosolo.fr", "www.sohosolo.fr"]
    assert values["csrf_origins"] == ["https://intranet.sohosolo.fr"]
    assert values["https"] is True
    assert values["hsts"] == [3600, False, False]


@pytest.mark.parametrize(
    "variables, hsts",
    [
        ({"DJANGO_HTTPS": "1"}, [3600, False, False]),
        ({"DJANGO_HTTPS": "1", "DJANGO_HSTS_SECONDS": "0"}, [0, False, False]),
        (
            {
                "DJANGO_HTTPS": "1",
                "DJANGO_HSTS_SECONDS": "31536000",
                "DJANGO_HSTS_INCLUDE_SUBDOMAINS": "1",
                "DJANGO_HSTS_PRELOAD": "1",
            },
            [31536000, True, True],
        ),
        ({"DJANGO_HSTS_SECONDS": "600"}, [600, False, False]),
    ],
    ids=["https-starts-with-an-hour", "switched-off", "all-asked-for", "without-https"],
)
def test_hsts_is_short_by_default_and_each_part_only_when_asked(
    tmp_path, variables, hsts
):
    assert read_settings(tmp_path, **variables)["hsts"] == hsts


HEADER = """
import django
django.setup()
from django.http import HttpResponse
from django.middleware.security import SecurityMiddleware
from django.test import RequestFactory
request = RequestFactory().get("/", headers={"x-forwarded-proto": "https"})
response = SecurityMiddleware(lambda request: HttpResponse())(request)
print(response.headers.get("Strict-Transport-Security", ""))
"""


@pytest.mark.parametrize(
    "variables, header",
    [
        ({}, "max-age=3600"),
        ({"DJANGO_HSTS_SECONDS": "0"}, ""),
        (
            {
                "DJANGO_HSTS_SECONDS": "63072000",
                "DJANGO_HSTS_INCLUDE_SUBDOMAINS": "1",
                "DJANGO_HSTS_PRELOAD": "1",
            },
            "max-age=63072000; includeSubDomains; preload",
        ),
    ],
    ids=["default", "off", "all"],
)
def test_hsts_header_sent_over_https(tmp_path, variables, header):
    env = {k: v for k, v in os.environ.items() if k not in VARIABLES}
    env.update(
        DJANGO_SETTINGS_MODULE="intranet.settings",
        DJANGO_VAR_DIR=str(tmp_path),
        DJANGO_HTTPS="1",
        **variables,
    )
    out = subprocess.run(
        [sys.executable, "-c", HEADER],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == header


@pytest.mark.parametrize(
    "extra, expected_rc",
    [
        ({}, 0),
        ({"DJANGO_HSTS_SECONDS": "0"}, 0),
        (
            {
                "DJANGO_HSTS_SECONDS": "31536000",
                "DJANGO_HSTS_INCLUDE_SUBDOMAINS": "1",
                "DJANGO_HSTS_PRELOAD": "1",
            },
            0,
        ),
        # Plain HTTP on purpose (a closed network), written out: its choice.
        ({"DJANGO_HTTPS": "0"}, 0),
        # Left unsaid: the HTTPS settings are still asked for.
        ({"DJANGO_HTTPS": None}, 1),
    ],
    ids=[
        "production-values",
        "hsts-left-off",
        "hsts-in-full",
        "plain-http-chosen",
        "https-unsaid",
    ],
)
def test_check_deploy_with_production_values(tmp_path, extra, expected_rc):
    env = {k: v for k, v in os.environ.items() if k not in VARIABLES}
    env.update(
        {
            "DJANGO_VAR_DIR": str(tmp_path),
            "DJANGO_SECRET_KEY": "a-long-random-production-secret-" + "x9Z" * 20,
            "DJANGO_ALLOWED_HOSTS": "intranet.sohosolo.fr",
            "DJANGO_CSRF_TRUSTED_ORIGINS": "https://intranet.sohosolo.fr",
            "DJANGO_HTTPS": "1",
            **extra,
        }
    )
    if extra.get("DJANGO_HTTPS", "") is None:
        del env["DJANGO_HTTPS"]
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == expected_rc, result.stdout + result.stderr
    for check in ("W005", "W021"):
        assert f"security.{check}" not in result.stdout + result.stderr
    # HSTS and secure cookies are reported when nobody chose to leave them off.
    for check in ("W004", "W008", "W012", "W016"):
        reported = f"security.{check}" in result.stdout + result.stderr
        assert reported is (extra == {"DJANGO_HTTPS": None}), check
