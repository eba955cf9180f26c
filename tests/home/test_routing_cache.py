"""Remembered routing (`home/routing.py`), view restrictions and the site
(`intranet/pages.py`): a page view reads none of them again, and every change to
the tree or to who may read a page shows at once."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction, Site

from home import routing
from tests.factories import NewsPageFactory, news_index

pytestmark = pytest.mark.django_db


def test_a_remembered_address_reads_the_page_in_one_query(
    client_member, rf, django_assert_num_queries
):
    news = NewsPageFactory(title="Fibre à Lectoure", slug="fibre-lectoure")
    assert client_member.get(news.url).status_code == 200  # learns the route
    request = rf.get(news.url)
    with django_assert_num_queries(1):  # the page itself, by id
        routing.route(request, news.url.lstrip("/"))
    page, _args, _kwargs = request._wagtail_route_for_request
    assert page.pk == news.pk and type(page) is type(news)
    root = Site.objects.get().root_page_id
    with django_assert_num_queries(0):
        assert page.get_view_restrictions().count() == 0
        assert Site.find_for_request(request).root_page_id == root


def test_unpublish_move_rename_and_delete_show_at_once(client_member):
    news = NewsPageFactory(title="Marché de Noël", slug="marche-noel")
    old = news.url
    assert client_member.get(old).status_code == 200

    news.slug = "marche-de-noel"
    news.save_revision().publish()
    news.refresh_from_db()
    assert news.url == "/actualites/marche-de-noel/"
    assert client_member.get(old).status_code == 404
    assert client_member.get(news.url).status_code == 200

    other = news_index().add_sibling(
        instance=type(news_index())(title="Archives", slug="archives")
    )
    news.move(other, pos="last-child")
    news.refresh_from_db()
    moved_from = client_member.get("/actualites/marche-de-noel/")
    assert moved_from.status_code == 301  # Wagtail's redirect, not the old route
    assert moved_from["Location"] == news.url == "/archives/marche-de-noel/"
    assert client_member.get(news.url).status_code == 200

    news.unpublish()
    assert client_member.get(news.url).status_code == 404
    news.save_revision().publish()
    assert client_member.get(news.url).status_code == 200

    url = news.url
    news.delete()
    assert client_member.get(url).status_code == 404


def test_a_restriction_added_or_lifted_applies_at_once(client_member, member):
    news = NewsPageFactory(title="Compte rendu du bureau", slug="bureau")
    assert client_member.get(news.url).status_code == 200

    board = Group.objects.create(name="Bureau")
    restriction = PageViewRestriction.objects.create(
        page=news_index(), restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(board)
    assert client_member.get(news.url).status_code != 200  # above it: restricted

    member.groups.add(board)
    assert client_member.get(news.url).status_code == 200

    member.groups.remove(board)
    assert client_member.get(news.url).status_code != 200
    restriction.delete()
    assert client_member.get(news.url).status_code == 200
