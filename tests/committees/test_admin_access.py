"""Members without admin access get a French 403 on every admin URL, never the
login loop; anonymous visitors still go to the login page."""

import re
from html import unescape
from urllib.parse import unquote

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.urls.resolvers import RegexPattern, RoutePattern

from committees import rights
from committees.models import CommitteeMembership
from tests.factories import CommitteeMembershipFactory

REFUSAL = "Cet espace est réservé aux éditeurs"
DUMMIES = ["1", "x", "live"]


def _sample(regex: str) -> str:
    return next(dummy for dummy in DUMMIES if re.fullmatch(regex, dummy))


def _fill(pattern) -> str:
    """A path this pattern matches, its converters filled with dummy values."""
    if isinstance(pattern, RoutePattern):
        return re.sub(
            r"<(?:(\w+):)?\w+>",
            lambda m: "x" if m.group(1) in ("str", "slug", "path") else "1",
            str(pattern),
        )
    assert isinstance(pattern, RegexPattern)
    regex = str(pattern).lstrip("^").rstrip("$")
    regex = re.sub(r"\(\?P<\w+>([^()]*)\)", lambda m: _sample(m.group(1)), regex)
    regex = regex.replace(".*", "x")
    return re.sub(r"\\(.)", r"\1", regex)


def _route(pattern) -> str:
    return str(pattern.pattern).removeprefix("^")  # as ResolverMatch.route joins


def admin_paths():
    def walk(patterns, prefix, route):
        for pattern in patterns:
            path = prefix + _fill(pattern.pattern)
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, path, route + _route(pattern))
            elif isinstance(pattern, URLPattern):
                yield path, route + _route(pattern)

    admin = reverse("wagtailadmin_home")
    for path, route in walk(get_resolver().url_patterns, "/", ""):
        if path.startswith(admin):
            # The dummy path reaches its pattern (or the project's own view that
            # shadows it on the same route: /admin/login/, chosen-multiple).
            assert resolve(path).route == route, path
            yield path


ADMIN_PATHS = sorted(set(admin_paths()))


def test_every_admin_pattern_is_walked():
    assert len(ADMIN_PATHS) > 200
    assert "/admin/" in ADMIN_PATHS
    assert "/admin/pages/1/edit/" in ADMIN_PATHS
    assert "/admin/choose-page/1/" in ADMIN_PATHS
    assert "/admin/reports/site-history/" in ADMIN_PATHS


@pytest.fixture
def plain_member(committee):
    """A committee volunteer: a role, but no editing right."""
    membership = CommitteeMembershipFactory(
        committee=committee, role=CommitteeMembership.Role.VOLUNTEER
    )
    rights.user_sync_groups(membership.user)
    return membership.user


def test_members_without_admin_access_get_the_403_page_on_every_admin_url(
    client, plain_member
):
    client.force_login(plain_member)
    wrong = {}
    for path in ADMIN_PATHS:
        for method in (client.get, client.post):
            response = method(path)
            if response.status_code != 403 or REFUSAL not in response.content.decode():
                wrong[f"{method.__name__} {path}"] = (
                    response.status_code,
                    response.get("Location"),
                )
    assert wrong == {}


def test_the_403_page_says_why_and_offers_a_way_back(client, plain_member):
    client.force_login(plain_member)
    response = client.get("/admin/pages/")
    assert response.status_code == 403
    html = unescape(response.content.decode())
    assert "<h1>Accès refusé</h1>" in html
    assert f"{REFUSAL} : votre compte ne donne pas accès à l'administration." in html
    assert '<a href="/">Retour à mon tableau de bord</a>' in html
    assert '<html lang="fr">' in html


def test_the_403_page_speaks_english_to_english_members(client, plain_member):
    plain_member.language = "en"
    plain_member.save()
    client.force_login(plain_member)
    html = client.get("/admin/").content.decode()
    assert "This area is for editors" in html


def test_anonymous_visitors_go_to_the_login_page_from_every_admin_url(client, db):
    login = reverse("account_login")
    wrong = {}
    for path in ADMIN_PATHS:
        # The admin API's views send to /admin/login/, which sends on to ours.
        response = client.get(path, follow=True)
        chain = [unquote(location) for location, _status in response.redirect_chain]
        if response.status_code != 200 or not chain[-1].startswith(login):
            wrong[path] = (response.status_code, chain)
        elif path != "/admin/login/" and chain[-1] != f"{login}?next={path}":
            wrong[path] = (response.status_code, chain)
    assert wrong == {}


def test_editors_still_open_the_admin(client, committee):
    membership = CommitteeMembershipFactory(committee=committee, is_editor=True)
    rights.user_sync_groups(membership.user)
    client.force_login(membership.user)
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/pages/", follow=True).status_code == 200


def test_the_predicate(plain_member, network_editor, django_user_model):
    from django.contrib.auth.models import AnonymousUser

    assert not rights.can_use_admin(user=AnonymousUser())
    assert not rights.can_use_admin(user=plain_member)
    assert rights.can_use_admin(user=network_editor)
