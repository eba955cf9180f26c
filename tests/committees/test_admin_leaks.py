"""Another committee's drafts and restricted pages appear nowhere in the admin.

Committee A (Auch) has a live news whose newer draft revision is titled
BROUILLON-SECRET-A (submitted to A's approval workflow and locked), and a
password-protected meetup RESTREINT-SECRET-A. Committee B's référent and editor
walk every screen that lists pages: choosers, searches, the explorer, the admin
API, reports and their exports, the dashboard's moderation panels.
"""

import json
from html import unescape

import pytest
from wagtail.models import Page, PageViewRestriction, get_page_models

from committees import rights
from committees.models import CommitteeMembership
from events.models import EventPage
from home.models import NewsPage, StandardPage
from tests.factories import (
    CommitteeMembershipFactory,
    CommitteePageFactory,
    EventPageFactory,
)

DRAFT = "BROUILLON-SECRET-A"
RESTRICTED = "RESTREINT-SECRET-A"
LIVE_TITLE = "Fête du village d'Auch"


def member_of(committee, *, role="member", is_editor=False):
    membership = CommitteeMembershipFactory(
        committee=committee, role=role, is_editor=is_editor
    )
    rights.user_sync_groups(membership.user)
    return membership.user


@pytest.fixture
def planted(committee):
    """Committee A's secrets, and committee B with its référent and editor."""
    a = committee
    b = CommitteePageFactory(title="Comité d'accueil de Condom", slug="condom")
    a_editor = member_of(a, is_editor=True)
    news = a.add_child(instance=NewsPage(title=LIVE_TITLE, intro="Une nouvelle."))
    news.save_revision(user=a_editor).publish()
    news = NewsPage.objects.get(pk=news.pk)
    news.title = DRAFT
    revision = news.save_revision(user=a_editor)
    a.access.workflow.start(news, a_editor)
    news.refresh_from_db()
    news.locked, news.locked_by = True, a_editor
    news.save(update_fields=["locked", "locked_by"])
    meetup = EventPageFactory(parent=a, title=RESTRICTED, slug="restreint")
    meetup.save_revision(user=a_editor).publish()
    PageViewRestriction.objects.create(
        page=meetup, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    # B's own life, so that its screens are not empty.
    b_news = b.add_child(instance=NewsPage(title="Brocante de Condom", intro="."))
    b_news.save_revision().publish()
    assert Page.objects.get(pk=news.pk).title == LIVE_TITLE
    assert revision.content["title"] == DRAFT
    return {
        "a": a,
        "b": b,
        "news": news,
        "meetup": meetup,
        "b_news": b_news,
        "referent": member_of(b, role=CommitteeMembership.Role.REFERENT),
        "editor": member_of(b, is_editor=True),
    }


def text(response) -> str:
    """What the screen shows: choosers answer JSON wrapping their HTML."""
    body = b"".join(response).decode(errors="replace")
    if response.get("Content-Type", "").startswith("application/json"):
        body = json.dumps(json.loads(body), ensure_ascii=False)
    return unescape(body)


def page_types():
    return [""] + [
        f"{model._meta.app_label}.{model._meta.model_name}"
        for model in get_page_models()
    ]


def urls(p):
    a, b, news, meetup = p["a"], p["b"], p["news"], p["meetup"]
    index, home = a.get_parent(), a.get_parent().get_parent()
    parents = [None, Page.get_first_root_node(), home, index, a, b, news, meetup]
    queries = ["SECRET", "BROUILLON", "RESTREINT", "Fête", "village", "Auch"]
    found = []
    for page_type in page_types():
        for parent in parents:
            base = (
                f"/admin/choose-page/{parent.pk}/" if parent else "/admin/choose-page/"
            )
            found.append(f"{base}?page_type={page_type}")
        found.append(f"/admin/choose-page/{a.pk}/?page_type={page_type}&multiple=1")
        for q in queries:
            found.append(f"/admin/choose-page/search/?q={q}&page_type={page_type}")
    for parent in parents[1:]:
        found.append(f"/admin/choose-page/{parent.pk}/?user_perms=copy_to")
        found.append(f"/admin/choose-page/{parent.pk}/?user_perms=move_to")
    found += [
        f"/admin/choose-page/chosen-multiple/?id={news.pk}&id={meetup.pk}",
        f"/admin/pages/{b.pk}/move/",
        "/admin/pages/create/home/newspage",
        "/admin/pages/create/events/eventpage",
    ]
    for q in queries:
        found += [
            f"/admin/pages/search/?q={q}",
            f"/admin/pages/search/results/?q={q}",
            f"/admin/api/main/pages/?search={q}",
            f"/admin/pages/{index.pk}/?q={q}",
        ]
    for parent in [home, index, a, b, news, meetup]:
        found += [
            f"/admin/pages/{parent.pk}/",
            f"/admin/pages/{parent.pk}/results/",
            f"/admin/api/main/pages/?child_of={parent.pk}&for_explorer=1",
            f"/admin/api/main/pages/?child_of={parent.pk}",
            f"/admin/api/main/pages/{parent.pk}/",
        ]
    found += ["/admin/pages/", f"/admin/api/main/pages/?descendant_of={index.pk}"]
    for model in get_page_models():
        found.append(
            f"/admin/pages/usage/{model._meta.app_label}/{model._meta.model_name}/"
        )
    for report in [
        "locked",
        "workflow",
        "workflow_tasks",
        "aging-pages",
        "site-history",
        "page-types-usage",
    ]:
        found += [
            f"/admin/reports/{report}/",
            f"/admin/reports/{report}/results/",
            f"/admin/reports/{report}/?export=csv",
            f"/admin/reports/{report}/?export=xlsx",
        ]
    found += ["/admin/", "/admin/workflows/list/", "/admin/workflows/tasks/index/"]
    return found


@pytest.mark.parametrize("who", ["referent", "editor"])
def test_committee_a_secrets_appear_nowhere_for_committee_b(client, planted, who):
    client.force_login(planted[who])
    leaks = {}
    seen = 0
    for url in urls(planted):
        response = client.get(url, follow=True)
        body = text(response)
        if response.status_code == 200:
            seen += 1
        for marker in (DRAFT, RESTRICTED):
            if marker in body:
                leaks.setdefault(url, []).append(marker)
    assert leaks == {}
    assert seen > 100  # the screens did answer


def test_committee_a_editor_still_sees_their_draft_and_meetup(client, planted):
    editor = CommitteeMembership.objects.get(committee=planted["a"], is_editor=True)
    client.force_login(editor.user)
    chooser = text(client.get(f"/admin/choose-page/{planted['a'].pk}/"))
    assert DRAFT in chooser
    assert RESTRICTED in chooser
    search = text(client.get("/admin/choose-page/search/?q=SECRET"))
    assert RESTRICTED in search


def test_committee_b_sees_committee_a_live_news_by_its_live_title(client, planted):
    client.force_login(planted["editor"])
    chooser = text(client.get(f"/admin/choose-page/{planted['a'].pk}/"))
    assert LIVE_TITLE in chooser
    assert isinstance(planted["meetup"], EventPage)


def test_the_chooser_never_opens_on_a_hidden_page(client, committee):
    """Asked for a page type, Wagtail's chooser opens on the first common ancestor
    of all pages of that type: never a page the editor may not see."""
    hidden = CommitteePageFactory(title=RESTRICTED, slug="comite-restreint")
    hidden.add_child(instance=StandardPage(title="Guide", slug="guide"))
    hidden.add_child(instance=StandardPage(title="Charte", slug="charte"))
    PageViewRestriction.objects.create(
        page=hidden, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    client.force_login(member_of(committee, is_editor=True))
    opened = client.get("/admin/choose-page/?page_type=home.standardpage")
    assert opened.status_code == 200  # on the root: nothing of that type to see
    for url in [
        "/admin/choose-page/?page_type=home.standardpage",
        f"/admin/choose-page/{hidden.pk}/",
        "/admin/choose-page/search/?q=Guide",
    ]:
        response = client.get(url)
        assert response.status_code in (200, 404)
        assert RESTRICTED not in text(response), url
        assert "Guide" not in text(response), url
