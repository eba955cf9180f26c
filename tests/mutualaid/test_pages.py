"""The pages of mutual help, driven from outside: posting, answering, settling,
crafted requests by others and by visitors, and query budgets."""

import html as html_module
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from communes.models import Commune
from members import services as member_services
from mutualaid import services
from mutualaid.models import HelpAnswer, HelpEntry
from tests.factories import UserFactory
from tests.mutualaid.conftest import live_in, post


def text(response) -> str:
    """The page as its reader sees it (entities such as &#x27; unescaped)."""
    return html_module.unescape(response.content.decode())


def test_a_member_posts_a_request_and_sees_who_could_help(client, asker, helper):
    member_services.offers_needs_set(
        profile=helper.profile, kind="offer", lines=[("Prêt de videoprojecteur", "")]
    )
    client.force_login(asker)
    form = text(client.get(reverse("mutualaid:create")))
    lectoure = Commune.objects.get(name="Lectoure")
    assert f'<option value="{lectoure.pk}" selected>' in form
    response = client.post(
        reverse("mutualaid:create"),
        {
            "kind": "request",
            "category": "lend",
            "title": "Emprunter un vidéoprojecteur",
            "details": "Pour samedi",
            "commune": lectoure.pk,
            "skill": "",
            "days": "14",
        },
        follow=True,
    )
    entry = HelpEntry.objects.get()
    assert response.redirect_chain[-1][0] == entry.get_absolute_url()
    html = text(response)
    assert "Qui pourrait aider" in html
    assert str(helper) in html and "propose :" in html
    assert "Prêt de videoprojecteur" in html and "km" in html


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("title", "", "Champ requis"),
        ("commune", "999999", "Sélectionnez un choix valide"),
        ("days", "365", "Sélectionnez un choix valide"),
        ("category", "money", "Sélectionnez un choix valide"),
    ],
)
def test_bad_entries_are_explained(client, asker, field, value, message):
    client.force_login(asker)
    data = {"kind": "offer", "category": "tools", "title": "Une scie",
            "commune": Commune.objects.get(name="Auch").pk, "days": "30"}  # fmt: skip
    data[field] = value
    response = client.post(reverse("mutualaid:create"), data)
    assert response.status_code == 200
    assert message in text(response)
    assert not HelpEntry.objects.exists()


def test_a_member_answers_and_the_author_writes_back(client, asker, helper):
    entry = post(asker)
    client.force_login(helper)
    page = text(client.get(entry.get_absolute_url()))
    assert "Je peux aider" in page and "C'est réglé" not in page
    client.post(reverse("mutualaid:answer", args=[entry.pk]), {"message": "J'en ai un"})
    answer = HelpAnswer.objects.get()
    page = text(client.get(entry.get_absolute_url()))
    assert "J'en ai un" in page and "Je peux aider</button>" not in page
    # The author sees the answer and opens the conversation.
    client.force_login(asker)
    page = text(client.get(entry.get_absolute_url()))
    assert "J'en ai un" in page and "Écrire" in page
    response = client.post(
        reverse("mutualaid:conversation", args=[entry.pk, answer.pk])
    )
    assert response.status_code == 302 and "/discussions/" in response.url
    client.post(reverse("mutualaid:close", args=[entry.pk]))
    entry.refresh_from_db()
    assert entry.status == HelpEntry.Status.CLOSED


def test_answers_are_shown_to_the_author_not_to_other_members(client, asker, helper):
    entry = post(asker)
    services.answer_create(entry=entry, author=helper, message="Message privé")
    client.force_login(UserFactory())
    assert "Message privé" not in text(client.get(entry.get_absolute_url()))


def test_crafted_requests_of_others_change_nothing(client, asker, helper):
    entry = post(asker)
    answer = services.answer_create(entry=entry, author=helper, message="Oui")
    intruder = UserFactory()
    client.force_login(intruder)
    assert client.post(reverse("mutualaid:close", args=[entry.pk])).status_code == 403
    conversation = reverse("mutualaid:conversation", args=[entry.pk, answer.pk])
    assert client.post(conversation).status_code == 403
    # An answer of another entry through this one: not found.
    other = post(helper, title="Autre chose", kind="offer")
    assert (
        client.post(
            reverse("mutualaid:conversation", args=[other.pk, answer.pk])
        ).status_code
        == 404
    )
    assert client.post(reverse("mutualaid:answer", args=["99999"])).status_code == 404
    entry.refresh_from_db()
    assert entry.is_open
    # GET never writes.
    client.force_login(asker)
    assert client.get(reverse("mutualaid:close", args=[entry.pk])).status_code == 405


def test_visitors_see_nothing(client, asker):
    entry = post(asker)
    for url in (
        reverse("mutualaid:list"),
        entry.get_absolute_url(),
        reverse("mutualaid:create"),
    ):
        response = client.get(url)
        assert response.status_code == 302 and "/comptes/" in response.url
    response = client.post(
        reverse("mutualaid:answer", args=[entry.pk]), {"message": "x"}
    )
    assert response.status_code == 302
    assert not HelpAnswer.objects.exists()


def test_an_expired_entry_reads_as_closed_at_once(client, asker, helper):
    entry = post(asker, title="Une perceuse à percussion")
    HelpEntry.objects.filter(pk=entry.pk).update(
        expires_at=timezone.now() - timedelta(hours=1)
    )
    client.force_login(helper)
    page = text(client.get(entry.get_absolute_url()))
    assert "Expirée le" in page and "Je peux aider" not in page
    assert "Une perceuse" not in text(client.get(reverse("mutualaid:list")))
    closed = client.get(reverse("mutualaid:list"), {"etat": "closed"})
    assert "Une perceuse" in text(closed)
    response = client.post(
        reverse("mutualaid:answer", args=[entry.pk]), {"message": "Trop tard ?"},
        follow=True,
    )  # fmt: skip
    assert "n'accepte plus" in text(response)
    assert not HelpAnswer.objects.exists()


def test_a_hidden_entry_is_shown_only_to_its_author_and_moderators(
    client, asker, helper, moderator
):
    entry = post(asker, title="Annonce masquée")
    HelpEntry.objects.filter(pk=entry.pk).update(
        hidden_at=timezone.now(), hidden_by=moderator
    )
    client.force_login(helper)
    assert client.get(entry.get_absolute_url()).status_code == 404
    assert "Annonce masquée" not in text(client.get(reverse("mutualaid:list")))
    for viewer in (asker, moderator):
        client.force_login(viewer)
        page = client.get(entry.get_absolute_url())
        assert page.status_code == 200
        assert "Masquée par un modérateur" in text(page)


def _many(count, helper):
    people = [live_in(UserFactory(), "Fleurance") for _ in range(count)]
    entries = []
    for n, person in enumerate(people):
        member_services.offers_needs_set(
            profile=person.profile,
            kind="offer" if n % 2 else "need",
            lines=[(f"Vidéoprojecteur {n}", "Vidéo")],
        )
        entries.append(
            services.entry_create(
                author=person,
                kind="offer" if n % 2 else "request",
                category="lend",
                title=f"Vidéoprojecteur numéro {n}",
                skill="Vidéo",
            )
        )
        services.answer_create(entry=entries[-1], author=helper, message=f"Oui {n}")
    return entries


@pytest.mark.parametrize("count", [5, 50])
def test_the_list_runs_a_flat_number_of_queries(
    client, asker, helper, count, django_assert_max_num_queries
):
    with_rates_suspended(lambda: _many(count, helper))
    client.force_login(asker)
    client.get(reverse("mutualaid:list"))  # the communes cached
    # Session and member, the header (3), the menu, the page and its count.
    with django_assert_max_num_queries(9):
        response = client.get(reverse("mutualaid:list"))
    assert text(response).count('<article class="help-item') == min(count, 20)


@pytest.mark.parametrize("count", [5, 50])
def test_the_entry_page_runs_a_flat_number_of_queries(
    client, asker, helper, count, django_assert_max_num_queries
):
    entries = with_rates_suspended(lambda: _many(count, helper))
    entry = entries[-1]
    client.force_login(entry.author)
    client.get(entry.get_absolute_url())
    # Session and member, the header (3), the entry, its answers, the
    # matching entries and profile lines, the profiles' committees.
    with django_assert_max_num_queries(11):
        response = client.get(entry.get_absolute_url())
    html = text(response)
    assert html.count("<li>") >= 5 and "Oui " in html


def with_rates_suspended(function):
    from intranet import ratelimit

    with ratelimit.suspended():
        return function()


def test_the_author_changes_an_open_entry_others_cannot(client, asker, helper):
    entry = post(asker, details="Pour samedi")
    url = reverse("mutualaid:edit", args=[entry.pk])
    client.force_login(asker)
    assert url in text(client.get(entry.get_absolute_url()))
    form = text(client.get(url))
    assert 'value="Emprunter un vidéoprojecteur"' in form
    assert "comme maintenant (" in form  # the date may stay
    expires = entry.expires_at
    fleurance = Commune.objects.get(name="Fleurance")
    data = {
        "kind": "request",
        "category": "tools",
        "title": "Emprunter une perceuse",
        "details": "Pour dimanche",
        "commune": fleurance.pk,
        "skill": "",
        "days": "",
    }
    # Another member: not even the form; a crafted POST changes nothing.
    client.force_login(helper)
    assert url not in text(client.get(entry.get_absolute_url()))
    assert client.post(url, data).status_code == 404
    entry.refresh_from_db()
    assert entry.title == "Emprunter un vidéoprojecteur"
    client.force_login(asker)
    assert client.post(url, data).status_code == 302
    entry.refresh_from_db()
    assert (entry.title, entry.category, entry.commune) == (
        "Emprunter une perceuse",
        "tools",
        fleurance,
    )
    assert entry.expires_at == expires  # « as now » kept the date
    client.post(url, {**data, "days": "7"})
    entry.refresh_from_db()
    assert entry.expires_at > timezone.now() + timedelta(days=6)
    assert entry.expires_at < timezone.now() + timedelta(days=8)
    services.entry_close(entry=entry, user=asker)
    page = text(client.post(url, data))
    assert "Une annonce réglée ou expirée ne peut plus être modifiée." in page
