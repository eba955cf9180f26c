"""One decider for what a member shows of their e-mail, phone and commune: the
profile page, the directory and the meetup's attendees list all ask it."""

import csv
import io

import pytest
from django.urls import reverse

from communes.models import Commune
from events import services as event_services
from members import selectors
from members.models import Profile, Visibility
from tests.factories import (
    CommitteeMembershipFactory,
    CommitteePageFactory,
    EventPageFactory,
    UserFactory,
)

VISIBILITIES = [Visibility.MEMBERS, Visibility.COMMITTEES, Visibility.NOBODY]


def member_in(commune, *, visibility, first="Zoé", last="Dubarry"):
    user = UserFactory(first_name=first, last_name=last)
    Profile.objects.filter(user=user).update(
        commune=Commune.objects.get(name=commune),
        commune_visibility=visibility,
        phone="05 62 00 00 02",
        phone_visibility=visibility,
    )
    return user


def attendees(client, event):
    response = client.get(reverse("events:attendees_csv", args=[event.pk]))
    assert response.status_code == 200
    rows = csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";")
    header, *lines = rows
    assert header[4] == "Commune"
    return {line[1]: line[4] for line in lines}


@pytest.fixture
def organiser(committee):
    return CommitteeMembershipFactory(committee=committee, role="referent").user


def test_a_commune_shown_to_nobody_is_in_no_list_for_the_organiser(
    client, committee, organiser
):
    hidden = member_in("Marciac", visibility=Visibility.NOBODY)
    shown = member_in("Lectoure", visibility=Visibility.MEMBERS, first="Inès")
    event = EventPageFactory(parent=committee)
    for user in (hidden, shown):
        event_services.rsvp_set(event=event, user=user, going=True)
    client.force_login(organiser)

    assert attendees(client, event) == {str(hidden): "", str(shown): "Lectoure"}
    profile = client.get(reverse("members:profile_detail", args=[hidden.pk]))
    assert "Marciac" not in profile.content.decode()
    directory = client.get(reverse("members:directory"), {"q": "Dubarry"})
    assert "Zoé Dubarry" in directory.content.decode()
    assert "Marciac" not in directory.content.decode()
    # Nor among the directory's communes (its filter and map).


def test_the_attendees_list_shows_a_committee_only_commune_to_its_committee(
    client, committee, organiser
):
    fellow = member_in("Marciac", visibility=Visibility.COMMITTEES, first="Léa")
    CommitteeMembershipFactory(user=fellow, committee=committee)
    stranger = member_in("Condom", visibility=Visibility.COMMITTEES, first="Hugo")
    event = EventPageFactory(parent=committee)
    for user in (fellow, stranger):
        event_services.rsvp_set(event=event, user=user, going=True)
    client.force_login(organiser)
    assert attendees(client, event) == {str(fellow): "Marciac", str(stranger): ""}


@pytest.mark.parametrize("count", [5, 40])
def test_the_attendees_list_costs_the_same_queries_for_5_or_40(
    client, committee, organiser, django_assert_max_num_queries, count
):
    event = EventPageFactory(parent=committee)
    for n in range(count):
        user = member_in(
            "Auch", visibility=VISIBILITIES[n % 3], first=f"Membre{n}", last="Test"
        )
        event_services.rsvp_set(event=event, user=user, going=True)
    client.force_login(organiser)
    with django_assert_max_num_queries(14):
        assert len(attendees(client, event)) == count


@pytest.mark.parametrize("relation", ["self", "fellow", "stranger", "inactive"])
@pytest.mark.parametrize("visibility", VISIBILITIES)
def test_the_decider_and_its_database_filter_agree(committee, relation, visibility):
    owner = member_in("Marciac", visibility=visibility)
    CommitteeMembershipFactory(user=owner, committee=committee)
    viewer = {
        "self": owner,
        "fellow": CommitteeMembershipFactory(committee=committee).user,
        "stranger": CommitteeMembershipFactory(
            committee=CommitteePageFactory(title="Autre", slug="autre")
        ).user,
        "inactive": UserFactory(is_active=False),
    }[relation]
    profile = Profile.objects.get(user=owner)
    expected = relation == "self" or (
        relation != "inactive"
        and (
            visibility == Visibility.MEMBERS
            or (visibility == Visibility.COMMITTEES and relation == "fellow")
        )
    )
    decided = selectors.visible_fields(profiles=[profile], viewer=viewer)[owner.pk]
    assert decided == {
        "email": decided["email"],
        "phone": expected,
        "commune": expected,
    }
    for field in ("phone", "commune"):
        in_database = Profile.objects.filter(
            selectors.field_visible_q(field=field, viewer=viewer), pk=profile.pk
        ).exists()
        assert in_database is expected, field
