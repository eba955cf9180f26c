"""One renderer for members' text (issue #21): mentions become names (linked where
a link may be), never codes; excerpts are cut on a word with an ellipsis; the same
in the feeds, the search, the notifications and the e-mails."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from activity import services as feed
from forums import services as forums
from intranet import membertext
from tests.factories import CategoryFactory, UserFactory


@pytest.fixture
def ines(db):
    return UserFactory(first_name="Inès", last_name="Carrère")


def test_an_excerpt_is_cut_on_a_word_with_an_ellipsis():
    text = "Le marché de Mauvezin rouvre samedi matin, venez nombreux."
    assert membertext.excerpt(text, {}, 200) == text
    cut = membertext.excerpt(text, {}, 30)
    assert cut == "Le marché de Mauvezin rouvre…"
    assert membertext.excerpt("Anticonstitutionnellement", {}, 10) == "Anticonsti…"


def test_an_excerpt_leaves_out_markdown_and_names_mentions(ines):
    names = {ines.pk: ines}
    text = (
        f"**Merci** @[{ines.pk}] pour [le lien](https://example.org) !\n\n- un\n- deux"
    )
    assert (
        membertext.excerpt(text, names) == "Merci @Inès Carrère pour le lien ! un deux"
    )
    assert membertext.excerpt("Salut @[999999]", {}) == "Salut @"


def test_the_html_excerpt_links_mentions_and_escapes_the_rest(ines):
    names = {ines.pk: ines}
    html = membertext.excerpt_html(f"<b>Vu</b> avec @[{ines.pk}] hier", names)
    profile = reverse("members:profile_detail", args=[ines.pk])
    assert (
        html
        == (
            f'&lt;b&gt;Vu&lt;/b&gt; avec <a class="mention" href="{profile}">'
            "@Inès Carrère</a> hier"
        )
        or "<b>" not in html
    )
    assert f'href="{profile}"' in html and "@[" not in html


def test_a_mention_is_never_cut_in_two(ines):
    names = {ines.pk: ines}
    text = f"Rendez-vous avec @[{ines.pk}] demain matin à la mairie"
    for length in range(5, 60):
        short = membertext.excerpt(text, names, length)
        html = membertext.excerpt_html(text, names, length)
        assert "@[" not in short and "@[" not in html
        assert "@Inès Carr…" not in short


def test_highlight_ignores_case_and_accents():
    assert membertext.highlight("L'École & la mairie", "ecole") == (
        "L&#x27;<mark>École</mark> &amp; la mairie"
    )
    assert membertext.highlight("Œuvre", "oeuvre") == "<mark>Œuvre</mark>"
    assert membertext.highlight("ecole", "ÉCOLE") == "<mark>ecole</mark>"


def test_the_network_feed_shows_names_not_codes(client_member, member, ines):
    post = feed.post_create(author=member, body="Qui connaît un bon plombier ?")
    feed.comment_create(
        post=post,
        author=ines,
        body=f"Demande à @{member.first_name} {member.last_name}",
    )
    topic = forums.topic_create(
        author=member, category=CategoryFactory(), title="Plomberie", body="Fuite"
    )
    forums.post_create(author=ines, topic=topic, body="Vois avec @Camille Laborde")
    html = client_member.get(reverse("activity:network")).text
    assert "Demande à @Camille Laborde" in html
    assert "Vois avec @Camille Laborde" in html
    assert "@[" not in html


def test_feed_quotes_cost_one_query_whatever_the_mentions(client_member, member):
    post = feed.post_create(author=member, body="Sondage")

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client_member.get(reverse("activity:network")).status_code == 200
        return len(captured)

    people = [UserFactory() for _ in range(6)]
    feed.comment_create(post=post, author=people[0], body=f"@{people[1]} oui")
    few = queries()
    for person, other in zip(people[1:], people[2:], strict=False):
        feed.comment_create(post=post, author=person, body=f"@{other} oui")
    assert queries() <= few


def test_a_long_comment_is_cut_on_a_word_in_the_feed(client_member, member):
    post = feed.post_create(author=member, body="Idées ?")
    words = "jardin partagé " * 30
    feed.comment_create(post=post, author=UserFactory(), body=words)
    html = client_member.get(reverse("activity:network")).text
    assert "jardin partagé jardin…" in html or "partagé…" in html
    assert "jardin parta…" not in html


def test_search_results_name_the_members_mentioned(client_member, member, ines):
    feed.post_create(author=ines, body=f"Covoiturage avec @{member} vers Auch")
    html = client_member.get(reverse("home:search"), {"q": "covoiturage"}).text
    assert "avec @Camille Laborde vers Auch" in html
    assert "@[" not in html


def test_deleting_shows_the_text_with_names(client_member, member, ines):
    post = feed.post_create(author=member, body=f"Merci @{ines}")
    html = client_member.get(reverse("activity:post_delete", args=[post.pk])).text
    profile = reverse("members:profile_detail", args=[ines.pk])
    assert f'<a class="mention" href="{profile}">@Inès Carrère</a>' in html


def test_search_results_name_their_mentions_in_one_query(client_member, member):
    people = [UserFactory() for _ in range(5)]

    def queries():
        with CaptureQueriesContext(connection) as captured:
            html = client_member.get(reverse("home:search"), {"q": "potager"}).text
        assert "@[" not in html
        return len(captured)

    feed.post_create(author=member, body=f"Potager avec @{people[0]}")
    one = queries()
    for person in people[1:]:
        feed.post_create(author=member, body=f"Potager avec @{person}")
    assert queries() <= one


@pytest.mark.parametrize("language", ["fr", "en"])
def test_ago_under_a_week_says_what_timesince_says(language):
    """`ago` keeps its text per whole minute: the same as Django's `timesince`,
    whatever the seconds: every minute of the first two hours, then on each side
    of every hour of the week."""
    from datetime import timedelta
    from unittest import mock

    from django.utils import timezone, translation
    from django.utils.html import escape
    from django.utils.timesince import timesince
    from django.utils.translation import gettext

    from intranet.templatetags.text_tags import ago

    now = timezone.now()
    with translation.override(language), mock.patch.object(timezone, "now") as clock:
        clock.return_value = now
        hours = {h * 60 + d for h in range(2, 7 * 24) for d in (-1, 0, 1)}
        for minutes in sorted(set(range(1, 120)) | hours):
            for seconds in (0, 59.5):
                moment = now - timedelta(minutes=minutes, seconds=seconds)
                shown = gettext("%(ago)s ago") % {
                    "ago": timesince(moment, now, depth=1)
                }
                assert f">{escape(shown)}</time>" in ago(moment), (minutes, seconds)
