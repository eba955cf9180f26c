"""The site search over forum messages and feed posts: stored vectors on PostgreSQL,
LIKE without accents on SQLite, the same results on both (issue #19)."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from activity import services as feed
from activity.models import CommitteeFeedSettings, FeedPost
from forums import services as forums
from forums.models import Post, Topic
from intranet.shell import search as site_search
from members.models import Profile, Skill, TaggedSkill
from tests.factories import (
    CategoryFactory,
    CommitteeMembershipFactory,
    CommitteePageFactory,
    NewsPageFactory,
    UserFactory,
)

MODERATORS = "Modération des échanges"


def found(user, key, query):
    """The URLs of what `user` finds of kind `key`, all of them; the overview shows
    the same (from SQL kept per process for a kind of one shape, on PostgreSQL)."""
    kind = site_search.kind_for(key)
    urls = {
        result.url for result in site_search.results(kind, kind.search(user, query))
    }
    shown = site_search.preview(kind, user, query, site_search.COUNT_CAP)
    assert {result.url for result in shown.results} == urls
    assert shown.count == len(urls)
    return urls


@pytest.fixture
def moderator(db):
    person = UserFactory()
    person.groups.add(Group.objects.get(name=MODERATORS))
    return person


@pytest.fixture
def topic(member):
    category = CategoryFactory(name="Entraide")
    return forums.topic_create(
        author=member,
        category=category,
        title="Réunion de quartier",
        body="Qui vient à l'Événement du marché ?",
    )


def test_accents_and_case_do_not_matter(member, topic):
    first = topic.posts.get().get_absolute_url()
    for query in ["evenement", "ÉVÉNEMENT", "événement marché", "reunion"]:
        assert found(member, "forums", query) == {first}, query
    assert found(member, "forums", "evenement absent") == set()


def test_a_topic_title_finds_its_messages(member, other_member, topic):
    reply = forums.post_create(author=other_member, topic=topic, body="Moi, oui.")
    urls = found(member, "forums", "quartier")
    assert reply.get_absolute_url() in urls and len(urls) == 2


def test_hidden_and_deleted_messages_are_never_found(
    member, other_member, moderator, topic
):
    hidden = forums.post_create(author=other_member, topic=topic, body="Tondeuse")
    deleted = forums.post_create(author=member, topic=topic, body="Tondeuse aussi")
    assert len(found(member, "forums", "tondeuse")) == 2
    forums.post_hide(post=hidden, by=moderator)
    forums.post_delete(post=deleted, by=member)
    assert found(member, "forums", "tondeuse") == set()
    assert found(moderator, "forums", "tondeuse") == set()


def test_a_closed_committee_forum_is_found_by_its_members_only(member, other_member):
    committee = CommitteePageFactory()
    CommitteeMembershipFactory(user=member, committee=committee)
    closed = CategoryFactory(name="Bureau", committee=committee, members_only=True)
    topic = forums.topic_create(
        author=member, category=closed, title="Budget", body="Subvention régionale"
    )
    url = topic.posts.get().get_absolute_url()
    assert found(member, "forums", "subvention") == {url}
    assert found(other_member, "forums", "subvention") == set()
    page = reverse("home:search")
    assert url in _client(member).get(page, {"q": "budget"}).text
    assert url not in _client(other_member).get(page, {"q": "budget"}).text


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def test_feed_posts_by_their_text_or_a_shown_comment(member, other_member, moderator):
    post = feed.post_create(author=member, body="Le potager partagé ouvre samedi")
    other = feed.post_create(author=member, body="Rien à voir")
    comment = feed.comment_create(post=other, author=other_member, body="Potager ?")
    urls = found(other_member, "posts", "potager")
    assert urls == {post.get_absolute_url(), other.get_absolute_url()}
    assert found(other_member, "posts", "partage") == {post.get_absolute_url()}
    feed.comment_hide(comment=comment, by=moderator)
    feed.post_hide(post=post, by=moderator)
    assert found(other_member, "posts", "potager") == set()


def test_a_members_only_committee_post_is_found_by_its_members_only(
    member, other_member
):
    committee = CommitteePageFactory()
    CommitteeMembershipFactory(user=member, committee=committee)
    CommitteeFeedSettings.objects.create(committee=committee, members_only=True)
    post = feed.post_create(
        author=member, body="Covoiturage jeudi", committee=committee
    )
    assert found(member, "posts", "covoiturage") == {post.get_absolute_url()}
    assert found(other_member, "posts", "covoiturage") == set()


def test_the_overview_counts_each_kind_in_the_same_query(client_member, member):
    category = CategoryFactory()
    topic = Topic.objects.create(category=category, author=member, title="Fibre")
    Post.objects.bulk_create(
        Post(topic=topic, author=member, body=f"Fibre numéro {n}") for n in range(7)
    )
    html = client_member.get(reverse("home:search"), {"q": "fibre"}).text
    assert 'badge--muted">7<' in html
    assert "Voir les 7 résultats" in html


def test_wagtail_kinds_have_a_capped_count(client_member, monkeypatch):
    for n in range(4):
        NewsPageFactory(title=f"Vide-grenier {n}")
    monkeypatch.setattr(site_search, "COUNT_CAP", 3)
    html = client_member.get(reverse("home:search"), {"q": "vide-grenier"}).text
    assert 'badge--muted">3+<' in html


def test_a_kind_counted_past_its_cap_still_shows_its_newest_first(member, monkeypatch):
    """One query a kind: its first rows are chosen in the order shown, then
    counted; the count stops at the cap and the preview keeps the newest."""
    now = timezone.now()
    posts = FeedPost.objects.bulk_create(
        FeedPost(author=member, body=f"Fibre optique {n}") for n in range(6)
    )
    for age, post in enumerate(posts):
        FeedPost.objects.filter(pk=post.pk).update(created_at=now - timedelta(days=age))
    FeedPost.objects.create(author=member, body="Rien à voir")
    kind = site_search.kind_for("posts")
    monkeypatch.setattr(site_search, "COUNT_CAP", 4)
    capped = site_search.preview(kind, member, "fibre", 2)
    assert (capped.count, capped.capped) == (4, True)
    assert [result.url for result in capped.results] == [
        posts[0].get_absolute_url(),
        posts[1].get_absolute_url(),
    ]
    monkeypatch.setattr(site_search, "COUNT_CAP", 50)
    exact = site_search.preview(kind, member, "fibre", 2)
    assert (exact.count, exact.capped) == (6, False)
    assert site_search.preview(kind, member, "introuvable", 2).count == 0


def test_a_kind_joined_to_several_rows_an_item_is_counted_as_its_query_finds_it(
    member,
):
    """Reading the first rows again without their filter would repeat an item once
    per joined row (every skill, not the one found): such a kind is counted by a
    scalar subquery instead."""
    profile = member.profile
    for name in ("Poterie", "Jardin", "Cuisine"):
        skill = Skill.objects.create(name=name, slug=name.lower())
        TaggedSkill.objects.create(tag=skill, content_object=profile)
    kind = site_search.Kind(
        "skills",
        "Skills",
        lambda user, query: Profile.objects.filter(
            skills__name__icontains=query
        ).order_by("pk"),
        lambda found: site_search.Result(str(found.pk), f"/{found.pk}"),
    )
    shown = site_search.preview(kind, member, "pot", 5)
    assert (shown.count, len(shown.results)) == (1, 1)
    # The site's own kinds join no such table: each is read again by id.
    for key in ("posts", "forums", "missions", "mutualaid"):
        found = site_search.kind_for(key).search(member, "fibre")
        assert not site_search._repeats_rows(found), key


def test_a_kind_of_one_shape_builds_the_same_sql_for_every_kind_of_member(
    member, network_editor, moderator
):
    """The overview keeps the SQL of `one_shape` kinds per process: it may depend
    on the member's id, never on their rights or committees, nor on the words
    (one text on PostgreSQL)."""
    committee = CommitteePageFactory()
    referent = UserFactory()
    CommitteeMembershipFactory(user=referent, committee=committee, role="referent")
    superuser = UserFactory(is_superuser=True, is_staff=True)
    members = [member, network_editor, referent, moderator, superuser]
    shaped = [kind for kind in site_search.KINDS if kind.one_shape]
    assert {kind.key for kind in shaped} >= {"posts", "forums", "missions", "mutualaid"}
    for kind in shaped:
        built = [
            (user.pk, *_sql_of(site_search._first_counted(kind.search(user, q), 3)))
            for user in members
            for q in (["voisin", "voisin d'en face"] if _one_text() else ["voisin"])
        ]
        assert len({sql for _pk, sql, _params in built}) == 1, kind.key
        for place, values in enumerate(
            zip(*(params for *_, params in built), strict=True)
        ):
            same = len(set(map(repr, values))) == 1
            each_member = list(values) == [pk for pk, *_ in built]
            words = set(values) == {"voisin", "voisin d'en face"}
            assert same or each_member or words, (kind.key, place, values)


def _one_text() -> bool:
    return connection.vendor == "postgresql"


def _sql_of(queryset) -> tuple[str, list]:
    sql, params = queryset.query.get_compiler(using="default").as_sql()
    return sql, list(params)


@pytest.mark.parametrize("count", [5, 40])
def test_the_search_page_runs_a_flat_number_of_queries(
    client_member, member, count, django_assert_max_num_queries
):
    category = CategoryFactory()
    for n in range(count):
        person = UserFactory(first_name="Fibre", last_name=f"N{n}")
        topic = Topic.objects.create(category=category, author=person, title="Fibre")
        Post.objects.create(topic=topic, author=person, body=f"La fibre {n}")
        FeedPost.objects.create(author=person, body=f"Fibre optique {n}")
    # Warm, as the bench measures: content types and the like are cached once.
    client_member.get(reverse("home:search"), {"q": "fibre"})
    with django_assert_max_num_queries(14):
        response = client_member.get(reverse("home:search"), {"q": "fibre"})
    assert response.status_code == 200
    with django_assert_max_num_queries(9):
        response = client_member.get(
            reverse("home:search"), {"q": "fibre", "type": "forums"}
        )
    assert response.text.count("La <mark>fibre</mark>") == min(count, 20)
