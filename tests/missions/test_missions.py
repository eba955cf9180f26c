"""Missions (issue #24): posting, matching, answering, closing, from the outside."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser, Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from activity.models import Notification, NotificationPreference
from chat.models import Participant
from members.models import Visibility
from missions import notices, selectors, services
from missions.models import Answer, Mission
from tests.factories import CommitteeMembershipFactory, UserFactory
from tests.missions.conftest import person, post, skill

pytestmark = pytest.mark.django_db


def client_of(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


# Posting


def test_a_member_posts_a_mission_from_the_form_and_reads_it(client_member, member):
    person("Traduction")  # the skill is in the members' vocabulary
    response = client_member.post(
        reverse("missions:create"),
        {
            "title": "  Traduire   un guide  ",
            "kind": "handover",
            "description": "Un **guide** <script>alert(1)</script>",
            "skills": "traduction",
            "commune": "",
            "starts_on": timezone.localdate() + timedelta(days=3),
            "duration": "days",
            "budget": "1k-5k",
            "closes_on": timezone.localdate() + timedelta(days=7),
        },
    )
    mission = Mission.objects.get()
    assert response.status_code == 302 and response.url == mission.get_absolute_url()
    assert mission.title == "Traduire un guide" and mission.is_remote
    assert [s.name for s in mission.skills.all()] == ["Traduction"]
    page = client_member.get(mission.get_absolute_url()).content.decode()
    assert "<strong>guide</strong>" in page and "<script>alert" not in page
    assert "À distance" in page and "Passe la mission" in page


def test_the_form_refuses_unknown_skills_and_past_dates_in_french(client_member):
    response = client_member.post(
        reverse("missions:create"),
        {
            "title": "Une mission",
            "kind": "team",
            "description": "Texte",
            "skills": "Jonglage quantique",
            "starts_on": timezone.localdate(),
            "duration": "days",
            "closes_on": timezone.localdate() - timedelta(days=1),
        },
    )
    page = response.content.decode()
    assert response.status_code == 200 and not Mission.objects.exists()
    assert "Jonglage quantique" in page and "compétences proposées" in page


def test_a_past_closing_date_a_bad_choice_and_too_many_skills_are_refused(member):
    today = timezone.localdate()
    with pytest.raises(ValidationError, match="passée"):
        post(member, closes_on=today - timedelta(days=1))
    with pytest.raises(ValidationError):
        post(member, kind="both")
    with pytest.raises(ValidationError):
        post(member, skills=[f"Compétence {n}" for n in range(11)])
    with pytest.raises(ValidationError):
        post(member, skills=[])
    assert not Mission.objects.exists()


def test_the_author_changes_an_open_mission_others_cannot(
    mission, member, other_member
):
    person("Traduction", "Relecture")
    url = reverse("missions:edit", args=[mission.pk])
    page = client_of(member).get(mission.get_absolute_url()).content.decode()
    assert url in page  # offered to the author
    assert (
        url
        not in client_of(other_member).get(mission.get_absolute_url()).content.decode()
    )
    form = client_of(member).get(url).content.decode()
    assert 'value="Traduire un site de tourisme en allemand"' in form
    data = {
        "title": "Traduire et relire un site",
        "kind": "handover",
        "description": "Le client veut aussi une relecture.",
        "skills": "Traduction, Relecture",
        "commune": "",
        "starts_on": mission.starts_on,
        "duration": "days",
        "budget": "",
        "closes_on": mission.closes_on + timedelta(days=5),
    }
    # Another member's crafted POST: nothing changes.
    assert client_of(other_member).post(url, data).status_code == 404
    with pytest.raises(PermissionDenied):
        services.mission_update(
            user=other_member,
            mission=mission,
            **{**data, "skills": [], "commune": None},
        )
    mission.refresh_from_db()
    assert mission.title == "Traduire un site de tourisme en allemand"
    response = client_of(member).post(url, data)
    assert response.status_code == 302
    mission.refresh_from_db()
    assert (mission.title, mission.kind, mission.is_remote) == (
        "Traduire et relire un site",
        "handover",
        True,
    )
    assert sorted(s.name for s in mission.skills.all()) == ["Relecture", "Traduction"]
    # A past start or a too-far closing date is refused in French; closed: no more.
    data["starts_on"] = timezone.localdate() - timedelta(days=5)
    assert "Le début est passé" in client_of(member).post(url, data).content.decode()
    services.mission_close(user=member, mission=mission, status="filled")
    data["starts_on"] = mission.starts_on
    page = client_of(member).post(url, data).content.decode()
    assert "Une mission clôturée ne peut plus être modifiée." in page


def test_posting_is_rate_limited(member):
    for _ in range(services.PER_DAY):
        post(member)
    with pytest.raises(ValidationError, match="au plus"):
        post(member)


def test_missions_are_never_public(mission):
    anonymous = Client()
    for url in (
        reverse("missions:list"),
        mission.get_absolute_url(),
        reverse("missions:create"),
    ):
        response = anonymous.get(url)
        assert response.status_code == 302 and "/comptes/" in response.url
    response = anonymous.post(
        reverse("missions:answer", args=[mission.pk]), {"message": "x"}
    )
    assert response.status_code == 302 and not Answer.objects.exists()
    assert not selectors.readable(user=AnonymousUser()).exists()


# Matching


def test_the_best_fits_come_first_and_the_page_explains_why(member, other_member):
    mission = post(member, skills=("Traduction", "Allemand", "Sous-titrage"))
    near = person("Traduction", "Allemand", where="Pavie")
    far = person("Traduction", "Allemand", "Sous-titrage", where="Condom")
    one = person("Allemand", where="Auch")
    person("Comptabilité", where="Auch")  # nothing in common
    inactive = person("Traduction", "Allemand", "Sous-titrage", where="Auch")
    inactive.is_active = False
    inactive.save()
    matches = selectors.matches_for(mission=mission, viewer=other_member)
    assert [m.profile.user for m in matches] == [far, near, one]
    assert [m.shared for m in matches] == [3, 2, 1]
    assert matches[1].skills == ["Allemand", "Traduction"]
    assert 3 < matches[1].distance_km < 10 and 30 < matches[0].distance_km < 50
    page = client_of(other_member).get(mission.get_absolute_url()).content.decode()
    assert "3 compétences en commun, à " in page and " km" in page
    assert str(member) not in [str(m.profile.user) for m in matches]  # not the author


def test_the_author_sees_which_members_who_fit_have_answered(member):
    mission = post(member, skills=("Traduction",))
    answered = person("Traduction", where="Auch", first_name="Inès")
    person("Traduction", where="Auch", first_name="Paul")
    services.answer_create(member=answered, mission=mission, message="Disponible")
    page = client_of(member).get(mission.get_absolute_url()).content.decode()
    items = page[page.index('id="matches"') :].split("<li")[1:]
    # Two members fit: Inès, marked, and Paul, not.
    assert sorted(("Inès" in item, "A répondu" in item) for item in items) == [
        (False, False),
        (True, True),
    ]
    # Only the author reads who answered.
    page = client_of(answered).get(mission.get_absolute_url()).content.decode()
    assert "A répondu" not in page


def test_a_hidden_commune_gives_no_distance_and_does_not_order(member, other_member):
    mission = post(member, skills=("Traduction",), where="Auch")
    hidden = person("Traduction", where="Pavie", commune_visibility=Visibility.NOBODY)
    shown = person("Traduction", where="Condom")
    mates = person("Traduction", where="Auch", commune_visibility=Visibility.COMMITTEES)
    matches = selectors.matches_for(mission=mission, viewer=other_member)
    by_user = {m.profile.user: m for m in matches}
    # Condom (shown) before Pavie, nearer but hidden: no leak through the order.
    assert [m.profile.user for m in matches][0] == shown
    assert by_user[hidden].distance_km is None and by_user[mates].distance_km is None
    page = client_of(other_member).get(mission.get_absolute_url()).content.decode()
    assert page.count(" km") == 1
    # A committee mate sees it, the hidden member themself sees their own.
    committee_member = CommitteeMembershipFactory(user=mates).committee
    CommitteeMembershipFactory(user=other_member, committee=committee_member)
    again = selectors.matches_for(mission=mission, viewer=other_member)
    assert {m.profile.user: m for m in again}[mates].distance_km is not None
    mine = selectors.matches_for(mission=mission, viewer=hidden)
    assert {m.profile.user: m for m in mine}[hidden].distance_km is not None


def test_members_who_fit_are_told_after_commit_unless_they_turned_it_off(
    member, django_capture_on_commit_callbacks
):
    fits, quiet = person("Traduction"), person("Traduction")
    person("Jardinage")
    NotificationPreference.objects.create(user=quiet, kind=notices.MATCH, channel="off")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        mission = post(member)
    assert not Notification.objects.filter(kind=notices.MATCH).exists()
    for callback in callbacks:
        callback()
    told = Notification.objects.filter(kind=notices.MATCH)
    assert [n.recipient for n in told] == [fits]
    assert told.get().channel == "digest" and mission.title in told.get().text


def test_at_most_told_max_members_are_told(member, django_capture_on_commit_callbacks):
    for _ in range(services.TOLD_MAX + 3):
        person("Traduction")
    with django_capture_on_commit_callbacks(execute=True):
        post(member)
    assert Notification.objects.filter(kind=notices.MATCH).count() == services.TOLD_MAX


def test_the_list_puts_my_best_matches_first_and_filters(member, other_member):
    other_member.profile.skills.add(skill("Graphisme"), skill("Illustration"))
    other_member.profile.commune = person(where="Auch").profile.commune
    other_member.profile.save()
    a = post(member, title="Deux des miennes", skills=("Graphisme", "Illustration"))
    b = post(member, title="Une des miennes", skills=("Graphisme",), where="Condom")
    c = post(member, title="Aucune", skills=("Comptabilité",), where=None)
    listed = list(selectors.open_missions(user=other_member))
    assert listed == [a, b, c] and [m.fit for m in listed] == [2, 1, 0]
    newest = list(
        selectors.open_missions(
            user=other_member, filters=selectors.Filters(sort="new")
        )
    )
    assert newest == [c, b, a]
    near = selectors.Filters(near=10)
    assert list(selectors.open_missions(user=other_member, filters=near)) == [a]
    remote = selectors.Filters(remote=True)
    assert list(selectors.open_missions(user=other_member, filters=remote)) == [c]
    by_skill = selectors.Filters(skill="illustration")
    assert list(selectors.open_missions(user=other_member, filters=by_skill)) == [a]
    page = (
        client_of(other_member)
        .get(reverse("missions:list"), {"where": "50", "kind": "team"})
        .content.decode()
    )
    assert "Deux des miennes" in page and "Aucune" not in page
    assert "2 de vos compétences" in page


# Answering, conversation, closing


def test_a_member_answers_once_and_the_author_is_told(mission, other_member):
    client = client_of(other_member)
    url = reverse("missions:answer", args=[mission.pk])
    client.post(url, {"message": "Je parle allemand couramment."})
    client.post(url, {"message": "Encore moi"})
    answer = Answer.objects.get()
    assert answer.member == other_member and answer.message.startswith("Je parle")
    mission.refresh_from_db()
    assert mission.answer_count == 1
    told = Notification.objects.get(kind=notices.ANSWER)
    assert told.recipient == mission.author
    assert selectors.missions_answered_by(user=other_member).get() == mission
    page = client.get(mission.get_absolute_url()).content.decode()
    assert "Vous avez répondu" in page
    client.post(reverse("missions:withdraw", args=[mission.pk]))
    mission.refresh_from_db()
    assert not Answer.objects.exists() and mission.answer_count == 0


def test_the_author_cannot_answer_and_nobody_answers_a_closed_mission(
    mission, member, other_member
):
    with pytest.raises(ValidationError):
        services.answer_create(member=member, mission=mission, message="Moi")
    services.mission_close(user=member, mission=mission, status="filled")
    response = client_of(other_member).post(
        reverse("missions:answer", args=[mission.pk]), {"message": "Trop tard ?"}
    )
    assert response.status_code == 302 and not Answer.objects.exists()


def test_an_expired_mission_reads_closed_before_the_command_runs(member, other_member):
    mission = post(member)
    Mission.objects.filter(pk=mission.pk).update(
        closes_on=timezone.localdate() - timedelta(days=1)
    )
    mission.refresh_from_db()
    assert mission.status == "open" and mission.shown_status == "expired"
    assert not selectors.open_missions(user=other_member).exists()
    page = client_of(other_member).get(mission.get_absolute_url()).content.decode()
    assert "Expirée" in page and 'name="message"' not in page
    with pytest.raises(ValidationError):
        services.answer_create(member=other_member, mission=mission, message="Oui")


def test_only_the_author_sees_the_answers_and_opens_a_conversation(mission, member):
    one, two, outsider = UserFactory(), UserFactory(), UserFactory()
    for user in (one, two):
        services.answer_create(member=user, mission=mission, message=f"Moi, {user}")
    page = client_of(member).get(mission.get_absolute_url()).content.decode()
    assert f"Moi, {one}" in page and f"Moi, {two}" in page
    page = client_of(one).get(mission.get_absolute_url()).content.decode()
    assert f"Moi, {two}" not in page
    url = reverse("missions:conversation", args=[mission.pk])
    # Crafted POSTs: someone else than the author, a member who did not answer.
    assert client_of(one).post(url, {"member": [two.pk]}).status_code == 403
    client_of(member).post(url, {"member": [one.pk, outsider.pk]})
    assert not Participant.objects.exists()
    response = client_of(member).post(url, {"member": [one.pk, two.pk]})
    room = Participant.objects.get(user=one).room
    assert response.url == room.get_absolute_url()
    assert set(
        Participant.objects.filter(room=room).values_list("user", flat=True)
    ) == {member.pk, one.pk, two.pk}


def test_only_the_author_closes_and_those_who_answered_are_told(mission, member):
    answerer, stranger = UserFactory(), UserFactory()
    services.answer_create(member=answerer, mission=mission, message="Partant")
    url = reverse("missions:close", args=[mission.pk])
    assert client_of(stranger).post(url, {"status": "filled"}).status_code == 403
    assert client_of(answerer).post(url, {"status": "filled"}).status_code == 403
    client_of(member).post(url, {"status": "open"})  # not a closing choice
    mission.refresh_from_db()
    assert mission.status == "open"
    client_of(member).post(url, {"status": "filled"})
    mission.refresh_from_db()
    assert mission.status == "filled" and mission.closed_at is not None
    assert Notification.objects.get(kind=notices.CLOSED).recipient == answerer
    with pytest.raises(ValidationError):
        services.mission_close(user=member, mission=mission, status="cancelled")
    with pytest.raises(PermissionDenied):
        services.mission_close(user=stranger, mission=mission, status="cancelled")


def test_my_missions_lists_mine_open_or_closed(mission, member, other_member):
    services.mission_close(user=member, mission=mission, status="cancelled")
    page = client_of(member).get(reverse("missions:mine")).content.decode()
    assert mission.title in page and "Annulée" in page
    assert not selectors.missions_by(user=other_member).exists()


def test_moderators_see_hidden_missions_others_do_not(mission, member, other_member):
    Mission.objects.filter(pk=mission.pk).update(hidden_at=timezone.now())
    assert client_of(other_member).get(mission.get_absolute_url()).status_code == 404
    assert client_of(member).get(mission.get_absolute_url()).status_code == 200
    moderator = UserFactory()
    moderator.user_permissions.add(
        Permission.objects.get(content_type__app_label="members", codename="moderate")
    )
    assert client_of(moderator).get(mission.get_absolute_url()).status_code == 200
    assert not selectors.open_missions(user=member).exists()


# Feed and search


def test_the_feed_shows_the_mission_to_members(mission, other_member):
    page = client_of(other_member).get(reverse("activity:network")).content.decode()
    assert "a publié une mission" in page and mission.title in page


def test_the_search_finds_missions_without_accents(mission, other_member):
    response = client_of(other_member).get(
        reverse("home:search"), {"q": "Tourisme allemand"}
    )
    assert mission.get_absolute_url() in response.content.decode()
    assert "**" not in response.content.decode()  # the excerpt is plain text
    Mission.objects.filter(pk=mission.pk).update(hidden_at=timezone.now())
    response = client_of(other_member).get(reverse("home:search"), {"q": "tourisme"})
    assert mission.get_absolute_url() not in response.content.decode()


# Query budgets


@pytest.mark.parametrize("count", [5, 50])
def test_the_list_costs_a_flat_number_of_queries(
    count, member, other_member, django_assert_max_num_queries
):
    other_member.profile.skills.add(skill("Traduction"))
    for n in range(count):
        post(UserFactory(), title=f"Mission n°{n}", skills=("Traduction", "Allemand"))
    client = client_of(other_member)
    client.get(reverse("missions:list"))
    with django_assert_max_num_queries(14):
        response = client.get(reverse("missions:list"))
    assert response.content.decode().count("Mission n°") == min(
        count, selectors.PER_PAGE
    )


@pytest.mark.parametrize("count", [5, 50])
def test_the_mission_page_costs_a_flat_number_of_queries(
    count, member, django_assert_max_num_queries
):
    mission = post(member, skills=("Traduction", "Allemand"))
    for n in range(count):
        user = person("Traduction", "Allemand", where="Auch")
        services.answer_create(member=user, mission=mission, message=f"Réponse {n}")
    client = client_of(member)
    client.get(mission.get_absolute_url())
    with django_assert_max_num_queries(16):
        response = client.get(mission.get_absolute_url())
    page = response.content.decode()
    assert page.count("Réponse ") == count
    assert page.count("compétences en commun") == min(count, selectors.MATCHES_SHOWN)
