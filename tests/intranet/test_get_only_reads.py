"""A GET never writes: reading a page changes nothing in the database (what a
member has read is written by a POST the page sends itself, see chat.js and the
forums' « Mark as read »)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from chat import services as chat_services
from chat.models import Room
from forums import services as forum_services
from tests.factories import (
    CategoryFactory,
    CommitteeMembershipFactory,
    EventPageFactory,
)

#: Tables a GET may write, and why: the session (Django and allauth note the
#: member's activity on their sessions, for « Mes sessions »).
SESSION_TABLES = ("django_session", "usersessions_usersession")


@pytest.fixture
def network(member, other_member, committee):
    CommitteeMembershipFactory(user=member, committee=committee, role="referent")
    CommitteeMembershipFactory(user=other_member, committee=committee)
    category = CategoryFactory()
    topic = forum_services.topic_create(
        author=other_member, category=category, title="Fibre à Auch", body="Qui ?"
    )
    general = Room.objects.create(kind=Room.Kind.NETWORK, name="Général", slug="g")
    chat_services.message_post(room=general, author=other_member, body="Bonjour")
    event = EventPageFactory()
    return {"category": category, "topic": topic, "room": general, "event": event}


def _writes(queries) -> list[str]:
    return [
        query["sql"]
        for query in queries
        if query["sql"].lstrip().split(" ", 1)[0].upper()
        in ("INSERT", "UPDATE", "DELETE")
        and not any(table in query["sql"] for table in SESSION_TABLES)
    ]


def test_reading_the_main_pages_writes_nothing(
    client, member, other_member, committee, network
):
    client.force_login(member)
    client.get("/")  # the first request of a session settles its language
    paths = [
        "/",
        reverse("activity:mine"),
        reverse("activity:network"),
        reverse("activity:committee", args=[committee.pk]),
        reverse("activity:list"),
        reverse("forums:categories"),
        network["category"].get_absolute_url(),
        reverse("forums:topic", args=[network["topic"].pk]),
        reverse("forums:first_unread", args=[network["topic"].pk]),
        reverse("chat:index"),
        network["room"].get_absolute_url(),
        reverse("members:directory"),
        reverse("members:profile_detail", args=[other_member.pk]),
        reverse("members:account"),
        reverse("home:search") + "?q=fibre",
        committee.url,
        network["event"].url,
    ]
    for path in paths:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path, follow=True)
        assert response.status_code == 200, path
        assert _writes(queries.captured_queries) == [], path
