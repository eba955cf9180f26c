from django.conf import settings
from django.urls import reverse


def test_french_is_the_default(client_member):
    response = client_member.get("/")
    assert response["Content-Language"] == "fr"
    assert '<html lang="fr">' in response.content.decode()


def test_switching_language_is_remembered_for_the_member(client_member, member):
    response = client_member.post(
        reverse("language_set"), {"language": "en", "next": "/comites/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/comites/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    member.refresh_from_db()
    assert member.language == "en"
    assert client_member.get("/")["Content-Language"] == "en"


def test_a_new_device_gets_the_members_saved_language(client, member):
    member.language = "en"
    member.save()
    client.force_login(member)
    response = client.get("/")
    assert response["Content-Language"] == "en"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"


def test_anonymous_visitors_can_switch_on_the_login_page(client, db):
    response = client.post(
        reverse("language_set"), {"language": "en", "next": "/comptes/login/"}
    )
    assert response["Location"] == "/comptes/login/"
    page = client.get("/comptes/login/")
    assert page["Content-Language"] == "en"
    assert "Log in to Sohosolo" in page.content.decode()


def test_unknown_language_and_foreign_next_are_ignored(client_member, member):
    response = client_member.post(
        reverse("language_set"), {"language": "de", "next": "https://evil.example/"}
    )
    assert response["Location"] == "/"
    cookie = response.cookies.get(settings.LANGUAGE_COOKIE_NAME)
    assert cookie is None or cookie.value == "fr"
    member.refresh_from_db()
    assert member.language == "fr"


def test_language_switch_needs_post(client_member):
    assert client_member.get(reverse("language_set")).status_code == 405


def test_the_saved_language_wins_over_a_cookie_from_before_the_login(client, member):
    member.language = "en"
    member.save()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"  # chosen on the login page
    client.force_login(member)
    response = client.get("/")
    assert response["Content-Language"] == "en"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    # Later in the session, the switch decides.
    client.post(reverse("language_set"), {"language": "fr", "next": "/"})
    assert client.get("/")["Content-Language"] == "fr"
