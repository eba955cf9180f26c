"""The agenda, the meetup page and its forms, from the outside."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction

from committees import rights
from events import services
from events.models import EventOrganiser, EventPage, Rsvp
from members import services as member_services
from tests.factories import (
    CommitteeMembershipFactory,
    CommitteePageFactory,
    EventPageFactory,
    UserFactory,
    agenda,
)

MARKER = "MARQUEUR-RENCONTRE-91b2"


def html_of(client, url, **params):
    """The page's text, with the HTML escapes of apostrophes undone."""
    response = client.get(url, params)
    assert response.status_code == 200
    return response.content.decode().replace("&#x27;", "'")


def in_days(days, hour=18):
    return (timezone.now() + timedelta(days=days)).replace(
        hour=hour, minute=0, second=0, microsecond=0
    )


def test_the_agenda_lists_coming_and_past_meetups(client_member):
    coming = EventPageFactory(title="Afterwork de décembre")
    gone = EventPageFactory(
        title="Pique-nique de l'été", start=in_days(-30), end=in_days(-30, 21)
    )
    index = agenda()
    upcoming = html_of(client_member, index.url)
    assert coming.title in upcoming and gone.title not in upcoming
    past = html_of(client_member, index.url + "passees/")
    assert gone.title in past and coming.title not in past


def test_the_agenda_filters_by_committee(client_member, committee):
    local = EventPageFactory(title="Soirée d'accueil", parent=committee)
    network = EventPageFactory(title="Rencontre annuelle")
    html = html_of(client_member, agenda().url, comite=committee.slug)
    assert local.title in html and network.title not in html
    html = html_of(client_member, agenda().url + "mois/", comite=committee.slug)
    assert network.title not in html


def test_the_month_is_an_accessible_table(client_member):
    start = timezone.localtime(in_days(20, 9)).replace(hour=0)
    event = EventPageFactory(
        title="Salon des créateurs", all_day=True, start=start,
        end=start + timedelta(days=1),
    )  # fmt: skip
    event.clean()
    event.save()
    local = timezone.localtime(event.start)
    url = f"{agenda().url}mois/{local.year}/{local.month}/"
    html = html_of(client_member, url)
    assert "<table" in html and "<caption>" in html
    assert html.count('<th scope="col">') == 7
    assert html.count(event.title) >= 1  # on each of its days in the month
    assert 'rel="prev"' in html and 'rel="next"' in html


@pytest.mark.parametrize("path", ["mois/2026/13/", "mois/1999/1/"])
def test_a_month_out_of_range_is_not_found(client_member, path):
    EventPageFactory()
    assert client_member.get(agenda().url + path).status_code == 404


def test_the_event_page_shows_places_and_who_goes(client_member, member):
    event = EventPageFactory(capacity=50, guests_allowed=2)
    goers = [UserFactory(first_name="Lucie", last_name=f"Goer{n}") for n in range(3)]
    for person in goers:
        services.rsvp_set(event=event, user=person, going=True, guests=1)
    html = html_of(client_member, event.url)
    assert "6 / 50" in html
    assert all(str(person) in html for person in goers)
    assert f'action="{reverse("events:rsvp", args=[event.pk])}"' in html
    assert "Télécharger la liste" not in html  # organisers only


def test_answering_through_the_page(client_member, member):
    event = EventPageFactory(capacity=1)
    response = client_member.post(
        reverse("events:rsvp", args=[event.pk]), {"going": "yes"}, follow=True
    )
    assert Rsvp.objects.get(user=member).status == Rsvp.Status.GOING
    assert "Vous venez" in response.content.decode()
    other = UserFactory()
    services.rsvp_set(event=event, user=other, going=True)
    html = html_of(client_member, event.url)
    assert "1 / 1" in html


@pytest.mark.parametrize(
    "data, message",
    [
        ({"going": "yes", "guests": "-1"}, "négatif"),
        ({"going": "yes", "guests": "2"}, "invité"),
        ({"going": "peut-être"}, "choix"),
        ({}, "requis"),
    ],
)
def test_bad_answers_get_a_clear_french_error_and_change_nothing(
    client_member, data, message
):
    event = EventPageFactory(guests_allowed=1)
    response = client_member.post(
        reverse("events:rsvp", args=[event.pk]), data, follow=True
    )
    assert message in response.content.decode()
    assert not Rsvp.objects.exists()


def test_answering_a_past_or_unpublished_meetup_says_why(client_member):
    past = EventPageFactory(start=in_days(-2), end=in_days(-2, 21))
    html = client_member.post(
        reverse("events:rsvp", args=[past.pk]), {"going": "yes"}, follow=True
    ).content.decode()
    assert "déjà commencé" in html
    hidden = EventPageFactory()
    hidden.unpublish()
    html = client_member.post(
        reverse("events:rsvp", args=[hidden.pk]), {"going": "yes"}, follow=True
    ).content.decode()
    assert "pas publiée" in html
    assert not Rsvp.objects.exists()


def test_answers_need_a_post(client_member):
    event = EventPageFactory()
    assert client_member.get(reverse("events:rsvp", args=[event.pk])).status_code == 405


def test_organisers_download_the_list_with_guests_and_waiting_list(
    client, member, committee
):
    event = EventPageFactory(capacity=2, guests_allowed=1, parent=committee)
    goer, waiting = UserFactory(), UserFactory()
    services.rsvp_set(event=event, user=goer, going=True, guests=1)
    services.rsvp_set(event=event, user=waiting, going=True)
    url = reverse("events:attendees_csv", args=[event.pk])

    client.force_login(member)
    assert client.get(url).status_code == 403
    assert "Liste d'attente" not in html_of(client, event.url)

    referent = CommitteeMembershipFactory(committee=committee, role="referent").user
    client.force_login(referent)
    html = html_of(client, event.url)
    assert str(waiting) in html and "Télécharger la liste" in html
    response = client.get(url)
    assert response.status_code == 200
    rows = list(
        csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";")
    )
    assert rows[0][:3] == ["Réponse", "Nom", "Invités"]
    assert [row[1] for row in rows[1:]] == [str(goer), str(waiting)]
    assert rows[1][2] == "1" and rows[2][6] == "1"  # guests; waiting list rank

    organiser = UserFactory()
    EventOrganiser.objects.create(page=event, member=organiser)
    client.force_login(organiser)
    assert client.get(url).status_code == 200


def test_the_committee_page_and_the_dashboard_show_coming_meetups(
    client_member, member, committee
):
    CommitteeMembershipFactory(user=member, committee=committee)
    local = EventPageFactory(title="Soirée d'accueil des nouveaux", parent=committee)
    elsewhere = EventPageFactory(
        title="Soirée d'un autre comité", parent=CommitteePageFactory()
    )
    network = EventPageFactory(title="Rencontre annuelle du réseau")
    page = html_of(client_member, committee.url)
    assert local.title in page and network.title not in page
    dashboard = html_of(client_member, "/")
    assert local.title in dashboard and network.title in dashboard
    assert elsewhere.title not in dashboard
    assert f'href="{agenda().url}"' in dashboard  # the main navigation


def test_visitors_of_a_public_committee_page_see_no_meetup(client, committee):
    EventPageFactory(title=MARKER, parent=committee)
    html = client.get(committee.url).content.decode()
    assert MARKER not in html
    assert client.get(agenda().url).status_code == 302  # to the login page


def test_feed_entries_for_a_committee_meetup_and_a_followed_member_going(
    client_member, member, committee, network_editor
):
    CommitteeMembershipFactory(user=member, committee=committee)
    event = EventPageFactory(title="Soirée d'accueil", parent=committee)
    services.event_published(event=event, by=network_editor)
    friend = UserFactory(first_name="Inès", last_name="Dupuy")
    member_services.member_follow(user=member, other=friend)
    elsewhere = EventPageFactory(title="Coworking à Eauze")
    services.rsvp_set(event=elsewhere, user=friend, going=True)
    html = html_of(client_member, reverse("activity:mine"))
    assert "organise une rencontre" in html and event.title in html
    assert "Inès Dupuy" in html and elsewhere.title in html


def test_a_restricted_meetup_shows_nowhere(client_member, member, network_editor):
    event = EventPageFactory(title=f"Réservé {MARKER}")
    services.event_published(event=event, by=network_editor)
    services.rsvp_set(event=event, user=UserFactory(), going=True)
    PageViewRestriction.objects.create(
        page=event, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    for url in (
        agenda().url,
        reverse("activity:network"),
        "/",
        reverse("home:search") + "?q=Réservé",
    ):
        assert MARKER not in html_of(client_member, url), url


def test_meetups_join_the_site_search(client_member):
    EventPageFactory(title="Atelier facturation en freelance")
    html = html_of(client_member, reverse("home:search"), q="facturation")
    assert "Rencontres" in html and "<mark>facturation</mark>" in html


def test_an_editor_repeats_a_meetup_as_a_series(client, network_editor):
    first = timezone.make_aware(timezone.datetime(2027, 1, 7, 19))  # 1st Thursday
    event = EventPageFactory(
        title="Afterwork", start=first, end=first + timedelta(hours=3)
    )
    EventOrganiser.objects.create(page=event, member=network_editor)
    client.force_login(network_editor)
    url = reverse("events_series_create", args=[event.pk])
    html = html_of(client, url)
    assert "Fréquence" in html
    preview = client.post(url, {"rule": "monthly_weekday", "count": "4"})
    assert "jeudi 4 février 2027" in preview.content.decode()
    assert EventPage.objects.count() == 1  # nothing made by the preview
    client.post(
        url, {"rule": "monthly_weekday", "count": "4", "publish": "on", "confirm": "1"}
    )
    dates = [
        timezone.localtime(e.start).date().isoformat()
        for e in EventPage.objects.live().order_by("start")
    ]
    assert dates == ["2027-01-07", "2027-02-04", "2027-03-04", "2027-04-01"]
    copies = EventPage.objects.exclude(pk=event.pk)
    assert all(c.series_id == copies[0].series_id for c in copies)
    assert all(c.organisers.filter(member=network_editor).exists() for c in copies)
    assert all(timezone.localtime(c.start).hour == 19 for c in copies)
    client.post(url, {"rule": "monthly_weekday", "count": "5", "confirm": "1"})
    assert EventPage.objects.count() == 5  # only the one date it lacked


def test_series_need_the_right_to_add_pages(client, member):
    event = EventPageFactory()
    client.force_login(member)
    response = client.get(reverse("events_series_create", args=[event.pk]))
    assert response.status_code in (302, 403)
    assert EventPage.objects.count() == 1


def test_a_committee_editor_gets_drafts_for_the_workflow(client, committee):
    editor = CommitteeMembershipFactory(
        committee=committee, role="volunteer", is_editor=True
    ).user

    rights.user_sync_groups(editor)
    event = EventPageFactory(parent=committee)
    client.force_login(editor)
    url = reverse("events_series_create", args=[event.pk])
    client.post(url, {"rule": "weekly", "count": "3", "publish": "on", "confirm": "1"})
    copies = EventPage.objects.exclude(pk=event.pk)
    assert copies.count() == 2 and not any(c.live for c in copies)


@pytest.mark.parametrize("count", [5, 40])
def test_agenda_and_event_pages_run_a_flat_number_of_queries(
    client_member, member, committee, count, django_assert_max_num_queries
):
    CommitteeMembershipFactory(user=member, committee=committee)
    events = [
        EventPageFactory(parent=committee if n % 2 else None, capacity=100,
                         start=in_days(1 + n % 20), end=in_days(1 + n % 20, 21))
        for n in range(count)
    ]  # fmt: skip
    event = events[0]
    people = [UserFactory() for _ in range(count)]
    for n, person in enumerate(people):
        services.rsvp_set(event=event, user=person, going=True)
        services.rsvp_set(event=events[n % len(events)], user=person, going=True)
    driver = people[0]
    car = services.offer_create(
        event=event, driver=driver, commune=event.commune, departure="18:00", seats=4
    )
    for person in people[1:4]:
        services.seat_request(offer=car, passenger=person)
    services.rsvp_set(event=event, user=member, going=True)
    index = agenda()
    local = timezone.localtime(event.start)
    for url in (index.url, index.url + "passees/",
                f"{index.url}mois/{local.year}/{local.month}/"):  # fmt: skip
        with django_assert_max_num_queries(22):
            assert client_member.get(url).status_code == 200
    with django_assert_max_num_queries(24):
        assert client_member.get(event.url).status_code == 200
    with django_assert_max_num_queries(27):  # its cache cold: facts and news
        assert client_member.get(committee.url).status_code == 200
    with django_assert_max_num_queries(40):
        assert client_member.get("/").status_code == 200


def test_a_party_that_does_not_fit_is_told_why_and_may_come_alone(
    client_member, member
):
    event = EventPageFactory(capacity=25, guests_allowed=2)
    for _ in range(24):
        services.rsvp_set(event=event, user=UserFactory(), going=True)
    url = reverse("events:rsvp", args=[event.pk])
    response = client_member.post(url, {"going": "yes", "guests": "2"}, follow=True)
    html = " ".join(response.content.decode().split())
    assert Rsvp.objects.get(user=member).status == Rsvp.Status.WAITLIST
    assert "Il reste 1 place ; vous êtes 3" in html
    assert "La rencontre est complète" not in html  # it is not
    assert "Venir sans invité" in html and "Rester sur la liste d'attente" in html
    # Staying changes nothing; coming alone takes the last place.
    client_member.post(url, {"going": "yes", "guests": "2"})
    assert Rsvp.objects.get(user=member).status == Rsvp.Status.WAITLIST
    client_member.post(url, {"going": "yes", "guests": "0"})
    answer = Rsvp.objects.get(user=member)
    assert (answer.status, answer.guests) == (Rsvp.Status.GOING, 0)
    assert "rsvp__too-many" not in html_of(client_member, event.url)


def test_a_party_is_offered_the_guests_that_fit(client_member, member):
    event = EventPageFactory(capacity=4, guests_allowed=3)
    services.rsvp_set(event=event, user=UserFactory(), going=True)
    services.rsvp_set(event=event, user=member, going=True, guests=3)
    html = html_of(client_member, event.url)
    assert "Il reste 3 places ; vous êtes 4" in html
    assert "Venir avec 2 invités" in html


def test_a_full_meetup_says_full_not_a_party_size(client_member, member):
    event = EventPageFactory(capacity=1, guests_allowed=2)
    services.rsvp_set(event=event, user=UserFactory(), going=True)
    services.rsvp_set(event=event, user=member, going=True, guests=2)
    html = html_of(client_member, event.url)
    assert "vous êtes 3" not in html and "n° 1 sur la liste d'attente" in html
