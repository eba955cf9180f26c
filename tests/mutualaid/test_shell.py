"""Mutual help in the rest of the intranet: the feed (members only; hidden
entries only for their author), the site search, the data download and erasure,
the notification preferences."""

import io
import json
import zipfile
from html import unescape

from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils import timezone

from activity import feed
from members.personal_data import erase, export_zip
from mutualaid import selectors, services
from mutualaid.models import HelpAnswer, HelpEntry
from tests.factories import UserFactory
from tests.mutualaid.conftest import post


def _titles(viewer, where) -> list[str]:
    page = feed.read(viewer, where)
    return [
        action.action_object.title
        for entry in page.entries
        for action in entry.actions
        if isinstance(action.action_object, HelpEntry)
    ]


def test_entries_reach_the_members_feeds_never_a_visitor_nor_when_hidden(
    asker, helper, moderator
):
    entry = post(asker, title="Emprunter un vidéoprojecteur")
    assert _titles(helper, feed.network_feed(helper)) == [entry.title]
    assert _titles(helper, feed.member_feed(asker)) == [entry.title]
    assert _titles(AnonymousUser(), feed.member_feed(asker)) == []
    HelpEntry.objects.filter(pk=entry.pk).update(
        hidden_at=timezone.now(), hidden_by=moderator
    )
    assert _titles(helper, feed.network_feed(helper)) == []
    assert _titles(asker, feed.member_feed(asker)) == [entry.title]
    assert _titles(moderator, feed.member_feed(asker)) == [entry.title]


def test_the_network_feed_page_shows_an_entry(client, asker, helper):
    post(asker, title="Emprunter un vidéoprojecteur")
    client.force_login(helper)
    html = unescape(client.get(reverse("activity:network")).content.decode())
    assert "Camille Laborde demande de l'aide à Lectoure" in html
    assert "Emprunter un vidéoprojecteur" in html


def test_the_site_search_finds_entries_accents_aside(client, asker, helper, moderator):
    found = post(asker, title="Emprunter un vidéoprojecteur", details="Pour samedi")
    hidden = post(asker, title="Vidéoprojecteur caché")
    HelpEntry.objects.filter(pk=hidden.pk).update(
        hidden_at=timezone.now(), hidden_by=moderator
    )
    for reader in (helper, asker, moderator):  # a hidden entry is opened, not found
        client.force_login(reader)
        html = client.get(reverse("home:search"), {"q": "videoprojecteur"}).text
        assert f'<a href="{found.get_absolute_url()}">Emprunter un <mark>' in html
        assert 'id="kind-mutualaid">Entraide' in html
        assert "caché" not in html


def test_a_members_help_is_downloaded_and_erased(asker, helper, moderator):
    mine = post(asker, title="Emprunter un vidéoprojecteur")
    services.answer_create(entry=mine, author=helper, message="J'en ai un")
    theirs = post(helper, title="Je prête une remorque", kind="offer")
    services.answer_create(entry=theirs, author=asker, message="Ça m'intéresse")
    hidden = post(helper, title="Masquée")
    HelpEntry.objects.filter(pk=hidden.pk).update(
        hidden_at=timezone.now(), hidden_by=asker
    )
    archive = zipfile.ZipFile(io.BytesIO(export_zip(asker)))
    data = json.loads(archive.read("mutual_help.json"))
    assert [e["title"] for e in data["entries"]] == ["Emprunter un vidéoprojecteur"]
    assert data["entries"][0]["answers_received"][0]["message"] == "J'en ai un"
    assert data["answers_given"] == [
        {"entry": "Je prête une remorque", "message": "Ça m'intéresse",
         "at": data["answers_given"][0]["at"]}
    ]  # fmt: skip
    erase(asker)
    assert not HelpEntry.objects.filter(author=asker).exists()
    assert not HelpAnswer.objects.filter(author=asker).exists()
    assert HelpEntry.objects.filter(pk=theirs.pk).exists()
    hidden.refresh_from_db()
    assert hidden.hidden_at and hidden.hidden_by is None


def test_a_member_chooses_how_they_hear_of_mutual_help(client, asker):
    client.force_login(asker)
    html = unescape(client.get(reverse("activity:preferences")).content.decode())
    assert "Entraide : quelqu'un répond à mon offre ou à ma demande" in html
    assert "Entraide : une nouvelle annonce près de chez moi" in html


def test_a_visitor_sees_no_entry_at_all(asker):
    post(asker)
    assert HelpEntry.objects.exists()
    assert not selectors.visible_entries(viewer=AnonymousUser()).exists()
    former = UserFactory(is_active=False)
    assert not selectors.visible_entries(viewer=former).exists()
