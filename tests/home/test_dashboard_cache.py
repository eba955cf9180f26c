"""The dashboard keeps what is the same for many members in the site cache: the
news lists and the next meetups. What changes them shows at once, and no member
sees another's committees' news or answers through a shared entry."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.models import PageViewRestriction

from activity import services as activity_services
from communes.models import Commune
from events import services as event_services
from home.models import NewsPage
from members import services as member_services
from members.models import Profile
from mutualaid import services as help_services
from tests.factories import (
    CommitteeMembershipFactory,
    CommitteePageFactory,
    EventPageFactory,
    UserFactory,
    news_index,
)


def dashboard_of(client) -> str:
    response = client.get("/")
    assert response.status_code == 200
    return response.content.decode().replace("&#x27;", "'")


def client_of(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def publish(parent, title: str) -> NewsPage:
    """Published as an editor does: a revision, then Wagtail's signals."""
    news = parent.add_child(instance=NewsPage(title=title, intro="Intro", live=False))
    news.save_revision().publish()
    return NewsPage.objects.get(pk=news.pk)


def test_a_news_published_shows_at_once_and_goes_when_unpublished(client_member):
    index = news_index()
    publish(index, "Première nouvelle du réseau")
    assert "Première nouvelle du réseau" in dashboard_of(client_member)  # cached
    news = publish(index, "Deuxième nouvelle du réseau")
    assert "Deuxième nouvelle du réseau" in dashboard_of(client_member)
    news.unpublish()
    html = dashboard_of(client_member)
    assert "Deuxième nouvelle du réseau" not in html
    assert "Première nouvelle du réseau" in html


def test_a_news_renamed_deleted_or_restricted_changes_at_once(client_member):
    news = publish(news_index(), "Nouvelle à retoucher")
    assert "Nouvelle à retoucher" in dashboard_of(client_member)
    news.title = "Nouvelle retouchée"
    news.save_revision().publish()
    html = dashboard_of(client_member)
    assert "Nouvelle retouchée" in html and "Nouvelle à retoucher" not in html
    restriction = PageViewRestriction.objects.create(
        page=news, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    assert "Nouvelle retouchée" not in dashboard_of(client_member)
    restriction.delete()
    assert "Nouvelle retouchée" in dashboard_of(client_member)
    NewsPage.objects.get(pk=news.pk).delete()
    assert "Nouvelle retouchée" not in dashboard_of(client_member)


def test_the_news_list_is_cached_per_language(client_member, member):
    publish(news_index(), "Nouvelle datée")
    french = dashboard_of(client_member)
    member.language = "en"
    member.save()
    english = client_of(member)
    english.cookies["django_language"] = "en"
    html = dashboard_of(english)
    assert "Nouvelle datée" in french and "Nouvelle datée" in html
    months = ("January", "February", "March", "April", "May", "June", "July")
    months += ("August", "September", "October", "November", "December")
    assert any(month in html for month in months)
    assert not any(month in french for month in months)


def test_members_see_only_their_committees_news(member):
    auch, condom = CommitteePageFactory(), CommitteePageFactory()
    CommitteeMembershipFactory(user=member, committee=auch)
    neighbour = UserFactory()
    CommitteeMembershipFactory(user=neighbour, committee=condom)
    publish(auch, "Locale d'Auch")
    publish(condom, "Locale de Condom")
    mine, theirs = dashboard_of(client_of(member)), dashboard_of(client_of(neighbour))
    assert "Locale d'Auch" in mine and "Locale de Condom" not in mine
    assert "Locale de Condom" in theirs and "Locale d'Auch" not in theirs
    # The neighbour joins Auch: both committees' news, newest first, at once.
    CommitteeMembershipFactory(user=neighbour, committee=auch)
    theirs = dashboard_of(client_of(neighbour))
    assert "Locale d'Auch" in theirs and "Locale de Condom" in theirs
    assert "Locale de Condom" not in dashboard_of(client_of(member))


def test_next_meetups_follow_answers_and_stay_each_members_own(member):
    elsewhere = CommitteePageFactory()
    event = EventPageFactory(title="Soirée d'ailleurs", parent=elsewhere, capacity=10)
    network = EventPageFactory(title="Rencontre du réseau", capacity=10)
    other = UserFactory()
    mine, theirs = client_of(member), client_of(other)
    assert "Soirée d'ailleurs" not in dashboard_of(mine)  # not my committee
    assert "Rencontre du réseau" in dashboard_of(theirs)
    # An answer shows at once: my meetup, my badge, the places taken.
    event_services.rsvp_set(event=event, user=member, going=True)
    event_services.rsvp_set(event=network, user=member, going=True)
    html = dashboard_of(mine)
    assert "Soirée d'ailleurs" in html
    assert html.count("Je viens") == 2
    assert "1 / 10 places prises" in html
    # The other member shares the cached list, never my answers.
    html = dashboard_of(theirs)
    assert "Soirée d'ailleurs" not in html
    assert "Je viens" not in html
    assert "1 / 10 places prises" in html  # the network meetup's places
    event_services.rsvp_set(event=network, user=member, going=False)
    assert "0 / 10 places prises" in dashboard_of(theirs)


def test_a_meetup_unpublished_or_restricted_leaves_the_dashboard(client_member):
    event = EventPageFactory(title="Rencontre à retirer")
    assert "Rencontre à retirer" in dashboard_of(client_member)
    restriction = PageViewRestriction.objects.create(
        page=event, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Quelques-uns"))
    assert "Rencontre à retirer" not in dashboard_of(client_member)
    restriction.delete()
    assert "Rencontre à retirer" in dashboard_of(client_member)
    event.unpublish()
    assert "Rencontre à retirer" not in dashboard_of(client_member)


@pytest.mark.parametrize("count", [5, 40])
def test_the_dashboard_runs_a_flat_number_of_queries(
    client_member, member, count, django_assert_max_num_queries
):
    committees = [CommitteePageFactory() for _ in range(3)]
    for committee in committees:
        CommitteeMembershipFactory(user=member, committee=committee)
    auch = Commune.objects.get(name="Auch")
    Profile.objects.filter(user=member).update(commune=auch)
    member_services.offers_needs_set(
        profile=member.profile, kind="need", lines=[("Une remorque", "Bricolage")]
    )
    people = [UserFactory() for _ in range(count)]
    for n, person in enumerate(people):
        committee = committees[n % 3]
        member_services.member_follow(user=member, other=person)
        CommitteeMembershipFactory(user=person, committee=committee)
        post = activity_services.post_create(
            author=person, body=f"Post {n}", committee=committee
        )
        neighbour = people[n - 1]
        activity_services.reaction_toggle(post=post, user=neighbour, reaction="like")
        activity_services.comment_create(post=post, author=neighbour, body="Merci")
        # Mutual help near the member and matching their profile.
        Profile.objects.filter(user=person).update(commune=auch)
        help_services.entry_create(
            author=person, kind="offer" if n % 2 else "request", category="tools",
            title=f"Remorque {n}", skill="Bricolage",
        )  # fmt: skip
    for n in range(min(count, 10)):
        publish(news_index(), f"Nouvelle {n}")
        publish(committees[n % 3], f"Locale {n}")
        EventPageFactory(parent=committees[n % 3] if n % 2 else None)
    dashboard_of(client_member)  # the shared lists cached, as in a running server
    # Session and member (2), Wagtail's routing (site, page, restrictions: 4),
    # the header (counts, permissions, the chat's committees: 3), the member's
    # committees, the feed (entries; people, comments, posts, committees; the
    # reactions: 6), the meetups' answers, the forums' topics, and mutual help
    # near the member (their commune and lines, the entries: 2).
    with django_assert_max_num_queries(20):
        html = dashboard_of(client_member)
    assert f"Post {count - 1}" in html
    assert html.count('<article class="help-item') == 5


@pytest.mark.django_db
def test_a_process_reads_a_shared_value_from_its_memory_within_a_generation():
    from django.core.cache import cache

    from intranet.shell import dashboard

    computed = []

    def compute():
        computed.append(1)
        return [len(computed)]

    first = dashboard.shared("test-memo", "fr", compute)
    assert dashboard.shared("test-memo", "fr", compute) is first  # not unpickled
    assert computed == [1]
    # Another process (no memory yet) reads the cache's copy, not a new one.
    dashboard._READ.clear()
    assert dashboard.shared("test-memo", "fr", compute) == [1]
    assert computed == [1]
    # A new generation, whichever process ended it, is computed again.
    dashboard.forget("test-memo")
    assert dashboard.shared("test-memo", "fr", compute) == [2]
    # So is a cache emptied (a Redis restarted): a new generation too.
    cache.clear()
    assert dashboard.shared("test-memo", "fr", compute) == [3]
