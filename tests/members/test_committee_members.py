import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from committees import services as committee_services
from committees.models import CommitteeMembership, JoinRequest
from committees.rights import user_sync_groups
from tests.factories import CommitteeMembershipFactory, CommitteePageFactory


@pytest.fixture
def referent(committee):
    user = CommitteeMembershipFactory(committee=committee, role="referent").user
    user_sync_groups(user)
    return user


@pytest.fixture
def condom(db):
    return CommitteePageFactory(title="Comité de Condom", slug="condom")


def manage(committee):
    return reverse("members:committee_manage", args=[committee.pk])


def test_a_referent_adds_a_member_and_rights_follow(
    client, referent, committee, member
):
    client.force_login(referent)
    response = client.post(
        manage(committee),
        {"add": "1", "user": member.pk, "role": "volunteer", "is_editor": "on"},
    )
    assert response.status_code == 302
    membership = CommitteeMembership.objects.get(user=member, committee=committee)
    assert membership.role == "volunteer" and membership.is_editor
    assert member.groups.filter(pk=committee.access.editors_id).exists()


def test_a_referent_changes_a_role_and_removes_a_member(
    client, referent, committee, member
):
    membership = CommitteeMembershipFactory(user=member, committee=committee)
    client.force_login(referent)
    client.post(manage(committee), {"membership": membership.pk, "role": "referent"})
    membership.refresh_from_db()
    assert membership.role == "referent"
    assert member.groups.filter(pk=committee.access.referents_id).exists()
    client.post(manage(committee), {"membership": membership.pk, "remove": "1"})
    assert not CommitteeMembership.objects.filter(pk=membership.pk).exists()
    assert not member.groups.exists()


def test_a_referent_cannot_manage_another_committee(client, referent, condom, member):
    other = CommitteeMembershipFactory(committee=condom, role="referent")
    client.force_login(referent)
    assert client.get(manage(condom)).status_code == 403
    response = client.post(manage(condom), {"membership": other.pk, "remove": "1"})
    assert response.status_code == 403
    assert CommitteeMembership.objects.filter(pk=other.pk).exists()
    with pytest.raises(PermissionDenied):
        committee_services.membership_add(by=referent, committee=condom, user=member)


def test_plain_members_cannot_manage(client_member, committee, member):
    CommitteeMembershipFactory(user=member, committee=committee, role="volunteer")
    assert client_member.get(manage(committee)).status_code == 403


def test_staff_manage_every_committee(client, network_editor, condom, member):
    client.force_login(network_editor)
    assert client.get(manage(condom)).status_code == 200
    client.post(manage(condom), {"add": "1", "user": member.pk, "role": "member"})
    assert CommitteeMembership.objects.filter(user=member, committee=condom).exists()


def test_the_last_referent_stays(client, referent, committee):
    membership = CommitteeMembership.objects.get(user=referent, committee=committee)
    client.force_login(referent)
    response = client.post(
        manage(committee), {"membership": membership.pk, "role": "member"}, follow=True
    )
    assert "au moins un référent" in response.content.decode()
    membership.refresh_from_db()
    assert membership.role == "referent"
    with pytest.raises(ValidationError):
        committee_services.membership_remove(by=referent, membership=membership)


def test_adding_twice_says_so(referent, committee, member):
    committee_services.membership_add(by=referent, committee=committee, user=member)
    with pytest.raises(ValidationError) as error:
        committee_services.membership_add(by=referent, committee=committee, user=member)
    assert error.value.code == "exists"


def test_bad_role_is_refused(client, referent, committee, member):
    membership = CommitteeMembershipFactory(user=member, committee=committee)
    client.force_login(referent)
    client.post(manage(committee), {"membership": membership.pk, "role": "king"})
    membership.refresh_from_db()
    assert membership.role == "member"


def test_join_request_accepted(client, client_member, member, referent, committee):
    client_member.post(
        reverse("members:committee_join", args=[committee.pk]), {"message": "Bonjour !"}
    )
    client_member.post(reverse("members:committee_join", args=[committee.pk]))
    join = JoinRequest.objects.get(user=member)
    assert join.status == "pending" and join.message == "Bonjour !"
    client.force_login(referent)
    page = client.get(manage(committee)).content.decode()
    assert "Bonjour !" in page
    client.post(manage(committee), {"request": join.pk, "answer": "accept"})
    join.refresh_from_db()
    assert join.status == "accepted"
    assert CommitteeMembership.objects.filter(user=member, committee=committee).exists()


def test_join_request_declined(client, client_member, member, referent, committee):
    client_member.post(reverse("members:committee_join", args=[committee.pk]))
    join = JoinRequest.objects.get(user=member)
    client.force_login(referent)
    client.post(manage(committee), {"request": join.pk, "answer": "decline"})
    join.refresh_from_db()
    assert join.status == "declined"
    assert not CommitteeMembership.objects.filter(user=member).exists()
    with pytest.raises(ValidationError):
        committee_services.join_request_decide(by=referent, request=join, accept=True)


def test_members_cannot_ask_twice_nor_join_their_own(member, committee):
    committee_services.join_request_create(user=member, committee=committee)
    with pytest.raises(ValidationError):
        committee_services.join_request_create(user=member, committee=committee)
    other = CommitteePageFactory(title="Autre", slug="autre")
    CommitteeMembershipFactory(user=member, committee=other)
    with pytest.raises(ValidationError):
        committee_services.join_request_create(user=member, committee=other)


@pytest.mark.parametrize("count", [5, 40])
def test_management_page_queries_do_not_grow(
    client, referent, committee, django_assert_max_num_queries, count
):
    CommitteeMembershipFactory.create_batch(count, committee=committee)
    client.force_login(referent)
    with django_assert_max_num_queries(22):
        assert client.get(manage(committee)).status_code == 200


def _many_members(count=30):
    from tests.factories import UserFactory

    return [
        UserFactory(first_name=f"Prénom{n}", last_name=f"Famille{n:02d}")
        for n in range(count)
    ]


def test_the_picker_is_a_search_not_a_list_of_every_member(client, referent, committee):
    people = _many_members()
    client.force_login(referent)
    html = client.get(manage(committee)).content.decode()
    assert 'type="search"' in html and 'name="q"' in html
    assert "Famille07" not in html  # nobody listed before a search
    found = client.get(manage(committee), {"q": "famille0"}).content.decode()
    assert all(f"Famille0{n}" in found for n in range(10))
    assert "Famille10" not in found
    everyone = client.get(manage(committee), {"q": "prénom"}).content.decode()
    assert "Seuls les 20 premiers membres sont affichés" in everyone
    assert f'value="{people[25].pk}"' not in everyone


def test_the_live_search_answers_htmx_with_the_results_only(
    client, referent, committee, member
):
    client.force_login(referent)
    response = client.get(
        manage(committee), {"q": member.last_name[:4]}, HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    assert str(member.profile.name) in html and f'value="{member.pk}"' in html
    # Members already in the committee are not offered again.
    gone = client.get(
        manage(committee), {"q": referent.last_name}, HTTP_HX_REQUEST="true"
    )
    assert f'value="{referent.pk}"' not in gone.content.decode()


def test_pick_a_found_member_without_javascript(client, referent, committee, member):
    client.force_login(referent)
    client.get(manage(committee), {"q": member.first_name})
    response = client.post(
        manage(committee),
        {"add": "1", "q": member.first_name, "user": member.pk, "role": "member"},
    )
    assert response.status_code == 302
    assert CommitteeMembership.objects.filter(user=member, committee=committee).exists()


def test_adding_without_choosing_says_what_to_do(client, referent, committee, member):
    client.force_login(referent)
    response = client.post(
        manage(committee), {"add": "1", "q": member.first_name, "role": "member"}
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "Cherchez le membre par son nom, puis choisissez-le." in html
    assert f'value="{member.pk}"' in html  # the results are still there
    assert not CommitteeMembership.objects.filter(user=member).exists()


def test_searching_is_for_those_who_manage_the_committee(
    client, client_member, referent, condom, member
):
    assert client_member.get(manage(condom), {"q": "a"}).status_code == 403
    response = client_member.get(
        manage(condom), {"q": member.first_name}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 403
    client.force_login(referent)  # a référent of another committee
    assert client.get(manage(condom), {"q": member.first_name}).status_code == 403
