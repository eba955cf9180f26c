"""The moderation loop closes: a report reaches the bell of those who can act on
it and the queue's link shows how many wait; the reporter hears it was handled
(no details), the author of a hidden message why."""

import re

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from activity.models import Notification
from forums import services
from forums.models import Report
from tests.factories import (
    CategoryFactory,
    CommitteeMembershipFactory,
    CommitteePageFactory,
    UserFactory,
)

MODERATORS = "Modération des échanges"


@pytest.fixture
def people(db):
    committee = CommitteePageFactory(title="Comité d'accueil de Lectoure")
    local = CategoryFactory(name="Vie locale", committee=committee)
    network = CategoryFactory(name="Entraide", slug="entraide")
    moderator = UserFactory(first_name="Mona", last_name="Dératrice")
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    referent = CommitteeMembershipFactory(committee=committee, role="referent").user
    other_referent = CommitteeMembershipFactory(role="referent").user
    return {
        "local": local,
        "network": network,
        "moderator": moderator,
        "referent": referent,
        "other_referent": other_referent,
        "reporter": UserFactory(first_name="Rémi", last_name="Porteur"),
        "author": UserFactory(first_name="Axel", last_name="Auteur"),
        "bystander": UserFactory(),
    }


def _report(client, people, category, *, body="Message déplacé", reason="Injurieux"):
    topic = services.topic_create(
        author=people["author"], category=category, title="Les haies", body=body
    )
    client.force_login(people["reporter"])
    response = client.post(
        reverse("forums:post_report", args=[topic.posts.get().pk]), {"reason": reason}
    )
    assert response.status_code in (200, 302)
    return Report.objects.get(post__topic=topic)


def _nav_count(client, user) -> str | None:
    """The moderation entry's count in the navigation, or None without it."""
    client.force_login(user)
    html = client.get(reverse("activity:list")).content.decode()
    found = re.search(
        r'href="/forums/moderation/"[^>]*>[^<]*<span class="nav-count"[^>]*>'
        r'<span class="count">(\d+)</span>',
        html,
    )
    return found[1] if found else None


def test_a_report_reaches_those_who_can_act_with_a_count_on_the_queue(client, people):
    _report(client, people, people["local"])
    told = set(
        Notification.objects.filter(kind="forum_report").values_list(
            "recipient", flat=True
        )
    )
    # Moderators everywhere and the committee's référents; not another
    # committee's référent, nor the reporter, nor the author.
    assert told == {people["moderator"].pk, people["referent"].pk}
    note = Notification.objects.get(recipient=people["referent"], kind="forum_report")
    assert note.text == "Un message a été signalé dans « Les haies »."
    assert note.url == reverse("forums:moderation")
    assert "Porteur" not in note.text  # who reported stays in the queue
    assert _nav_count(client, people["moderator"]) == "1"
    assert _nav_count(client, people["referent"]) == "1"
    assert _nav_count(client, people["other_referent"]) is None
    assert _nav_count(client, people["bystander"]) is None
    # A report in a network category: the moderators only.
    _report(client, people, people["network"], body="Autre message")
    assert _nav_count(client, people["moderator"]) == "2"
    assert _nav_count(client, people["referent"]) == "1"
    # A superuser moderates everything (the header's SQL has a shape of its own
    # for superusers, built once like the other).
    assert _nav_count(client, UserFactory(is_superuser=True, is_staff=True)) == "2"
    assert _nav_count(client, people["bystander"]) is None


def test_the_outcome_is_told_to_the_reporter_and_the_hidden_author(client, people):
    report = _report(client, people, people["local"])
    client.force_login(people["referent"])
    client.post(
        reverse("forums:moderation"),
        {"report": report.pk, "decision": "act", "resolution": "Propos blessants"},
    )
    to_reporter = Notification.objects.get(
        recipient=people["reporter"], kind="forum_report_handled"
    )
    assert to_reporter.text == (
        "Votre signalement d’un message dans « Les haies » a été traité."
    )
    assert "blessants" not in to_reporter.text  # no details for the reporter
    to_author = Notification.objects.get(
        recipient=people["author"], kind="forum_report_handled"
    )
    assert "masqué" in to_author.text and "Propos blessants" in to_author.text
    # Handled: the count is gone and the entry with it.
    assert _nav_count(client, people["referent"]) is None
    # The reporter sees it in their bell.
    client.force_login(people["reporter"])
    assert "a été traité" in client.get(reverse("activity:list")).content.decode()


def test_a_dismissed_report_tells_the_reporter_only(client, people):
    report = _report(client, people, people["network"])
    client.force_login(people["moderator"])
    client.post(reverse("forums:moderation"), {"report": report.pk, "decision": "x"})
    assert Notification.objects.filter(
        recipient=people["reporter"], kind="forum_report_handled"
    ).exists()
    assert not Notification.objects.filter(
        recipient=people["author"], kind="forum_report_handled"
    ).exists()


def test_the_header_count_costs_no_query_more(client, people):
    """The count is read in the header's one query: the navigation with the
    queue's entry costs what it cost before the report."""
    url = reverse("members:directory")

    def queries_of(user):
        client.force_login(user)
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            html = client.get(url).content.decode()
        return len(captured), html

    before, html = queries_of(people["referent"])
    assert 'href="/forums/moderation/"' not in html
    _report(client, people, people["local"])
    after, html = queries_of(people["referent"])
    assert 'href="/forums/moderation/"' in html
    assert after == before
