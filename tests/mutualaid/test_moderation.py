"""Help entries are reported like every other content (`intranet.shell.reports`):
a report reaches the moderators' queue, acting hides the entry, which its author
and the moderators still see; only moderators hide, from the queue or the page."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from activity import services as activity_services
from activity.models import ContentReport, Notification
from mutualaid import selectors, services
from mutualaid.models import HelpEntry
from tests.mutualaid.conftest import post


def _report_url(entry) -> str:
    return reverse("activity:report", args=["mutualaid.helpentry", entry.pk])


def test_a_reported_entry_is_hidden_by_a_moderator(client, asker, helper, moderator):
    entry = post(asker, title="Vente de tisanes miracles", kind="offer")
    client.force_login(helper)
    page = client.get(entry.get_absolute_url()).content.decode()
    assert _report_url(entry) in page  # offered to others
    response = client.post(_report_url(entry), {"reason": "Publicité"})
    assert response.status_code == 302 and response.url == entry.get_absolute_url()
    report = ContentReport.objects.get()
    assert Notification.objects.filter(
        kind="content_report", recipient=moderator
    ).exists()
    client.force_login(moderator)
    queue = client.get(reverse("forums:moderation")).content.decode()
    assert "Vente de tisanes miracles" in queue

    activity_services.content_report_resolve(report=report, by=moderator, acted=True)
    entry.refresh_from_db()
    assert entry.hidden_at and entry.hidden_by == moderator
    client.force_login(helper)
    assert client.get(entry.get_absolute_url()).status_code == 404
    assert "tisanes" not in client.get(reverse("mutualaid:list")).content.decode()
    client.force_login(asker)
    page = client.get(entry.get_absolute_url()).content.decode()
    assert "Masquée par un modérateur" in page
    assert _report_url(entry) not in page  # one's own: nothing to report


def test_one_cannot_report_ones_own_entry(client, asker):
    entry = post(asker)
    client.force_login(asker)
    assert (
        _report_url(entry) not in client.get(entry.get_absolute_url()).content.decode()
    )
    client.post(_report_url(entry), {"reason": "Test"})
    assert not ContentReport.objects.exists()


def test_only_moderators_hide_and_show_again(client, asker, helper, moderator):
    entry = post(asker)
    for someone in (asker, helper):
        with pytest.raises(PermissionDenied):
            services.entry_hide(entry=entry, by=someone)
        client.force_login(someone)
        assert (
            client.post(reverse("mutualaid:hide", args=[entry.pk])).status_code == 403
        )
    entry.refresh_from_db()
    assert entry.hidden_at is None
    client.force_login(moderator)
    page = client.get(entry.get_absolute_url()).content.decode()
    assert "Masquer</button>" in page
    client.post(reverse("mutualaid:hide", args=[entry.pk]))
    entry.refresh_from_db()
    assert entry.hidden_at and entry.hidden_by == moderator
    client.post(reverse("mutualaid:hide", args=[entry.pk]), {"hidden": "0"})
    entry.refresh_from_db()
    assert entry.hidden_at is None and entry.hidden_by is None


def test_hidden_entries_leave_the_matches_and_the_panel(asker, helper, moderator):
    offer = post(helper, title="Je prête un vidéoprojecteur", kind="offer")
    services.entry_hide(entry=offer, by=moderator)
    request = post(asker, title="Emprunter un vidéoprojecteur")
    assert selectors.matches_for(entry=request, viewer=asker) == []
    assert offer.pk not in [e.pk for e in selectors.near_me(viewer=asker)]
    assert HelpEntry.objects.shown().count() == 1
