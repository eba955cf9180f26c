import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailTestUtils

from home.models import CommitteeIndexPage, CommitteePage, HomePage
from members.models import CommitteeMembership
from tests.factories import (
    CommitteeMembershipFactory,
    CommitteePageFactory,
    committee_index,
)


class TestPageTree(WagtailTestUtils):
    def test_home_is_the_site_root_created_by_migration(self, db):
        home = HomePage.objects.get()
        assert home.get_parent().specific_class is Page
        assert home.get_site().root_page.pk == home.pk

    def test_allowed_parents_and_children(self, db):
        assert HomePage.allowed_subpage_models() == [CommitteeIndexPage]
        assert CommitteeIndexPage.allowed_parent_page_models() == [HomePage]
        assert CommitteeIndexPage.allowed_subpage_models() == [CommitteePage]
        assert CommitteePage.allowed_parent_page_models() == [CommitteeIndexPage]
        assert CommitteePage.allowed_subpage_models() == []

    def test_only_one_home_page(self, db):
        assert not HomePage.can_create_at(Page.objects.get(depth=1))


def test_home_greets_the_member_and_lists_their_committees(
    client_member, member, committee
):
    CommitteeMembershipFactory(user=member, committee=committee, role="referent")
    response = client_member.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Bonjour, Camille" in html
    assert "Comité d&#x27;accueil d&#x27;Auch" in html
    assert "Référent" in html


def test_home_without_committee_says_so(client_member):
    assert "encore partie d" in client_member.get("/").content.decode()


def test_committee_page_lists_members_referents_first(client_member, committee):
    CommitteeMembershipFactory(
        committee=committee,
        user__first_name="Zoé",
        user__last_name="Arnaud",
        role="member",
    )
    CommitteeMembershipFactory(
        committee=committee,
        user__first_name="Yves",
        user__last_name="Zamora",
        role="referent",
    )
    response = client_member.get(committee.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.index("Yves Zamora") < html.index("Zoé Arnaud")


@pytest.mark.parametrize("count", [5, 50])
def test_committee_index_queries_do_not_grow(
    client_member, django_assert_max_num_queries, count
):
    index = committee_index()
    for i in range(count):
        CommitteePageFactory(title=f"Comité {i}", slug=f"c{i}")
    with django_assert_max_num_queries(15):
        response = client_member.get(index.url)
    assert response.content.decode().count("Comité ") >= count


@pytest.mark.parametrize("count", [5, 50])
def test_committee_page_queries_do_not_grow(
    client_member, committee, django_assert_max_num_queries, count
):
    CommitteeMembershipFactory.create_batch(count, committee=committee)
    with django_assert_max_num_queries(18):
        response = client_member.get(committee.url)
    assert response.content.decode().count('class="person"') == count


def test_committee_memberships_are_unique(committee, member):
    CommitteeMembershipFactory(committee=committee, user=member)
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        CommitteeMembership.objects.create(committee=committee, user=member)
