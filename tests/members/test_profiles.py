import re
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from communes.models import Commune
from members.models import Profile, Visibility
from tests.factories import (
    CommitteeMembershipFactory,
    CommitteePageFactory,
    UserFactory,
)


def jpeg_with_gps(size=(1200, 900)) -> bytes:
    image = Image.new("RGB", size, (200, 120, 40))
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (43.0, 38.0, 45.0), 3: "E", 4: (0.0, 35.0, 10.0)}
    exif[0x010F] = "PhoneMaker"
    buffer = BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def upload(content: bytes, name="photo.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def lines(prefix, entries, *, total=None):
    """The POST data of a formset of offers or needs (`prefix`)."""
    data = {
        f"{prefix}-TOTAL_FORMS": str(total if total is not None else len(entries) + 2),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "8",
    }
    for n, (text, skill) in enumerate(entries):
        data[f"{prefix}-{n}-text"] = text
        data[f"{prefix}-{n}-skill"] = skill
    return data


def profile_data(**overrides):
    data = {
        "display_name": "",
        "headline": "Traductrice anglais-allemand",
        "profession": "Traductrice",
        "bio": "Installée à **Lectoure** depuis 2021.",
        "commune": Commune.objects.get(name="Lectoure").pk,
        "arrival_year": "2021",
        "languages": ["fr", "en", "de"],
        "skills": "Traduction, Allemand , Sous-titrage, traduction",
        **lines("offers", [("Relecture de documents en anglais.", "Anglais")]),
        **lines("needs", [("Un graphiste pour mon site.", "")]),
        "open_to_collaborate": "on",
        "phone": "06 12 34 56 78",
        "website": "https://traductions.example",
        "linkedin": "",
        "other_link": "",
        "email_visibility": "members",
        "phone_visibility": "committees",
        "commune_visibility": "members",
    }
    data.update(overrides)
    return data


def test_a_member_edits_their_profile(client_member, member):
    response = client_member.post(reverse("members:profile_edit"), profile_data())
    assert response.status_code == 302
    profile = Profile.objects.get(user=member)
    assert profile.headline == "Traductrice anglais-allemand"
    assert profile.commune.name == "Lectoure"
    assert profile.languages == ["fr", "en", "de"]
    assert sorted(profile.skills.names()) == ["Allemand", "Sous-titrage", "Traduction"]
    page = client_member.get(reverse("members:profile_detail", args=[member.pk]))
    html = page.content.decode()
    assert "<strong>Lectoure</strong>" in html
    assert "Allemand" in html and "Sous-titrage" in html
    assert "Anglais" in html or "English" in html


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("arrival_year", "1870", "entre 1950"),
        ("website", "javascript:alert(1)", "URL valide"),
        ("email_visibility", "everyone", "Sélectionnez un choix valide"),
        ("languages", ["xx"], "Sélectionnez un choix valide"),
        ("headline", "x" * 200, "au plus 160"),
    ],
)
def test_bad_profile_input_is_explained_and_nothing_changes(
    client_member, member, field, value, message
):
    response = client_member.post(
        reverse("members:profile_edit"), profile_data(**{field: value})
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Profile.objects.get(user=member).headline == ""


@pytest.mark.parametrize(
    "payload",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[clic](javascript:alert(1))",
        "![x](https://evil.example/pixel.png)",
        '<a href="https://x.example" onclick="alert(1)">x</a>',
    ],
)
def test_bio_is_sanitised(client_member, member, payload):
    client_member.post(reverse("members:profile_edit"), profile_data(bio=payload))
    html = client_member.get(
        reverse("members:profile_detail", args=[member.pk])
    ).content.decode()
    about = html[html.index('id="about-me"') :]
    about = about[: about.index("</section>")]
    assert "<script" not in about
    assert "<img" not in about  # no image, so nothing loads from outside
    assert not re.search(r"<[^>]*\son\w+=", about)  # no event handler attribute
    assert 'href="javascript' not in about


def test_links_in_bio_are_marked_as_user_content(client_member, member):
    client_member.post(
        reverse("members:profile_edit"),
        profile_data(bio="Voir [mon site](https://exemple.org)."),
    )
    html = client_member.get(
        reverse("members:profile_detail", args=[member.pk])
    ).content.decode()
    assert 'rel="nofollow ugc noopener"' in html


def test_photo_is_reencoded_without_gps_and_thumbnailed(
    client_member, member, django_capture_on_commit_callbacks
):
    response = client_member.post(
        reverse("members:profile_edit"),
        profile_data(new_photo=upload(jpeg_with_gps())),
    )
    assert response.status_code == 302
    profile = Profile.objects.get(user=member)
    with Image.open(profile.photo.path) as photo:
        assert photo.format == "WEBP"
        assert max(photo.size) == 800
        assert not photo.getexif()
    with open(profile.photo.path, "rb") as raw:
        assert b"PhoneMaker" not in raw.read()
    with Image.open(profile.photo_thumbnail.path) as thumbnail:
        assert max(thumbnail.size) == 160
    old = profile.photo.path
    with django_capture_on_commit_callbacks(execute=True):
        client_member.post(
            reverse("members:profile_edit"), profile_data(remove_photo="on")
        )
    profile.refresh_from_db()
    assert not profile.photo
    import os

    assert not os.path.exists(old)


def _pixel_bomb() -> bytes:
    buffer = BytesIO()
    Image.new("1", (8000, 6000)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "content, name, message",
    [
        (b"<html><script>alert(1)</script></html>", "photo.jpg", "pas une photo"),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "photo.svg",
            "pas une photo",
        ),
        (_pixel_bomb(), "bombe.png", "mégapixels"),
        (b"\xff\xd8\xff" + b"0" * (20 * 1024 * 1024), "enorme.jpg", "5 Mo"),
    ],
    ids=["html", "svg", "pixel-bomb", "20-MB"],
)
def test_bad_photos_get_a_clear_error_and_change_nothing(
    client_member, member, content, name, message
):
    response = client_member.post(
        reverse("members:profile_edit"),
        profile_data(headline="Nouveau titre", new_photo=upload(content, name)),
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    profile = Profile.objects.get(user=member)
    assert not profile.photo
    assert profile.headline == ""


def test_gif_is_refused(client_member, member):
    buffer = BytesIO()
    Image.new("RGB", (10, 10)).save(buffer, "GIF")
    response = client_member.post(
        reverse("members:profile_edit"),
        profile_data(new_photo=upload(buffer.getvalue(), "a.gif", "image/gif")),
    )
    assert "JPEG, PNG ou WebP" in response.content.decode()


# --- Privacy per field ----------------------------------------------------------


@pytest.fixture
def owner(committee):
    user = UserFactory(email="proprietaire@example.org")
    Profile.objects.filter(user=user).update(
        phone="05 62 00 00 01", commune=Commune.objects.get(name="Marciac")
    )
    CommitteeMembershipFactory(user=user, committee=committee)
    return user


def viewer_of(kind, owner, committee):
    if kind == "owner":
        return owner
    user = UserFactory()
    if kind == "committee":
        CommitteeMembershipFactory(user=user, committee=committee)
    else:
        CommitteeMembershipFactory(
            user=user, committee=CommitteePageFactory(title="Autre", slug="autre")
        )
    return user


@pytest.mark.parametrize("viewer", ["owner", "committee", "other"])
@pytest.mark.parametrize("visibility", ["members", "committees", "nobody"])
def test_contact_fields_follow_each_members_choice(
    client, committee, owner, viewer, visibility
):
    Profile.objects.filter(user=owner).update(
        email_visibility=visibility,
        phone_visibility=visibility,
        commune_visibility=visibility,
    )
    client.force_login(viewer_of(viewer, owner, committee))
    html = client.get(reverse("members:profile_detail", args=[owner.pk])).content
    html = html.decode()
    expected = (
        viewer == "owner"
        or visibility == Visibility.MEMBERS
        or (visibility == Visibility.COMMITTEES and viewer == "committee")
    )
    assert ("proprietaire@example.org" in html) is expected
    assert ("05 62 00 00 01" in html) is expected
    assert ("Marciac" in html) is expected


def test_deactivated_members_have_no_profile_page(client_member, other_member):
    other_member.is_active = False
    other_member.save()
    url = reverse("members:profile_detail", args=[other_member.pk])
    assert client_member.get(url).status_code == 404


@pytest.mark.parametrize("skills", [3, 30])
def test_profile_page_queries_do_not_grow(
    client_member, member, django_assert_max_num_queries, skills
):
    profile = Profile.objects.get(user=member)
    profile.skills.set([f"Compétence {i}" for i in range(skills)])
    from activity import services as activity_services

    for i in range(min(skills, 5)):
        committee = CommitteePageFactory(title=f"C{i}", slug=f"c{i}")
        CommitteeMembershipFactory(user=member, committee=committee)
        activity_services.post_create(
            author=member, body="Bonjour", committee=committee
        )
    url = reverse("members:profile_detail", args=[member.pk])
    client_member.get(url)  # content types cached, as in a running server
    with django_assert_max_num_queries(15):  # 10 + the member's activity
        response = client_member.get(url)
    assert response.status_code == 200


def _header_avatar(client) -> str:
    html = client.get(reverse("members:directory")).content.decode()
    summary = re.search(
        r'<details class="user-menu"[^>]*>\s*<summary>(.*?)</summary>', html, re.S
    )
    assert summary, "the header's account menu"
    return summary[1]


def test_the_header_shows_the_new_photo_at_once_and_initials_without_one(
    client_member, member, django_capture_on_commit_callbacks
):
    assert ">CL</span>" in _header_avatar(client_member)
    client_member.post(
        reverse("members:profile_edit"),
        profile_data(new_photo=upload(jpeg_with_gps())),
    )
    first = Profile.objects.get(user=member).photo_thumbnail
    avatar = _header_avatar(client_member)
    assert f'src="{first.url}"' in avatar and "CL" not in avatar
    client_member.post(
        reverse("members:profile_edit"),
        profile_data(new_photo=upload(jpeg_with_gps((900, 900)))),
    )
    second = Profile.objects.get(user=member).photo_thumbnail
    # A new address at each upload: no browser or cache keeps showing the old one.
    assert second.url != first.url
    assert f'src="{second.url}"' in _header_avatar(client_member)
    with django_capture_on_commit_callbacks(execute=True):
        client_member.post(
            reverse("members:profile_edit"), profile_data(remove_photo="on")
        )
    assert ">CL</span>" in _header_avatar(client_member)
