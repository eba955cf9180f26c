"""Reporting what is written outside the forums (here a feed post; missions and
help entries register the same way): it reaches the moderators' bell and queue,
they act on it or dismiss it, and everyone concerned hears the outcome."""

import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from activity import services
from activity.models import (
    CommitteeFeedSettings,
    ContentReport,
    FeedPost,
    Notification,
)
from intranet import ratelimit
from tests.factories import (
    CommitteeMembershipFactory,
    CommitteePageFactory,
    UserFactory,
)

MODERATORS = "Modération des échanges"


@pytest.fixture
def people(db):
    moderator = UserFactory(first_name="Mona", last_name="Dératrice")
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    return {
        "moderator": moderator,
        "author": UserFactory(first_name="Axel", last_name="Auteur"),
        "reporter": UserFactory(first_name="Rémi", last_name="Porteur"),
        "second": UserFactory(first_name="Sara", last_name="Second"),
        "bystander": UserFactory(),
    }


def _report_url(post) -> str:
    return reverse("activity:report", args=["activity.feedpost", post.pk])


def _report(client, user, post, reason="Publicité déguisée"):
    client.force_login(user)
    return client.post(_report_url(post), {"reason": reason})


def _nav_count(client, user) -> str | None:
    client.force_login(user)
    html = client.get(reverse("activity:list")).content.decode()
    found = re.search(
        r'href="/forums/moderation/"[^>]*>[^<]*<span class="nav-count"[^>]*>'
        r'<span class="count">(\d+)</span>',
        html,
    )
    return found[1] if found else None


def test_a_report_reaches_the_moderators_and_their_queue(client, people):
    post = services.post_create(author=people["author"], body="Achetez mes tisanes")
    client.force_login(people["reporter"])
    page = client.get(reverse("activity:post_detail", args=[post.pk]))
    assert _report_url(post) in page.content.decode()  # offered on the post
    response = _report(client, people["reporter"], post)
    assert response.status_code == 302 and response.url == post.get_absolute_url()
    report = ContentReport.objects.get()
    assert (report.reporter, report.object_id) == (people["reporter"], post.pk)
    note = Notification.objects.get(kind="content_report")
    assert note.recipient == people["moderator"]  # not the author, nor the reporter
    assert note.text.startswith("Un signalement à traiter : « Achetez mes tisanes")
    assert "Porteur" not in note.text
    assert note.url == reverse("forums:moderation")
    assert _nav_count(client, people["moderator"]) == "1"
    assert _nav_count(client, people["bystander"]) is None
    client.force_login(people["moderator"])
    queue = client.get(reverse("forums:moderation")).content.decode()
    assert "Autres contenus signalés" in queue
    assert "Signalé par Rémi Porteur · Publication d'Axel Auteur" in queue
    assert "Publicité déguisée" in queue and "Achetez mes tisanes" in queue


def test_bad_reports_are_refused_in_french(client, people):
    post = services.post_create(author=people["author"], body="Bonjour")
    # Empty reason: the form says what to do.
    response = _report(client, people["reporter"], post, reason="  ")
    assert "Dites ce qui ne va pas." in response.content.decode()
    # Twice: refused with a clear message, nothing stored twice.
    _report(client, people["reporter"], post)
    response = _report(client, people["reporter"], post)
    assert "Vous avez déjà signalé ceci" in response.content.decode()
    assert ContentReport.objects.count() == 1
    # One's own post.
    response = _report(client, people["author"], post)
    assert "Vous ne pouvez pas signaler ce que vous avez écrit" in (
        response.content.decode()
    )
    # What one may not read, and what is not reportable, does not exist.
    committee = CommitteePageFactory()
    CommitteeMembershipFactory(committee=committee, user=people["author"])
    CommitteeFeedSettings.objects.create(committee=committee, members_only=True)
    private = services.post_create(
        author=people["author"], body="Entre nous", committee=committee
    )
    assert _report(client, people["reporter"], private).status_code == 404
    client.force_login(people["reporter"])
    assert (
        client.post(
            reverse("activity:report", args=["members.user", people["author"].pk]),
            {"reason": "x"},
        ).status_code
        == 404
    )
    assert ContentReport.objects.count() == 1
    # Anonymous: to the login page.
    client.logout()
    response = client.post(_report_url(post), {"reason": "x"})
    assert response.status_code == 302 and "/login/" in response.url


def test_reports_are_rate_limited(people):
    posts = [
        services.post_create(author=author, body=f"Message {n}")
        for n, author in enumerate(
            UserFactory.create_batch(services.REPORTS_PER_HOUR + 1)
        )
    ]
    for post in posts[:-1]:
        services.content_report_create(
            target=post, reporter=people["reporter"], reason="Hors sujet"
        )
    with pytest.raises(Exception, match="au plus 10 signalements par heure"):
        services.content_report_create(
            target=posts[-1], reporter=people["reporter"], reason="Hors sujet"
        )
    assert ContentReport.objects.count() == services.REPORTS_PER_HOUR


def test_acting_hides_it_closes_every_report_of_it_and_tells_everyone(client, people):
    post = services.post_create(author=people["author"], body="Achetez mes tisanes")
    _report(client, people["reporter"], post)
    _report(client, people["second"], post, reason="Commercial")
    first = ContentReport.objects.filter(reporter=people["reporter"]).get()
    client.force_login(people["moderator"])
    response = client.post(
        reverse("forums:moderation"),
        {"content_report": first.pk, "decision": "act", "resolution": "Publicité"},
    )
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.hidden_at is not None and post.hidden_by == people["moderator"]
    assert set(ContentReport.objects.values_list("status", flat=True)) == {"acted"}
    told = Notification.objects.filter(kind="content_report_handled")
    assert set(told.values_list("recipient", flat=True)) == {
        people["reporter"].pk,
        people["second"].pk,
        people["author"].pk,
    }
    to_author = told.get(recipient=people["author"])
    assert to_author.text == (
        "Les modérateurs ont masqué « Achetez mes tisanes » : Publicité"
    )
    to_reporter = told.get(recipient=people["reporter"])
    assert "Publicité" not in to_reporter.text  # no details for the reporter
    assert _nav_count(client, people["moderator"]) is None
    # Handled twice (a second tab): a clear message, nothing changes.
    response = client.post(
        reverse("forums:moderation"),
        {"content_report": first.pk, "decision": "dismiss"},
        follow=True,
    )
    assert response.status_code == 404


def test_dismissing_tells_the_reporter_only(client, people):
    post = services.post_create(author=people["author"], body="Bonjour")
    _report(client, people["reporter"], post)
    report = ContentReport.objects.get()
    services.content_report_resolve(report=report, by=people["moderator"], acted=False)
    assert FeedPost.objects.shown().filter(pk=post.pk).exists()
    assert list(
        Notification.objects.filter(kind="content_report_handled").values_list(
            "recipient", flat=True
        )
    ) == [people["reporter"].pk]


def test_only_moderators_decide(client, people):
    """A crafted POST by a member or a committee's référent changes nothing."""
    post = services.post_create(author=people["author"], body="Bonjour")
    _report(client, people["reporter"], post)
    report = ContentReport.objects.get()
    referent = CommitteeMembershipFactory(role="referent").user
    for user in (people["bystander"], referent):
        client.force_login(user)
        response = client.post(
            reverse("forums:moderation"),
            {"content_report": report.pk, "decision": "act"},
        )
        assert response.status_code == 403
        # The référent's queue shows no other content.
        if user == referent:
            queue = client.get(reverse("forums:moderation")).content.decode()
            assert "Autres contenus signalés" not in queue
    report.refresh_from_db()
    assert report.status == "open"
    assert FeedPost.objects.shown().filter(pk=post.pk).exists()


def test_a_deleted_target_leaves_the_queue(client, people):
    post = services.post_create(author=people["author"], body="Bonjour")
    _report(client, people["reporter"], post)
    report = ContentReport.objects.get()
    services.post_delete(post=post, by=people["author"])
    client.force_login(people["moderator"])
    assert "Autres contenus signalés" not in (
        client.get(reverse("forums:moderation")).content.decode()
    )
    services.content_report_resolve(report=report, by=people["moderator"], acted=True)
    report.refresh_from_db()
    assert report.status == "dismissed"
    assert not Notification.objects.filter(kind="content_report_handled").exists()


@pytest.mark.parametrize("count", [2, 12])
def test_the_queue_costs_the_same_for_2_or_12_reports(
    client, people, count, django_assert_max_num_queries
):
    with ratelimit.suspended():
        for n in range(count):
            post = services.post_create(author=people["author"], body=f"Message {n}")
            services.content_report_create(
                target=post, reporter=people["reporter"], reason="Hors sujet"
            )
    client.force_login(people["moderator"])
    client.get(reverse("forums:moderation"))
    with django_assert_max_num_queries(12):
        response = client.get(reverse("forums:moderation"))
    assert response.content.decode().count('name="content_report"') == count


def test_reports_are_in_the_data_download_and_go_with_the_erasure(people):
    from activity.data import erase_activity, export_reports

    post = services.post_create(author=people["author"], body="Bonjour")
    services.content_report_create(
        target=post, reporter=people["reporter"], reason="Hors sujet"
    )
    exported = export_reports(people["reporter"])
    assert [(r["content"], r["id"], r["reason"]) for r in exported] == [
        ("activity.feedpost", post.pk, "Hors sujet")
    ]
    assert export_reports(people["author"]) == []
    erase_activity(people["reporter"])
    assert not ContentReport.objects.exists()
