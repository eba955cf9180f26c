from datetime import timedelta

import pytest
from django.utils import timezone

from communes.models import Commune
from members.models import Skill
from missions import services
from missions.models import Mission
from tests.factories import UserFactory


def skill(name: str) -> Skill:
    found = Skill.objects.filter(slug=Skill().slugify(name)).first()
    return found or Skill.objects.create(name=name, slug=Skill().slugify(name))


def commune(name: str) -> Commune:
    return Commune.objects.get(name=name)


USER_FIELDS = {"email", "first_name", "last_name"}


def person(*skills: str, where: str | None = None, **fields):
    """A member with `skills` on their profile, living in `where` (`fields`: of
    the user or of the profile)."""
    user = UserFactory(
        profile__commune=commune(where) if where else None,
        **{
            key if key in USER_FIELDS else f"profile__{key}": value
            for key, value in fields.items()
        },
    )
    user.profile.skills.add(*[skill(name) for name in skills])
    return user


def post(author, *, skills=("Traduction",), where: str | None = "Auch", **fields):
    today = timezone.localdate()
    values = {
        "title": "Traduire un site de tourisme en allemand",
        "description": "Un client à **Auch** veut son site en allemand.",
        "kind": Mission.Kind.TEAM,
        "skills": [skill(name) for name in skills],
        "commune": commune(where) if where else None,
        "starts_on": today + timedelta(days=10),
        "duration": Mission.Duration.WEEKS,
        "closes_on": today + timedelta(days=20),
        "budget": "",
        **fields,
    }
    return services.mission_create(author=author, **values)


@pytest.fixture
def mission(member):
    return post(member)
