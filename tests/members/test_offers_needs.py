"""A profile's offers and needs as lines (issue #24): edited as two small
formsets, shown on the profile, found by the directory, in the data download and
erasure; and the migration that split the former free texts."""

import io
import json
import zipfile

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from members import services
from members.models import OfferNeed, Profile, Skill
from members.personal_data import erase, export_zip
from tests.factories import UserFactory
from tests.members.test_profiles import lines, profile_data


def offers_of(user, kind=OfferNeed.Kind.OFFER):
    return [
        (line.text, line.skill.name if line.skill else "")
        for line in OfferNeed.objects.filter(profile__user=user, kind=kind)
    ]


def test_a_member_lists_what_they_offer_and_look_for(client_member, member):
    data = profile_data(
        **lines(
            "offers",
            [("Prêt de vidéoprojecteur", ""), ("", ""), ("Relecture", "Anglais")],
        ),
        **lines("needs", [("Une remorque pour un week-end", "")]),
    )
    response = client_member.post(reverse("members:profile_edit"), data)
    assert response.status_code == 302
    # Blank lines are dropped, the order kept, the skill from the shared list.
    assert offers_of(member) == [
        ("Prêt de vidéoprojecteur", ""),
        ("Relecture", "Anglais"),
    ]
    assert offers_of(member, OfferNeed.Kind.NEED) == [
        ("Une remorque pour un week-end", "")
    ]
    assert Skill.objects.filter(name="Anglais").count() == 1
    page = client_member.get(reverse("members:profile_detail", args=[member.pk]))
    html = page.content.decode()
    assert "Ce que je propose" in html and "Prêt de vidéoprojecteur" in html
    assert "Ce que je recherche" in html and "Une remorque" in html

    # Saving again replaces the lines; the form shows them back.
    form = client_member.get(reverse("members:profile_edit")).content.decode()
    assert 'value="Prêt de vidéoprojecteur"' in form
    assert 'name="offers-TOTAL_FORMS"' in form and "data-lines-add" in form
    client_member.post(
        reverse("members:profile_edit"),
        profile_data(**lines("offers", [("Covoiturage vers Auch", "")])),
    )
    assert offers_of(member) == [("Covoiturage vers Auch", "")]
    assert offers_of(member, OfferNeed.Kind.NEED) == [
        ("Un graphiste pour mon site.", "")
    ]


def test_a_form_without_the_lines_leaves_them_as_they_are(client_member, member):
    profile = Profile.objects.get(user=member)
    services.offers_needs_set(
        profile=profile, kind=OfferNeed.Kind.OFFER, lines=[("Prêt d'outils", "")]
    )
    data = {
        k: v for k, v in profile_data().items() if not k.startswith(("offers", "needs"))
    }
    assert client_member.post(reverse("members:profile_edit"), data).status_code == 302
    assert offers_of(member) == [("Prêt d'outils", "")]


@pytest.mark.parametrize(
    "extra, message",
    [
        (lines("offers", [("", "Anglais")]), "Dites en quelques mots"),
        (lines("offers", [("x" * 161, "")]), "160 caractères"),
        (lines("offers", [(f"Ligne {n}", "") for n in range(9)], total=9), "8"),
    ],
)
def test_bad_lines_are_explained_and_nothing_changes(
    client_member, member, extra, message
):
    response = client_member.post(
        reverse("members:profile_edit"), profile_data(**extra)
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "Veuillez corriger" in html
    assert offers_of(member) == []
    assert Profile.objects.get(user=member).headline == ""


def test_the_service_refuses_too_many_lines_and_unknown_kinds(member):
    profile = Profile.objects.get(user=member)
    with pytest.raises(Exception, match="8"):
        services.offers_needs_set(profile=profile, kind="offer", lines=[("x", "")] * 9)
    with pytest.raises(Exception):  # noqa: B017 - ValidationError
        services.offers_needs_set(profile=profile, kind="gift", lines=[("x", "")])
    assert not OfferNeed.objects.exists()


def test_the_directory_finds_a_member_by_what_they_offer(client_member):
    other = UserFactory(first_name="Zoé", last_name="Castex")
    services.offers_needs_set(
        profile=other.profile, kind="offer", lines=[("Prêt de vidéoprojecteur", "")]
    )
    found = client_member.get(reverse("members:directory"), {"q": "VIDEOPROJECTEUR"})
    assert "Castex" in found.content.decode()
    services.offers_needs_set(profile=other.profile, kind="offer", lines=[])
    services.offers_needs_set(
        profile=other.profile, kind="need", lines=[("Un vidéoprojecteur", "")]
    )
    # What they look for is not what they know: the directory does not find it.
    found = client_member.get(reverse("members:directory"), {"q": "videoprojecteur"})
    assert "Castex" not in found.content.decode()


def test_the_lines_are_downloaded_and_erased(member):
    services.offers_needs_set(
        profile=member.profile, kind="offer", lines=[("Relecture", "Anglais")]
    )
    services.offers_needs_set(
        profile=member.profile, kind="need", lines=[("Une perceuse", "")]
    )
    archive = zipfile.ZipFile(io.BytesIO(export_zip(member)))
    profile = json.loads(archive.read("profile.json"))
    assert profile["offers"] == [{"text": "Relecture", "skill": "Anglais"}]
    assert profile["needs"] == [{"text": "Une perceuse", "skill": None}]
    erase(member)
    assert not OfferNeed.objects.filter(profile__user=member).exists()
    assert Skill.objects.filter(name="Anglais").exists()  # the shared list stays


# The migration of the former free texts


BEFORE = [("members", "0014_offers_and_needs")]
AFTER = [("members", "0015_offers_and_needs_from_texts")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_free_texts_become_lines_and_back():
    executor = MigrationExecutor(connection)
    leaves = executor.loader.graph.leaf_nodes()
    try:
        old = _migrate(BEFORE)
        User = old.get_model("members", "User")
        Profile = old.get_model("members", "Profile")
        Skill = old.get_model("members", "Skill")
        TaggedSkill = old.get_model("members", "TaggedSkill")
        user = User.objects.create(email="ines@example.org", first_name="Inès")
        profile = Profile.objects.create(
            user=user,
            offers="Relecture en anglais ;\n- Prêt de vidéoprojecteur\n\n"
            + "mot " * 50,
            needs="Un graphiste pour mon site.",
        )
        english = Skill.objects.create(name="Anglais", slug="anglais")
        TaggedSkill.objects.create(tag=english, content_object=profile)
        Profile.objects.create(
            user=User.objects.create(email="vide@example.org"), offers="", needs=""
        )

        new = _migrate(AFTER)
        OfferNeed = new.get_model("members", "OfferNeed")
        rows = list(
            OfferNeed.objects.order_by("kind", "position").values_list(
                "kind", "text", "skill__name"
            )
        )
        long_text = ("mot " * 50).strip()
        assert rows[:1] == [("need", "Un graphiste pour mon site.", None)]
        offers = [row for row in rows if row[0] == "offer"]
        assert offers[0] == ("offer", "Relecture en anglais", "Anglais")
        assert offers[1] == ("offer", "Prêt de vidéoprojecteur", None)
        # 199 characters: cut between words into two lines, nothing lost.
        assert " ".join(row[1] for row in offers[2:]) == long_text
        assert all(len(row[1]) <= 160 for row in rows)

        back = _migrate(BEFORE)
        restored = back.get_model("members", "Profile").objects.get(
            user__email="ines@example.org"
        )
        assert restored.offers.split("\n")[:2] == [
            "Relecture en anglais",
            "Prêt de vidéoprojecteur",
        ]
        assert restored.needs == "Un graphiste pour mon site."
        assert not back.get_model("members", "OfferNeed").objects.exists()
    finally:
        _migrate(leaves)


def test_lines_sent_again_unchanged_are_kept(client_member, member):
    """Even when the form says no line was there before (INITIAL_FORMS=0)."""
    data = profile_data(**lines("offers", [("Prêt d'outils", "")]))
    client_member.post(reverse("members:profile_edit"), data)
    client_member.post(reverse("members:profile_edit"), data)
    assert offers_of(member) == [("Prêt d'outils", "")]
