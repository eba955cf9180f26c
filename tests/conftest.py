import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache

from tests.factories import PASSWORD, CommitteePageFactory, UserFactory
from tests.workers import session_settings

NETWORK_EDITORS = "Équipe réseau"
# The local SMTP server fixture (`smtp_server`), for any test that sends for real.
pytest_plugins = ["tests.smtp"]


def pytest_configure(config):
    from django.conf import settings
    from django.test import override_settings

    # The live server's request threads must not keep connections open, or the
    # PostgreSQL test database cannot be dropped at the end.
    settings.DATABASES["default"]["CONN_MAX_AGE"] = 0
    # For the whole session: the live server thread outlives any one test.
    override_settings(**session_settings(settings)).enable()


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
