import pytest
from django.contrib.auth.models import Permission

from communes.models import Commune
from members.models import Profile
from mutualaid import services
from tests.factories import UserFactory


def live_in(user, name):
    Profile.objects.filter(user=user).update(commune=Commune.objects.get(name=name))
    user.profile.refresh_from_db()
    return user


def post(author, title="Emprunter un vidéoprojecteur", kind="request", **extra):
    extra.setdefault("category", "lend")
    return services.entry_create(author=author, kind=kind, title=title, **extra)


@pytest.fixture
def asker(member):
    return live_in(member, "Lectoure")


@pytest.fixture
def helper(other_member):
    return live_in(other_member, "Fleurance")


@pytest.fixture
def moderator(db):
    user = UserFactory(first_name="Mona", last_name="Dérateur")
    user.user_permissions.add(Permission.objects.get(codename="moderate"))
    return user
