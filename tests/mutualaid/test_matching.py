"""Matching: an offer finds requests and profile needs, a request offers and
profile offers, by their words (French, accents aside) or by a shared skill; a
member's commune shows only as they allow it."""

from datetime import timedelta

import pytest
from django.utils import timezone

from intranet import ratelimit
from members import services as member_services
from members.models import Visibility
from mutualaid import selectors, services
from mutualaid.models import HelpEntry
from tests.factories import UserFactory
from tests.mutualaid.conftest import live_in, post


def lines(user, kind, *texts, skill=""):
    member_services.offers_needs_set(
        profile=user.profile, kind=kind, lines=[(text, skill) for text in texts]
    )


def names(matches):
    return [str(match.member) for match in matches]


@pytest.mark.parametrize(
    "asked, offered",
    [
        ("Emprunter un vidéoprojecteur", "Je prête mon videoprojecteur"),
        ("Emprunter un videoprojecteur", "Je prête mon VIDÉOPROJECTEUR"),
        ("Garde d'enfants mercredi", "Échange de garde, mes enfants ont 7 ans"),
    ],
)
def test_a_request_finds_offers_whatever_the_accents(asker, helper, asked, offered):
    request = post(asker, title=asked)
    offer = post(helper, title=offered, kind="offer")
    found = selectors.matches_for(entry=request, viewer=asker)
    assert [m.url for m in found] == [offer.get_absolute_url()]
    assert found[0].offers and found[0].text == offered
    # And the other way round.
    back = selectors.matches_for(entry=offer, viewer=helper)
    assert [m.url for m in back] == [request.get_absolute_url()]
    assert not back[0].offers


def test_entries_of_the_same_kind_or_unrelated_do_not_match(asker, helper):
    request = post(asker, title="Emprunter un vidéoprojecteur")
    post(helper, title="Emprunter un vidéoprojecteur aussi")  # another request
    post(helper, title="Cours de guitare", kind="offer")
    post(asker, title="Mon vieux vidéoprojecteur", kind="offer")  # mine
    assert selectors.matches_for(entry=request, viewer=asker) == []


def test_settled_expired_and_hidden_offers_do_not_match(asker, helper):
    request = post(asker, title="Emprunter un vidéoprojecteur")
    settled = post(helper, title="Prêt de vidéoprojecteur", kind="offer")
    services.entry_close(entry=settled, user=helper)
    expired = post(helper, title="Vidéoprojecteur à prêter", kind="offer")
    HelpEntry.objects.filter(pk=expired.pk).update(
        expires_at=timezone.now() - timedelta(days=1)
    )
    hidden = post(helper, title="Vidéoprojecteur dispo", kind="offer")
    HelpEntry.objects.filter(pk=hidden.pk).update(hidden_at=timezone.now())
    assert selectors.matches_for(entry=request, viewer=asker) == []


def test_profile_lines_match_with_the_distance_when_the_commune_shows(asker):
    shows = live_in(UserFactory(first_name="Aline", last_name="Visible"), "Fleurance")
    hides = live_in(UserFactory(first_name="Basile", last_name="Discret"), "Auch")
    hides.profile.commune_visibility = Visibility.NOBODY
    hides.profile.save()
    needs = live_in(UserFactory(first_name="Cyril", last_name="Besoin"), "Auch")
    lines(shows, "offer", "Prêt de mon vidéoprojecteur et son écran")
    lines(hides, "offer", "Videoprojecteurs en prêt")
    lines(needs, "need", "Un vidéoprojecteur")  # a need does not answer a request
    request = post(asker, title="Emprunter un vidéoprojecteur")
    found = {
        str(m.member): m for m in selectors.matches_for(entry=request, viewer=asker)
    }
    assert set(found) == {"Aline Visible", "Basile Discret"}
    assert found["Aline Visible"].from_profile and found["Aline Visible"].offers
    assert found["Aline Visible"].commune == "Fleurance"
    assert 5 < found["Aline Visible"].distance_km < 15
    assert found["Basile Discret"].distance_km is None
    assert found["Basile Discret"].commune == ""
    # An offer finds the needs.
    offer = post(asker, title="Je prête un vidéoprojecteur", kind="offer")
    assert names(selectors.matches_for(entry=offer, viewer=asker)) == ["Cyril Besoin"]


def test_the_same_skill_matches_without_a_shared_word(asker, helper):
    request = post(
        asker, title="Une heure pour ma TVA", category="advice", skill="Comptabilité"
    )
    lines(helper, "offer", "Tenir ses livres simplement", skill="comptabilité")
    found = selectors.matches_for(entry=request, viewer=asker)
    assert names(found) == [str(helper)]
    assert found[0].skill == "Comptabilité"


def test_the_panel_shows_entries_near_me_and_matching_my_profile(asker, helper):
    far = live_in(UserFactory(first_name="Loïc", last_name="Lointain"), "Marciac")
    lines(asker, "need", "Une remorque pour un week-end")
    near_entry = post(helper, title="Des bras pour déménager samedi")
    matching_far = post(far, title="Je prête une remorque bâchée", kind="offer")
    post(far, title="Cours de guitare à Marciac", kind="offer")  # far, unrelated
    post(asker, title="Ma propre demande")  # mine
    settled = post(helper, title="Une perceuse")
    services.entry_close(entry=settled, user=helper)
    shown = selectors.near_me(viewer=asker)
    assert [e.pk for e in shown] == [matching_far.pk, near_entry.pk]
    assert shown[0].matched_line == "Une remorque pour un week-end"
    assert shown[1].matched_line == "" and shown[1].distance < 15


def test_the_panel_of_a_member_without_commune_nor_lines_is_empty(member, helper):
    post(helper, title="Des bras pour déménager samedi")
    assert selectors.near_me(viewer=member) == []


@pytest.mark.parametrize("count", [5, 50])
def test_the_panel_runs_two_queries_however_many_entries(
    asker, count, django_assert_num_queries
):
    lines(asker, "need", "Une remorque pour un week-end", skill="Bricolage")
    with ratelimit.suspended():
        for n in range(count):
            post(
                live_in(UserFactory(), "Fleurance" if n % 2 else "Marciac"),
                title=f"Je prête une remorque {n}",
                kind="offer",
            )
    selectors.near_me(viewer=asker)  # the communes' coordinates cached
    with django_assert_num_queries(2):
        shown = selectors.near_me(viewer=asker)
    assert len(shown) == 5
    assert all(entry.matched_line for entry in shown)
