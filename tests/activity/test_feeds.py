from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from activity import activity, feed, services
from activity.models import FeedPost
from committees import services as committee_services
from home import services as home_services
from home.models import NewsPage
from intranet.shell.feed import SOURCES
from members import services as member_services
from tests.factories import (
    CommitteeMembershipFactory,
    CommitteePageFactory,
    UserFactory,
)

MARKER = "MARQUEUR-SECRET-7c1f"


def _texts(viewer, where, **kwargs) -> str:
    page = feed.read(viewer, where, **kwargs)
    return " ".join(
        str(getattr(action.action_object, "body", ""))
        for entry in page.entries
        for action in entry.actions
    )


def _every_feed_page(client, viewer, committee, author) -> str:
    client.force_login(viewer)
    urls = [
        "/",
        reverse("activity:mine"),
        reverse("activity:network"),
        reverse("activity:committee", args=[committee.pk]),
        reverse("activity:member", args=[author.pk]),
        committee.url,
        reverse("members:profile_detail", args=[author.pk]),
        "/recherche/?q=portail",
    ]
    return "".join(client.get(url).content.decode() for url in urls)


def test_my_feed_gathers_what_i_follow_and_my_committees(member, other_member):
    followed, stranger = UserFactory(), UserFactory()
    committee, followed_committee = CommitteePageFactory(), CommitteePageFactory()
    CommitteeMembershipFactory(user=member, committee=committee)
    for user in (other_member, followed):
        CommitteeMembershipFactory(user=user, committee=followed_committee)
    member_services.member_follow(user=member, other=followed)
    member_services.committee_follow(user=member, committee=followed_committee)
    neighbour = CommitteeMembershipFactory(committee=committee).user

    services.post_create(author=followed, body="du suivi")
    services.post_create(author=stranger, body="d'un inconnu")
    services.post_create(author=neighbour, body="du comité", committee=committee)
    services.post_create(
        author=other_member, body="du comité suivi", committee=followed_committee
    )
    mine = services.post_create(author=member, body="de moi")
    services.comment_create(post=mine, author=stranger, body="un commentaire")

    texts = _texts(member, feed.my_feed(member))
    for expected in ("du suivi", "du comité", "du comité suivi", "de moi"):
        assert expected in texts
    assert "d'un inconnu" not in texts
    assert "un commentaire" in texts
    # The other member follows nobody: only their own post.
    assert _texts(other_member, feed.my_feed(other_member)) == "du comité suivi"
    network = _texts(stranger, feed.network_feed(stranger))
    assert "d'un inconnu" in network and "du suivi" in network


@pytest.mark.parametrize("scenario", ["members_only", "hidden", "deleted"])
def test_private_content_never_leaks_into_a_feed(client, member, scenario):
    committee = CommitteePageFactory()
    author = CommitteeMembershipFactory(committee=committee).user
    insider = CommitteeMembershipFactory(committee=committee).user
    referent = CommitteeMembershipFactory(committee=committee, role="referent").user
    outsider = member
    member_services.member_follow(user=outsider, other=author)
    member_services.committee_follow(user=outsider, committee=committee)
    post = services.post_create(
        author=author, body=f"Code du portail : {MARKER}", committee=committee
    )
    services.comment_create(post=post, author=insider, body=f"Noté {MARKER}")
    if scenario == "members_only":
        services.committee_feed_set(committee=committee, by=referent, members_only=True)
        assert MARKER in _every_feed_page(client, insider, committee, author)
    elif scenario == "hidden":
        services.post_hide(post=post, by=referent)
    pk = post.pk
    if scenario == "deleted":
        services.post_delete(post=post, by=author)
    assert MARKER not in _every_feed_page(client, outsider, committee, author)
    detail = client.get(reverse("activity:post_detail", args=[pk]))
    assert detail.status_code == 404 and MARKER not in detail.content.decode()


def test_restricted_news_stays_out_of_the_feeds(client, member, network_editor):
    from wagtail.models import PageViewRestriction

    from home.models import HomePage, NewsIndexPage

    home = HomePage.objects.get()
    index = NewsIndexPage.objects.first() or home.add_child(
        instance=NewsIndexPage(title="Actualités", slug="actualites")
    )
    news = index.add_child(
        instance=NewsPage(title=f"Réservé {MARKER}", slug="reserve", intro="x")
    )
    home_services.news_announce(news=news, by=network_editor)
    client.force_login(member)
    assert MARKER in client.get(reverse("activity:network")).content.decode()
    PageViewRestriction.objects.create(
        page=news, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    assert MARKER not in client.get(reverse("activity:network")).content.decode()


def test_similar_entries_are_grouped(member):
    committee = CommitteePageFactory(title="Comité d'accueil de Condom")
    referent = CommitteeMembershipFactory(committee=committee, role="referent").user
    for _ in range(3):
        committee_services.membership_add(
            by=referent, committee=committee, user=UserFactory()
        )
    page = feed.read(member, feed.committee_feed(committee))
    assert len(page.entries) == 1 and page.entries[0].count == 3


def test_grouped_entries_render_in_french(client_member, member):
    committee = CommitteePageFactory(title="Comité d'accueil de Condom")
    referent = CommitteeMembershipFactory(committee=committee, role="referent").user
    for _ in range(3):
        committee_services.membership_add(
            by=referent, committee=committee, user=UserFactory()
        )
    html = client_member.get(reverse("activity:committee", args=[committee.pk]))
    text = " ".join(html.content.decode().split())
    assert "3 nouveaux membres ont rejoint le Comité d&#x27;accueil de Condom" in text


def test_cursor_paging_walks_every_entry_once(member, other_member):
    posts = [
        services.post_create(author=other_member, body=f"Message {n}") for n in range(7)
    ]
    for n, post in enumerate(posts):  # out of the rate limit, spread over time
        moment = timezone.now() - timedelta(hours=n)
        FeedPost.objects.filter(pk=post.pk).update(created_at=moment)
        activity.redate(post, moment)
    seen, cursor, pages = [], None, 0
    while True:
        page = feed.read(member, feed.network_feed(member), cursor=cursor, size=3)
        seen += [e.action.action_object.body for e in page.entries]
        pages += 1
        if not page.cursor:
            break
        cursor = page.cursor
    assert seen == [f"Message {n}" for n in range(7)]
    assert pages == 3


def test_see_more_by_htmx_returns_only_the_next_entries(client_member, other_member):
    for n in range(3):
        post = services.post_create(author=other_member, body=f"Message {n}")
        activity.redate(post, timezone.now() - timedelta(hours=n))
    first = feed.read(other_member, feed.network_feed(other_member), size=2)
    response = client_member.get(
        reverse("activity:network"), {"avant": first.cursor}, HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert "<html" not in html and "Message 2" in html and "Message 0" not in html


def test_a_broken_cursor_starts_from_the_top(client_member):
    response = client_member.get(reverse("activity:network"), {"avant": "x-y-z"})
    assert response.status_code == 200


def test_relative_dates_in_french(client_member, other_member):
    post = services.post_create(author=other_member, body="Bonjour")
    moment = timezone.now() - timedelta(hours=3)
    FeedPost.objects.filter(pk=post.pk).update(created_at=moment)
    html = client_member.get(reverse("activity:network")).content.decode()
    assert "il y a 3\xa0heures" in html or "il y a 3 heures" in html


@pytest.mark.parametrize("count", [5, 50])
def test_feed_pages_run_a_flat_number_of_queries(
    client_member, member, count, django_assert_max_num_queries
):
    committee = CommitteePageFactory()
    CommitteeMembershipFactory(user=member, committee=committee)
    referent = CommitteeMembershipFactory(committee=committee, role="referent").user
    people = [UserFactory() for _ in range(count)]
    for n, person in enumerate(people):
        member_services.member_follow(user=member, other=person)
        CommitteeMembershipFactory(user=person, committee=committee)
        post = services.post_create(
            author=person, body=f"Post {n} @{member}", committee=committee
        )
        services.reaction_toggle(post=post, user=referent, reaction="like")
        services.comment_create(post=post, author=people[n - 1], body="Merci")
    for url in (
        reverse("activity:mine"),
        reverse("activity:network"),
        reverse("activity:committee", args=[committee.pk]),
        reverse("activity:member", args=[people[0].pk]),
    ):
        client_member.get(url)  # content types and addresses cached, as in a server
        with django_assert_max_num_queries(14):
            assert client_member.get(url).status_code == 200
    client_member.get("/")  # the shared lists cached, as in a running server
    with django_assert_max_num_queries(18):  # tests/home/test_dashboard_cache.py
        assert client_member.get("/").status_code == 200


def test_comments_on_my_post_read_as_mine(client_member, member, other_member):
    post = services.post_create(author=member, body="Bonjour")
    services.comment_create(post=post, author=other_member, body="Salut")
    html = " ".join(
        client_member.get(reverse("activity:mine")).content.decode().split()
    )
    assert "Bastien Dupouy a commenté votre publication" in html


def test_feed_pages_link_pages_without_reading_the_site(client_member, member):
    """The feeds' links to committees (`{% pageurl %}`) take the site from the
    cache (`intranet.middleware.SiteFromCache`) and Wagtail's root paths once."""
    committee = CommitteePageFactory(title="Comité de Lectoure")
    CommitteeMembershipFactory(user=member, committee=committee)
    services.post_create(author=member, body="Bonjour", committee=committee)
    url = reverse("activity:network")
    client_member.get(url)  # the site and its root paths cached, as in a server
    with CaptureQueriesContext(connection) as queries:
        html = client_member.get(url).content.decode()
    assert f'href="{committee.url}"' in html
    assert not [q for q in queries if "wagtailcore_site" in q["sql"]]


def test_a_source_of_one_shape_builds_the_same_sql_for_every_kind_of_viewer(
    member, network_editor
):
    """The feed keeps the SQL of `one_shape` sources per process (`_attach`): their
    query may depend on the viewer's id, never on their rights or committees."""
    committee = CommitteePageFactory()
    referent = UserFactory()
    CommitteeMembershipFactory(user=referent, committee=committee, role="referent")
    moderator = UserFactory()
    moderator.groups.add(Group.objects.get(name="Modération des échanges"))
    superuser = UserFactory(is_superuser=True, is_staff=True)
    viewers = [member, network_editor, referent, moderator, superuser]
    shaped = [source for source in SOURCES.values() if source.one_shape]
    assert len(shaped) >= 8  # posts, comments, forums, meetups, pages, members
    for source in shaped:
        built = [
            (viewer.pk, *_sql_of(source.visible(viewer).filter(pk__any=[-5, -6])))
            for viewer in viewers
        ]
        assert len({sql for _pk, sql, _params in built}) == 1, source.model
        for place, values in enumerate(
            zip(*(params for *_, params in built), strict=True)
        ):
            same = len(set(map(repr, values))) == 1
            each_viewer = list(values) == [pk for pk, *_ in built]
            assert same or each_viewer, (source.model, place, values)


def _sql_of(queryset) -> tuple[str, list]:
    sql, params = queryset.query.get_compiler(using="default").as_sql()
    return sql, list(params)
