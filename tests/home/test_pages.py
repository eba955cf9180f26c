import pytest
from django.db import IntegrityError, transaction
from wagtail.models import Page

from committees.models import CommitteeMembership
from events.models import EventIndexPage, EventPage
from home.models import (
    CommitteeIndexPage,
    CommitteePage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    StandardPage,
)
from territory.models import WorkspaceIndexPage, WorkspacePage
from tests.factories import (
    CommitteeMembershipFactory,
    CommitteePageFactory,
    committee_index,
)

SECRET = "MARQUEUR-PRIVE-7f3a"


def news_index() -> NewsIndexPage:
    home = HomePage.objects.get()
    return NewsIndexPage.objects.first() or home.add_child(
        instance=NewsIndexPage(title="Actualités", slug="actualites")
    )


def publish_news(parent, title, **fields):
    return parent.add_child(
        instance=NewsPage(title=title, intro=fields.pop("intro", "Intro"), **fields)
    )


class TestPageTree:
    def test_home_is_the_site_root_created_by_migration(self, db):
        home = HomePage.objects.get()
        assert home.get_parent().specific_class is Page
        assert home.get_site().root_page.pk == home.pk

    def test_allowed_parents_and_children(self, db):
        assert set(HomePage.allowed_subpage_models()) == {
            CommitteeIndexPage,
            NewsIndexPage,
            StandardPage,
            EventIndexPage,
            WorkspaceIndexPage,
        }
        assert set(CommitteeIndexPage.allowed_parent_page_models()) == {
            HomePage,
            CommitteeIndexPage,
        }
        assert set(CommitteeIndexPage.allowed_subpage_models()) == {
            CommitteePage,
            CommitteeIndexPage,
        }
        assert CommitteePage.allowed_parent_page_models() == [CommitteeIndexPage]
        assert set(CommitteePage.allowed_subpage_models()) == {
            NewsPage,
            StandardPage,
            EventPage,
            WorkspacePage,
        }
        assert set(EventPage.allowed_parent_page_models()) == {
            EventIndexPage,
            CommitteePage,
        }
        assert EventPage.allowed_subpage_models() == []
        assert set(NewsPage.allowed_parent_page_models()) == {
            NewsIndexPage,
            CommitteePage,
        }
        assert NewsPage.allowed_subpage_models() == []
        assert NewsIndexPage.allowed_parent_page_models() == [HomePage]

    def test_single_instance_pages(self, db):
        assert not HomePage.can_create_at(Page.objects.get(depth=1))
        news_index()
        assert not NewsIndexPage.can_create_at(HomePage.objects.get())


def test_home_greets_the_member_and_lists_their_committees(
    client_member, member, committee
):
    CommitteeMembershipFactory(user=member, committee=committee, role="referent")
    publish_news(news_index(), "Assemblée générale du réseau")
    publish_news(committee, "Marché de Noël à Auch")
    html = client_member.get("/").content.decode()
    assert "Bonjour, Camille" in html
    assert "Comité d&#x27;accueil d&#x27;Auch" in html
    assert "Référent" in html
    assert "Assemblée générale du réseau" in html
    assert "Marché de Noël à Auch" in html


def test_home_does_not_show_news_of_other_committees(client_member, committee):
    other = CommitteePageFactory(title="Comité de Condom", slug="condom")
    publish_news(other, "Vide-grenier à Condom")
    assert "Vide-grenier" not in client_member.get("/").content.decode()


def test_home_without_committee_says_so(client_member):
    assert "encore partie d" in client_member.get("/").content.decode()


def test_committee_page_lists_members_referents_first(client_member, committee):
    CommitteeMembershipFactory(
        committee=committee,
        user__first_name="Zoé",
        user__last_name="Arnaud",
        role="member",
    )
    CommitteeMembershipFactory(
        committee=committee,
        user__first_name="Yves",
        user__last_name="Zamora",
        role="referent",
    )
    html = client_member.get(committee.url).content.decode()
    assert html.index("Yves Zamora") < html.index("Zoé Arnaud")


def test_a_prospect_sees_the_public_part_only(client, committee):
    committee.schools = "École primaire du Garros"
    committee.contact_email = "accueil@auch.example"
    committee.fibre = CommitteePage.Fibre.AVAILABLE
    committee.save_revision().publish()
    CommitteeMembershipFactory(committee=committee, user__last_name=SECRET)
    publish_news(committee, f"Nouvelle {SECRET}", intro=SECRET)
    response = client.get(committee.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "École primaire du Garros" in html
    assert "Fibre disponible" in html
    assert "accueil@auch.example" in html
    assert SECRET not in html
    index = client.get(committee.get_parent().url).content.decode()
    assert committee.title.replace("'", "&#x27;") in index
    assert SECRET not in index


def test_members_see_the_private_part(client_member, committee):
    CommitteeMembershipFactory(committee=committee, user__last_name=SECRET)
    publish_news(committee, f"Nouvelle {SECRET}")
    html = client_member.get(committee.url).content.decode()
    assert html.count(SECRET) == 2


@pytest.mark.parametrize("page_type", ["news_index", "news", "standard", "home"])
def test_other_pages_require_login(client, committee, page_type):
    pages = {
        "news_index": lambda: news_index(),
        "news": lambda: publish_news(committee, "Locale"),
        "standard": lambda: HomePage.objects.get().add_child(
            instance=StandardPage(title="Charte", slug="charte")
        ),
        "home": lambda: HomePage.objects.get(),
    }
    page = pages[page_type]()
    response = client.get(page.url)
    assert response.status_code == 302
    assert response["Location"].startswith("/comptes/login/?next=")


def test_news_index_filters_by_tag_and_committee(client_member, committee):
    index = news_index()
    other = CommitteePageFactory(title="Comité de Condom", slug="condom")
    tagged = publish_news(index, "Fibre : le calendrier")
    tagged.tags.add("Haut débit")
    tagged.save()
    publish_news(index, "Afterwork de rentrée")
    publish_news(committee, "Nouvelles d'Auch")
    publish_news(other, "Nouvelles de Condom")
    everything = client_member.get(index.url).content.decode()
    assert all(
        title in everything
        for title in ["Fibre : le calendrier", "Afterwork", "d&#x27;Auch", "de Condom"]
    )
    by_tag = client_member.get(index.url, {"tag": "haut-debit"}).content.decode()
    assert "Fibre : le calendrier" in by_tag and "Afterwork" not in by_tag
    by_committee = client_member.get(index.url, {"comite": "condom"}).content.decode()
    assert "Nouvelles de Condom" in by_committee
    assert "Nouvelles d&#x27;Auch" not in by_committee


def test_news_index_paginates(client_member):
    index = news_index()
    for i in range(15):
        publish_news(index, f"Nouvelle numéro {i:02d}")
    first = client_member.get(index.url).content.decode()
    second = client_member.get(index.url, {"page": 2}).content.decode()
    assert first.count("Nouvelle numéro") == 12
    assert second.count("Nouvelle numéro") == 3
    assert "Page 2 sur 2" in second
    assert client_member.get(index.url, {"page": "x"}).status_code == 200


@pytest.mark.parametrize("count", [5, 50])
def test_news_index_queries_do_not_grow(
    client_member, committee, django_assert_max_num_queries, count
):
    index = news_index()
    for i in range(count):
        news = publish_news(index if i % 2 else committee, f"Nouvelle {i}")
        news.tags.add(f"sujet-{i % 4}")
        news.save()
    with django_assert_max_num_queries(26):
        response = client_member.get(index.url)
    assert response.status_code == 200


@pytest.mark.parametrize("count", [5, 50])
def test_committee_index_queries_do_not_grow(
    client_member, django_assert_max_num_queries, count
):
    index = committee_index()
    for i in range(count):
        CommitteePageFactory(title=f"Comité {i}", slug=f"c{i}")
    with django_assert_max_num_queries(22):
        response = client_member.get(index.url)
    assert response.content.decode().count('class="map-markers"') == 1


@pytest.mark.parametrize("count", [5, 50])
def test_committee_page_queries_do_not_grow(
    client_member, committee, django_assert_max_num_queries, count
):
    from activity import services as activity_services

    memberships = CommitteeMembershipFactory.create_batch(count, committee=committee)
    for i in range(min(count, 10)):
        publish_news(committee, f"Locale {i}")
    for membership in memberships:  # the committee's feed, with reactions
        post = activity_services.post_create(
            author=membership.user, body="Bonjour", committee=committee
        )
        activity_services.reaction_toggle(
            post=post, user=membership.user, reaction="like"
        )
    with django_assert_max_num_queries(42):  # 30 + the feed (10) + meetups (1)
        response = client_member.get(committee.url)
    # The newest members; every member is on the list's own pages.
    assert response.content.decode().count('class="person"') == min(count, 6)


def test_news_page_renders_its_body_blocks(client_member):
    news = publish_news(
        news_index(),
        "Guide",
        body=[
            ("heading", "Un titre"),
            ("quote", {"text": "Ici on respire.", "source": "Une habitante"}),
            (
                "table",
                {
                    "data": [["Commune", "Débit"], ["Auch", "1 Gb/s"]],
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                    "table_caption": "Débits",
                },
            ),
        ],
    )
    html = client_member.get(news.url).content.decode()
    assert "<h2>Un titre</h2>" in html
    assert "Ici on respire." in html
    assert '<th scope="col">Débit</th>' in html


def test_a_main_image_needs_its_alternative_text(db):
    from django.core.exceptions import ValidationError
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    image = Image.objects.create(title="Halle", file=get_test_image_file())
    news = NewsPage(title="x", slug="x", intro="y", main_image=image)
    with pytest.raises(ValidationError) as error:
        news.clean()
    assert "main_image_alt" in error.value.message_dict


def test_committee_memberships_are_unique(committee, member):
    CommitteeMembershipFactory(committee=committee, user=member)
    with pytest.raises(IntegrityError), transaction.atomic():
        CommitteeMembership.objects.create(committee=committee, user=member)


def test_scheduled_publishing(committee):
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone
    from wagtail.models import Revision

    news = publish_news(committee, "Programmée")
    news.unpublish()
    news.go_live_at = timezone.now() + timedelta(days=1)
    revision = news.save_revision()
    revision.publish()
    news.refresh_from_db()
    assert not news.live
    call_command("publish_scheduled")
    news.refresh_from_db()
    assert not news.live  # not yet
    # An hour and a day later: the moment has come.
    past = timezone.now() - timedelta(minutes=1)
    revision = Revision.objects.get(pk=revision.pk)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save()
    call_command("publish_scheduled")
    news.refresh_from_db()
    assert news.live


def test_apps_add_panels_to_the_dashboard(client_member, tmp_path, settings):
    from intranet.shell import dashboard

    template_dir = tmp_path / "templates"
    (template_dir / "probe").mkdir(parents=True)
    (template_dir / "probe" / "panel.html").write_text("<p>PANNEAU {{ panel.n }}</p>")
    settings.TEMPLATES = [
        {
            **settings.TEMPLATES[0],
            "DIRS": [*settings.TEMPLATES[0]["DIRS"], template_dir],
        }
    ]
    shown = dashboard.Panel("probe", "probe/panel.html", lambda r: {"n": 7}, "side")
    hidden = dashboard.Panel("hidden", "probe/panel.html", lambda r: None)
    before = list(dashboard.PANELS)
    try:
        dashboard.register(shown)
        dashboard.register(hidden)
        html = client_member.get("/").content.decode()
    finally:
        dashboard.PANELS[:] = before
    assert html.count("PANNEAU") == 1
    assert "PANNEAU 7" in html


def test_pages_restricted_in_wagtail_are_never_listed(client_member, member, committee):
    from django.contrib.auth.models import Group
    from wagtail.models import PageViewRestriction

    from members import services

    news = publish_news(news_index(), f"Réservée {SECRET}", intro=SECRET)
    restriction = PageViewRestriction.objects.create(
        page=news, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.create(name="Comité secret")])
    token = services.feed_token_for(user=member).key
    urls = ["/", news_index().url, "/recherche/?q=Réservée"]
    urls.append(f"/flux/{token}/actualites.xml")
    for url in urls:
        assert SECRET not in client_member.get(url).content.decode(), url


def test_a_call_to_action_to_a_deleted_page_does_not_break_the_page(client_member):
    target = HomePage.objects.get().add_child(
        instance=StandardPage(title="Cible", slug="cible")
    )
    page = HomePage.objects.get().add_child(
        instance=StandardPage(
            title="Guide",
            slug="guide",
            body=[
                (
                    "call_to_action",
                    {
                        "title": "Allez-y",
                        "text": "",
                        "page": target,
                        "button_label": "Go",
                    },
                )
            ],
        )
    )
    assert "Allez-y" in client_member.get(page.url).content.decode()
    target.delete()
    response = client_member.get(page.url)
    assert response.status_code == 200
    assert "Allez-y" not in response.content.decode()


def test_the_navigation_follows_a_renamed_section(client_member):
    index = news_index()
    index.save_revision().publish()
    assert 'href="/actualites/"' in client_member.get("/").content.decode()
    index.slug = "nouvelles"
    index.save_revision().publish()
    html = client_member.get("/").content.decode()
    assert 'href="/nouvelles/"' in html and 'href="/actualites/"' not in html
    index.delete()
    assert 'href="/nouvelles/"' not in client_member.get("/").content.decode()
