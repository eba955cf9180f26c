"""The meetup page names a bounded set of going members (those the reader
follows first, then the latest) with the counts, keeps the reader's own answer
and form, and links to the full lists, paginated on their own page."""

import pytest

from communes.models import Commune
from events import selectors, services
from members import services as member_services
from members.models import Profile, Visibility
from tests.factories import CommitteeMembershipFactory, EventPageFactory, UserFactory

pytestmark = pytest.mark.django_db


def attendees_url(event) -> str:
    return event.url + "participants/"


def going(event, count: int, *, last: str = "Invité"):
    people = [
        UserFactory(first_name="Membre", last_name=f"{last}{n:03d}")
        for n in range(count)
    ]
    for person in people:
        services.rsvp_set(event=event, user=person, going=True)
    return people


def test_the_page_names_a_few_going_members_followed_first(client_member, member):
    event = EventPageFactory()
    people = going(event, 30)
    member_services.member_follow(user=member, other=people[0])  # the first to answer
    services.rsvp_set(event=event, user=member, going=True)

    body = client_member.get(event.url).content.decode()
    names = body[body.index('id="going-title"') :]
    assert names.count('<li><a href="/membres/') == selectors.GOING_SHOWN
    assert names.index("Membre Invité000") < names.index("Camille Laborde")  # followed
    assert "Membre Invité005" not in names  # an early answer: on the full list
    assert "31 membres" in body  # the count, the reader included
    assert f'href="{attendees_url(event)}"' in body
    # The reader's own answer and the form stay.
    assert 'id="reponse"' in body and 'name="going"' in body


def test_the_full_list_is_paginated_and_a_missing_page_says_so(client_member):
    event = EventPageFactory()
    going(event, selectors.ATTENDEES_PER_PAGE + 7)
    first = client_member.get(attendees_url(event))
    assert first.status_code == 200
    body = first.content.decode()
    assert body.count("Membre Invité") == selectors.ATTENDEES_PER_PAGE
    assert 'rel="next"' in body and "page 1 sur 2" in body
    second = client_member.get(attendees_url(event), {"page": 2}).content.decode()
    assert second.count("Membre Invité") == 7 and 'start="51"' in second

    for asked in ("3", "x", "0"):
        missing = client_member.get(attendees_url(event), {"page": asked})
        assert missing.status_code == 404
        assert "Cette page de la liste n’existe pas" in missing.content.decode()


def test_the_waiting_list_is_for_the_organisers(client, committee, member):
    event = EventPageFactory(parent=committee, capacity=2)
    going(event, 5)  # 2 going, 3 waiting
    client.force_login(member)
    assert client.get(attendees_url(event), {"liste": "attente"}).status_code == 403

    referent = CommitteeMembershipFactory(committee=committee, role="referent").user
    client.force_login(referent)
    response = client.get(attendees_url(event), {"liste": "attente"})
    assert response.status_code == 200
    assert response.content.decode().count("Membre Invité") == 3


def test_the_full_list_shows_a_commune_only_where_its_member_lets_it(client_member):
    event = EventPageFactory()
    hidden, shown = going(event, 2)
    Profile.objects.filter(user=hidden).update(
        commune=Commune.objects.get(name="Marciac"),
        commune_visibility=Visibility.NOBODY,
        phone="05 62 11 11 11",
        phone_visibility=Visibility.NOBODY,
    )
    Profile.objects.filter(user=shown).update(
        commune=Commune.objects.get(name="Lectoure"),
        commune_visibility=Visibility.MEMBERS,
    )
    for url in (event.url, attendees_url(event)):
        body = client_member.get(url).content.decode()
        assert "Marciac" not in body and "05 62 11 11 11" not in body
        assert hidden.email not in body
    assert "Lectoure" in client_member.get(attendees_url(event)).content.decode()


@pytest.mark.parametrize("count", [5, 80])
def test_the_meetup_pages_cost_a_flat_number_of_queries(
    client_member, member, count, django_assert_max_num_queries
):
    event = EventPageFactory(capacity=count // 2)
    going(event, count)
    services.rsvp_set(event=event, user=member, going=True)
    client_member.get(event.url)  # the cache warm, as after any member's visit
    with django_assert_max_num_queries(23):
        assert client_member.get(event.url).status_code == 200
    with django_assert_max_num_queries(20):
        assert client_member.get(attendees_url(event)).status_code == 200
