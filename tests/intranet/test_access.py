"""The whole site is private: only the listed views answer anonymous visitors."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.views.generic import RedirectView

PUBLIC_VIEWS = {
    "intranet.views.health",
    # The app on a phone: its manifest, its service worker and its offline page
    # hold nothing of anyone's (tests/intranet/test_pwa.py).
    "intranet.pwa.manifest",
    "intranet.pwa.worker",
    "intranet.pwa.offline",
    "members.views.invitation_accept",
    "members.views.language_set",
    "members.views.privacy",
    # One-click unsubscribe: the signed token in the link stands for the login.
    "activity.views.unsubscribe",
    # The newcomer programme's public side: the installation project form, and
    # the family's pages, opened by the signed link they receive by e-mail.
    "welcome.views.apply",
    "welcome.views.thanks",
    "welcome.views.link",
    "welcome.views.link_request",
    "welcome.views.my_project",
    "welcome.views.withdraw",
    # Wagtail pages: login is required per page type (home.wagtail_hooks).
    "home.views.serve",
    # RSS: the member's secret token in the URL stands for the login.
    "home.feeds.NewsFeed",
    # iCalendar feed: the same secret token.
    "events.views.calendar_feed",
    # The broadband map of the Gers: medians of at least 3 members, for families
    # choosing a village (territory.selectors.MIN_MEMBERS).
    "territory.views.broadband_map",
    # /admin/login/ and /_util/login/ send to allauth's form (shadowing the two
    # unthrottled login forms of Wagtail, listed below but never reached).
    "django.views.generic.base.RedirectView",
    "wagtail.admin.views.account.LoginView",
    "django.contrib.auth.views.LoginView",
    # allauth: logging in and out, password reset, and closed sign-up pages.
    "allauth.account.views._login.LoginView",
    "allauth.account.views._login.ConfirmLoginCodeView",
    "allauth.account.views._logout.LogoutView",
    "allauth.account.views._account.AccountInactiveView",
    "allauth.account.views._signup.SignupView",
    "allauth.account.views._email_verification.email_verification_sent",
    "allauth.account.views._email_verification.ConfirmEmailView",
    "allauth.account.views._password_reset.PasswordResetView",
    "allauth.account.views._password_reset.PasswordResetDoneView",
    "allauth.account.views._password_reset.PasswordResetFromKeyView",
    "allauth.account.views._password_reset.PasswordResetFromKeyDoneView",
    # The admin API checks admin access itself (tested below).
    "wagtail.admin.api.views.PagesAdminAPIViewSet",
    "wagtail.documents.api.admin.views.DocumentsAdminAPIViewSet",
    "wagtail.images.api.admin.views.ImagesAdminAPIViewSet",
}


def walk(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern.callback


def qualified_name(callback):
    view = getattr(callback, "view_class", None) or callback
    if not hasattr(view, "__qualname__"):  # a callable instance (syndication Feed)
        view = type(view)
    return f"{view.__module__}.{view.__qualname__}"


def test_only_the_listed_views_are_open():
    open_views = set()
    for _route, callback in walk(get_resolver().url_patterns):
        if getattr(callback, "login_required", True):
            continue
        open_views.add(qualified_name(callback))
    assert open_views - PUBLIC_VIEWS == set()


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/actualites/",
        "/une-page/inconnue/",
        "/recherche/",
        "/membres/mon-compte/",
        "/membres/invitations/",
        "/admin/",
        "/documents/1/x/",
        "/comptes/password/change/",
        "/media/original_images/x.jpg",
    ],
)
def test_anonymous_visitors_get_the_login_page_with_next(client, db, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={path}"


@pytest.mark.parametrize(
    "name",
    [
        "account_login",
        "account_reset_password",
        "account_reset_password_done",
        "health",
    ],
)
def test_listed_pages_are_open(client, db, name):
    assert client.get(reverse(name)).status_code == 200


@pytest.mark.parametrize("path", ["/admin/login/", "/_util/login/"])
def test_other_login_forms_are_shadowed_by_ours(path):
    match = resolve(path)
    assert match.func.view_class is RedirectView


@pytest.mark.parametrize("path", ["/admin/api/main/pages/", "/admin/api/main/images/"])
def test_admin_api_refuses_anonymous_and_plain_members(client, member, path):
    assert client.get(path).status_code in (302, 403)
    client.force_login(member)
    assert client.get(path).status_code in (302, 403)


def test_signup_is_closed(client, db):
    response = client.get(reverse("account_signup"))
    assert response.status_code == 200
    assert "sur invitation" in response.content.decode()


def test_admin_login_goes_through_the_throttled_form_keeping_next(client, db):
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/comptes/login/?next=/admin/pages/"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_static_files_are_served_without_login(live_server):
    import urllib.request

    with urllib.request.urlopen(f"{live_server.url}/static/css/site.css") as resp:
        assert resp.status == 200
        assert b"--green" in resp.read()


def test_health_reports_database_and_cache(client, db):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "database": "ok",
        "cache": "ok",
        "channel_layer": "ok",
    }
