"""The committee page names a bounded set of members (its board, its newest
members) with counts; every member is on a paginated list of their own; what is
the same for every member sits in the cache and is forgotten on every change."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction

from committees import selectors, services
from communes.models import Commune
from home.models import NewsPage
from members.models import Profile, Visibility
from tests.factories import CommitteeMembershipFactory, UserFactory

pytestmark = pytest.mark.django_db
COUNT = '<span class="meta">({})</span>'  # the count in the list's heading


def members_url(committee) -> str:
    return committee.url + "membres/"


def plain_members(committee, count: int, *, start: int = 0):
    """`count` plain members, member n joining n days ago (n from `start`)."""
    now = timezone.now()
    return [
        CommitteeMembershipFactory(
            committee=committee,
            user=UserFactory(first_name="Membre", last_name=f"N{n:03d}"),
            joined_at=now - timedelta(days=n),
        )
        for n in range(start, start + count)
    ]


@pytest.fixture
def board(committee):
    """A référent, an elected official, a volunteer and an editor."""
    return {
        role: CommitteeMembershipFactory(
            committee=committee,
            user=UserFactory(first_name=role.capitalize(), last_name="Bureau"),
            role="member" if role == "editor" else role,
            is_editor=role == "editor",
            joined_at=timezone.now() - timedelta(days=900),
        )
        for role in ("referent", "elected", "volunteer", "editor")
    }


def test_the_page_names_the_board_and_the_newest_members_not_everyone(
    client_member, committee, board
):
    plain_members(committee, 20)
    body = client_member.get(committee.url).content.decode()

    assert body.count('class="person"') == len(board) + selectors.NEWEST
    for membership in board.values():
        assert str(membership.user.profile.name) in body
    newest = [f"Membre N{n:03d}" for n in range(selectors.NEWEST)]
    assert all(name in body for name in newest)
    assert "Membre N019" not in body  # an older plain member: on the full list
    assert COUNT.format(24) in body  # the count in the heading
    assert f'href="{members_url(committee)}"' in body


def test_the_viewer_sees_their_own_state_never_another_members(
    client, committee, board, member, other_member
):
    """The facts are cached for everyone; the join form and the manage button
    are the reader's own."""
    manage = reverse("members:committee_manage", args=[committee.pk])
    CommitteeMembershipFactory(committee=committee, user=member)
    client.force_login(member)
    first = client.get(committee.url).content.decode()
    assert 'id="join-message"' not in first and manage not in first

    client.force_login(other_member)
    second = client.get(committee.url).content.decode()
    assert 'id="join-message"' in second  # not a member: may ask to join

    services.join_request_create(user=other_member, committee=committee)
    pending = client.get(committee.url).content.decode()
    assert (
        'id="join-message"' not in pending
        and "attend la réponse des référents" in pending
    )

    client.force_login(board["referent"].user)
    third = client.get(committee.url).content.decode()
    assert 'id="join-message"' not in third and manage in third


def test_the_full_list_is_paginated_referents_first(client_member, committee, board):
    plain_members(committee, 2 * selectors.MEMBERS_PER_PAGE + 6)
    total = len(board) + 2 * selectors.MEMBERS_PER_PAGE + 6

    first = client_member.get(members_url(committee))
    assert first.status_code == 200
    body = first.content.decode()
    assert body.count('class="person"') == selectors.MEMBERS_PER_PAGE
    assert body.index("Referent Bureau") < body.index("Membre N000")
    assert 'aria-current="page"' in body and 'rel="next"' in body
    assert f"{total} membres" in body

    last = client_member.get(members_url(committee), {"page": 3}).content.decode()
    assert last.count('class="person"') == total - 2 * selectors.MEMBERS_PER_PAGE
    assert 'rel="prev"' in last and 'rel="next"' not in last


@pytest.mark.parametrize("asked", ["4", "0", "-1", "deux", "99999999999999999999"])
def test_a_page_out_of_the_list_is_a_clear_404(client_member, committee, asked):
    plain_members(committee, 3)
    response = client_member.get(members_url(committee), {"page": asked})
    assert response.status_code == 404
    body = response.content.decode()
    assert "Cette page de la liste n’existe pas" in body
    assert 'href="?page=1"' in body


def test_the_full_list_is_for_members_only(client, committee):
    plain_members(committee, 3)
    response = client.get(members_url(committee))
    assert response.status_code == 302
    assert response["Location"].endswith("?next=/comites/auch/membres/")
    # The page itself stays public for prospects, without its members.
    public = client.get(committee.url)
    assert public.status_code == 200 and 'class="person"' not in public.content.decode()


def test_a_closed_committee_keeps_its_list_closed(client, committee, member):
    """A committee restricted to a group in Wagtail: its list is refused to
    members outside the group, like the page."""
    insiders = Group.objects.create(name="Comité fermé")
    restriction = PageViewRestriction.objects.create(
        page=committee, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(insiders)
    plain_members(committee, 3)
    client.force_login(member)
    for url in (committee.url, members_url(committee)):
        response = client.get(url)
        assert response.status_code in (302, 403)
        assert "Membre N000" not in response.content.decode()
    member.groups.add(insiders)
    assert client.get(members_url(committee)).status_code == 200


def test_an_unpublished_committee_has_no_list(client_member, committee):
    plain_members(committee, 3)
    url = members_url(committee)
    committee.unpublish()
    assert client_member.get(url).status_code == 404


def test_private_fields_stay_hidden_on_the_lists(client_member, committee, board):
    (secret,) = plain_members(committee, 1)
    Profile.objects.filter(user=secret.user).update(
        phone="05 62 99 99 99",
        phone_visibility=Visibility.NOBODY,
        commune=Commune.objects.get(name="Marciac"),
        commune_visibility=Visibility.NOBODY,
        email_visibility=Visibility.NOBODY,
    )
    for url in (committee.url, members_url(committee)):
        body = client_member.get(url).content.decode()
        assert "Membre N000" in body
        assert "05 62 99 99 99" not in body
        assert secret.user.email not in body
        assert "Marciac" not in body


# --- The cache and its invalidation ---------------------------------------------


def test_the_facts_come_from_the_cache_once_warm(
    client_member, committee, django_assert_num_queries
):
    plain_members(committee, 3)
    facts = selectors.committee_facts(committee=committee)
    with django_assert_num_queries(0):
        assert selectors.committee_facts(committee=committee) == facts
    assert facts.total == 3 and facts.commune.name == "Auch"


def test_joining_leaving_and_roles_update_the_page_at_once(
    client, committee, board, member
):
    referent = board["referent"].user
    client.force_login(referent)
    body = client.get(committee.url).content.decode()  # the facts cached now
    assert COUNT.format(4) in body and body.count('class="person"') == 4

    joined = services.membership_add(by=referent, committee=committee, user=member)
    body = client.get(committee.url).content.decode()
    assert COUNT.format(5) in body and body.count('class="person"') == 5

    services.membership_update(
        by=referent, membership=joined, role="volunteer", is_editor=False
    )
    assert selectors.committee_facts(committee=committee).counts["volunteer"] == 2

    services.membership_remove(by=referent, membership=joined)
    body = client.get(committee.url).content.decode()
    assert COUNT.format(4) in body and body.count('class="person"') == 4


def test_a_member_who_joins_by_invitation_is_counted(client_member, committee):
    plain_members(committee, 2)
    assert selectors.committee_facts(committee=committee).total == 2
    services.membership_join(user=UserFactory(), committee=committee)
    assert selectors.committee_facts(committee=committee).total == 3


def test_publishing_the_committee_page_forgets_its_facts(client_member, committee):
    assert "Auch" in client_member.get(committee.url).content.decode()
    committee.commune = Commune.objects.get(name="Marciac")
    committee.save_revision().publish()
    assert selectors.committee_facts(committee=committee).commune.name == "Marciac"
    assert "Marciac" in client_member.get(committee.url).content.decode()


def test_news_published_or_unpublished_under_the_committee_show_at_once(
    client_member, committee
):
    assert "Fête du village" not in client_member.get(committee.url).content.decode()
    news = committee.add_child(
        instance=NewsPage(title="Fête du village", intro="Samedi", live=False)
    )
    news.save_revision().publish()
    assert "Fête du village" in client_member.get(committee.url).content.decode()

    NewsPage.objects.get(pk=news.pk).unpublish()
    assert "Fête du village" not in client_member.get(committee.url).content.decode()


def test_deleting_the_committee_forgets_its_cache(committee):
    selectors.committee_facts(committee=committee)
    key = selectors._facts_key(committee.pk)
    assert cache.get(key) is not None
    committee.delete()
    assert cache.get(key) is None


# --- Query budgets --------------------------------------------------------------


@pytest.mark.parametrize("count", [5, 120])
def test_the_committee_pages_cost_a_flat_number_of_queries(
    client_member, committee, board, count, django_assert_max_num_queries
):
    plain_members(committee, count)
    client_member.get(committee.url)  # the cache warm, as for every member after one
    with django_assert_max_num_queries(22):
        response = client_member.get(committee.url)
    assert response.content.decode().count('class="person"') == len(board) + min(
        count, selectors.NEWEST
    )
    with django_assert_max_num_queries(17):
        response = client_member.get(members_url(committee))
    assert response.content.decode().count('class="person"') == min(
        len(board) + count, selectors.MEMBERS_PER_PAGE
    )
