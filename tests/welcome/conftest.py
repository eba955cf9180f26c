import pytest
from django.contrib.auth.models import Group

from committees.models import CommitteeMembership
from tests.factories import (
    CommitteeMembershipFactory,
    CommitteePageFactory,
    UserFactory,
)
from welcome import services

TEAM = "Équipe programme"
Role = CommitteeMembership.Role


def submit(**changes):
    """A family's project, as the public form's service stores it."""
    data = {
        "adults": [
            {"first_name": "Léa", "last_name": "Martin", "email": "lea@example.net",
             "profession": "Traductrice", "work_mode": "freelance"},
            {"first_name": "Hugo", "last_name": "Martin", "email": "hugo@example.net",
             "profession": "Développeur", "work_mode": "employee"},
        ],
        "children": [{"first_name": "Zoé", "school_level": "primary"}],
        "email": "lea@example.net",
        "current_location": "Lyon, France",
        "timeline": "6m",
        "tenure": "rent",
        "housing_type": "village",
        "broadband": "video",
        "questions": "Y a-t-il une école au village ?",
    }  # fmt: skip
    data.update(changes)
    return services.project_submit(**data)


@pytest.fixture
def team_member(db):
    user = UserFactory(first_name="Claire", last_name="Dubosc")
    user.groups.add(Group.objects.get(name=TEAM))
    return user


@pytest.fixture
def committee(db):
    return CommitteePageFactory(title="Comité d'accueil de Marciac", slug="marciac")


@pytest.fixture
def referent(committee):
    return CommitteeMembershipFactory(
        committee=committee,
        role=Role.REFERENT,
        user__first_name="Michelle",
        user__last_name="Morel",
    ).user


@pytest.fixture
def volunteer(committee):
    return CommitteeMembershipFactory(
        committee=committee,
        role=Role.VOLUNTEER,
        user__first_name="Simone",
        user__last_name="Grondin",
    ).user


@pytest.fixture
def project(team_member):
    return submit()


@pytest.fixture
def routed(project, team_member, committee, referent):
    services.project_move(project=project, by=team_member, to="qualified")
    return services.project_route(project=project, by=team_member, committee=committee)


@pytest.fixture
def sponsored(routed, referent, volunteer):
    return services.project_sponsor_set(project=routed, by=referent, sponsor=volunteer)
