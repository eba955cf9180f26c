"""A new member's first steps on the dashboard: each step ticks itself from the
member's data, suggestions come with follow buttons, the list goes away once done
or put away, and members of long standing never pay for it."""

from datetime import timedelta
from html import unescape

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from activity.models import NotificationPreference
from members.models import Profile, User
from tests.factories import CommitteeMembershipFactory, UserFactory
from tests.members.test_profiles import jpeg_with_gps, profile_data, upload

TITLE = "Vos premiers pas"


def dashboard(client) -> str:
    response = client.get("/")
    assert response.status_code == 200
    return unescape(response.content.decode())


def panel(html: str) -> str:
    start = html.find(TITLE)
    return html[start : html.find("</section>", start)] if start >= 0 else ""


def done(html: str) -> int:
    return panel(html).count("first-steps__step--done")


def test_the_steps_tick_themselves_and_the_list_goes_once_done(
    client_member, member, committee
):
    html = dashboard(client_member)
    assert TITLE in html and "0 étape sur 7 faite" in html
    assert f'href="{reverse("activity:preferences")}"' in panel(html)
    # The profile: profession, skills, offer, commune (no photo yet).
    client_member.post(reverse("members:profile_edit"), profile_data())
    assert done(dashboard(client_member)) == 3
    # A committee, and someone of it to follow among the suggestions.
    CommitteeMembershipFactory(user=member, committee=committee)
    neighbour = UserFactory(first_name="Nadia", last_name="Voisine")
    CommitteeMembershipFactory(user=neighbour, committee=committee)
    html = dashboard(client_member)
    assert done(html) == 4
    assert "Nadia Voisine" in panel(html) and "de votre comité" in panel(html)
    response = client_member.post(
        reverse("members:follow", args=[neighbour.pk]), {"next": "/"}
    )
    assert response["Location"] == "/"
    html = dashboard(client_member)
    assert done(html) == 5 and "Nadia Voisine" not in panel(html)
    NotificationPreference.objects.create(user=member, kind="mention", channel="site")
    assert done(dashboard(client_member)) == 6
    client_member.post(
        reverse("members:profile_edit"),
        profile_data(new_photo=upload(jpeg_with_gps())),
    )
    assert TITLE not in dashboard(client_member)


def test_putting_the_steps_away_is_kept_on_the_server(client_member, member):
    assert TITLE in dashboard(client_member)
    client_member.post(reverse("members:first_steps_dismiss"))
    assert Profile.objects.get(user=member).first_steps_dismissed_at is not None
    assert TITLE not in dashboard(client_member)
    from django.core.cache import cache

    cache.clear()  # another server, a restart: still away
    assert TITLE not in dashboard(client_member)


def test_members_of_long_standing_pay_nothing(client, member):
    User.objects.filter(pk=member.pk).update(
        date_joined=timezone.now() - timedelta(days=90)
    )
    client.force_login(User.objects.get(pk=member.pk))
    dashboard(client)
    with CaptureQueriesContext(connection) as old:
        html = dashboard(client)
    assert TITLE not in html
    newcomer = UserFactory()
    client.force_login(newcomer)
    dashboard(client)  # the suggestions cached, as in a running server
    with CaptureQueriesContext(connection) as new:
        html = dashboard(client)
    assert TITLE in html
    assert len(new) == len(old) + 1
    # Put away: back to the old cost.
    client.post(reverse("members:first_steps_dismiss"))
    dashboard(client)
    with CaptureQueriesContext(connection) as away:
        dashboard(client)
    assert len(away) == len(old)
