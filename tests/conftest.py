import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache

from tests.factories import PASSWORD, CommitteePageFactory, UserFactory

NETWORK_EDITORS = "Équipe réseau"
# The local SMTP server fixture (`smtp_server`), for any test that sends for real.
pytest_plugins = ["tests.smtp"]


def pytest_configure(config):
    from django.conf import settings
    from django.test import override_settings

    # The live server's request threads must not keep connections open, or the
    # PostgreSQL test database cannot be dropped at the end.
    settings.DATABASES["default"]["CONN_MAX_AGE"] = 0
    # For the whole session (the live server thread outlives any one test), through
    # override_settings so that cached storages and hashers are reset: templates use
    # {% static %} and tests do not run collectstatic first.
    override_settings(
        CACHES=_cache_of_this_worker(settings.CACHES),
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        STORAGES={
            **settings.STORAGES,
            "staticfiles": {
                "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
            },
        },
    ).enable()


def _cache_of_this_worker(caches):
    """Each xdist worker gets a Redis database of its own: tests clear the cache
    (FLUSHDB), which must not wipe another worker's login counters."""
    import os
    import re

    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    location = caches["default"].get("LOCATION", "")
    found = re.match(r"(redis://[^/]+)/(\d+)$", location)
    if not found:
        return caches
    number = (int(found[2]) - int(worker[2:])) % 16
    return {"default": {**caches["default"], "LOCATION": f"{found[1]}/{number}"}}


@pytest.fixture(autouse=True)
def _isolated(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"  # uploads never land in var/
    settings.VAR_DIR = tmp_path / "var"  # nor the commands' lock files
    cache.clear()  # login throttling counts live in the cache
    yield
    cache.clear()


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture
def member(db):
    return UserFactory(first_name="Camille", last_name="Laborde")


@pytest.fixture
def other_member(db):
    return UserFactory(first_name="Bastien", last_name="Dupouy")


@pytest.fixture
def network_editor(db):
    user = UserFactory(first_name="Claire", last_name="Dubosc")
    user.groups.add(Group.objects.get(name=NETWORK_EDITORS))
    return user


@pytest.fixture
def committee(db):
    return CommitteePageFactory(title="Comité d'accueil d'Auch", slug="auch")


@pytest.fixture
def client_member(client, member):
    client.force_login(member)
    return client
