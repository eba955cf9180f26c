"""Feeds read cleanly: a committee's published news reach its feed, and runs of
similar entries show as one, on the feed pages and on the dashboard alike."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from activity import activity, feed
from events import services as event_services
from forums import services as forum_services
from tests.factories import (
    CategoryFactory,
    CommitteeMembershipFactory,
    EventPageFactory,
    UserFactory,
)
from tests.home.test_committee_rights import member_of, submit_news


def _text(response) -> str:
    assert response.status_code == 200
    return " ".join(response.content.decode().split())


def test_news_published_through_the_workflow_reach_the_committee_feed(
    client, committee
):
    from committees.models import CommitteeMembership

    editor = member_of(committee, is_editor=True)
    referent = member_of(committee, role=CommitteeMembership.Role.REFERENT)
    news, task_state = submit_news(client, editor, committee)
    client.force_login(referent)
    client.post(
        f"/admin/pages/workflow/action/{news.pk}/approve/{task_state.pk}/",
        {"comment": ""},
    )
    news.refresh_from_db()
    assert news.live
    reader = CommitteeMembershipFactory(committee=committee).user
    client.force_login(reader)
    feed_page = _text(client.get(reverse("activity:committee", args=[committee.pk])))
    assert "Marché de Noël" in feed_page
    assert "a publié une actualité" in feed_page
    # The dashboard and the committee's page show it as before, the page once only.
    assert "Marché de Noël" in _text(client.get("/"))
    assert _text(client.get(committee.url)).count("Marché de Noël") == 1


def _schedule(count, by, *, parent=None):
    events = []
    for n in range(count):
        event = EventPageFactory(title=f"Atelier n°{n}", parent=parent)
        event_services.event_published(event=event, by=by)
        events.append(event)
    return events


def test_meetups_planned_in_a_row_read_as_one_entry(client_member, member):
    editor = UserFactory()
    _schedule(5, editor)
    entries = feed.read(member, feed.network_feed(member)).entries
    assert [entry.count for entry in entries] == [5]
    for url in ("/", reverse("activity:mine"), reverse("activity:network")):
        text = _text(client_member.get(url))
        assert "Le réseau organise 5 rencontres" in text, url
        assert "Le réseau organise une rencontre" not in text, url
        assert all(f"Atelier n°{n}" in text for n in range(5)), url


def test_only_consecutive_entries_of_one_kind_and_target_merge(member, committee):
    editor, poster = UserFactory(), UserFactory()
    _schedule(2, editor)
    interrupt = forum_services.topic_create(
        author=poster, category=CategoryFactory(), title="Entre deux", body="x"
    )
    _schedule(1, editor)
    _schedule(2, editor, parent=committee)  # a committee's own: another target
    moment = timezone.now() - timedelta(minutes=1)
    activity.redate(interrupt, moment)  # still between the first two and the rest
    for n, action in enumerate(activity.actions_of(editor).order_by("pk")):
        type(action).objects.filter(pk=action.pk).update(
            timestamp=moment + timedelta(seconds=(n - 1.5) * 10)
        )
    entries = feed.read(member, feed.network_feed(member)).entries
    shape = [(entry.action.verb, entry.count) for entry in entries]
    assert shape == [
        (activity.SCHEDULED, 2),  # the committee's two
        (activity.SCHEDULED, 1),  # the network's third
        (activity.STARTED_TOPIC, 1),
        (activity.SCHEDULED, 2),  # the network's first two
    ]


def test_topics_started_in_a_row_in_a_category_are_grouped(client_member):
    category = CategoryFactory(name="Entraide")
    for n in range(4):
        forum_services.topic_create(
            author=UserFactory(), category=category, title=f"Question {n}", body="x"
        )
    text = _text(client_member.get(reverse("activity:network")))
    assert "4 nouveaux sujets dans Entraide" in text
    assert all(f"Question {n}" in text for n in range(4))
    assert "a lancé un sujet" not in text


@pytest.mark.parametrize("count", [3, 15])
def test_grouped_entries_keep_the_query_budgets(
    client_member, member, count, django_assert_max_num_queries
):
    editor = UserFactory()
    _schedule(count, editor)
    category = CategoryFactory(name="Entraide")
    for n in range(count):
        forum_services.topic_create(
            author=UserFactory(), category=category, title=f"Question {n}", body="x"
        )
    for url in (reverse("activity:mine"), reverse("activity:network")):
        client_member.get(url)  # content types and addresses cached
        with django_assert_max_num_queries(14):
            assert client_member.get(url).status_code == 200
    client_member.get("/")
    with django_assert_max_num_queries(18):  # as tests/home/test_dashboard_cache.py
        assert client_member.get("/").status_code == 200
