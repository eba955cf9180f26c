"""Committee editors work inside their own committee only; rights follow roles."""

import pytest
from django.utils.text import slugify
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from committees import rights
from committees.models import CommitteeMembership
from home.models import NewsPage
from tests.factories import CommitteeMembershipFactory, CommitteePageFactory


@pytest.fixture
def auch(committee):
    return committee


@pytest.fixture
def condom(db):
    return CommitteePageFactory(title="Comité d'accueil de Condom", slug="condom")


def member_of(committee, *, role="member", is_editor=False):
    membership = CommitteeMembershipFactory(
        committee=committee, role=role, is_editor=is_editor
    )
    rights.user_sync_groups(membership.user)
    return membership.user


def news_under(committee, *, live=True, title="Fête du village"):
    page = committee.add_child(
        instance=NewsPage(title=title, intro="Une nouvelle.", live=live)
    )
    page.save_revision()
    return page


def news_form(title="Marché de Noël", **extra):
    return nested_form_data(
        {
            "title": title,
            "slug": slugify(title),
            "date": "2026-11-20",
            "intro": "Le marché revient sous la halle.",
            "body": streamfield([]),
            "tags": "",
            "comments": inline_formset([]),
            **extra,
        }
    )


def submit_news(client, editor, committee):
    """The editor writes a news in the admin and submits it for approval."""
    client.force_login(editor)
    client.post(
        f"/admin/pages/add/home/newspage/{committee.pk}/",
        news_form(**{"action-submit": "Soumettre"}),
    )
    news = NewsPage.objects.get(title="Marché de Noël")
    return news, TaskState.objects.get(workflow_state__object_id=str(news.pk))


def refused(response) -> bool:
    """Wagtail answers a permission refusal with 403 or a redirect to the dashboard
    (never to the login page: members without admin access get our 403)."""
    location = response.get("Location", "")
    return response.status_code == 403 or (
        response.status_code == 302 and location in ("/admin/", "/")
    )


def test_an_editor_writes_in_their_committee_and_submits_for_approval(client, auch):
    editor = member_of(auch, is_editor=True)
    client.force_login(editor)
    url = f"/admin/pages/add/home/newspage/{auch.pk}/"
    assert client.get(url).status_code == 200
    response = client.post(url, news_form(**{"action-submit": "Soumettre"}))
    assert response.status_code == 302, response.content[:2000]
    news = NewsPage.objects.get(title="Marché de Noël")
    assert news.get_parent().pk == auch.pk
    assert not news.live
    assert WorkflowState.objects.get(object_id=str(news.pk)).status == "in_progress"


def test_an_editor_cannot_publish_directly(client, auch):
    editor = member_of(auch, is_editor=True)
    client.force_login(editor)
    client.post(
        f"/admin/pages/add/home/newspage/{auch.pk}/",
        news_form(**{"action-publish": "Publier"}),
    )
    # The page is saved, as a draft: the publish button is not theirs to use.
    assert NewsPage.objects.get(title="Marché de Noël").live is False


def test_a_referent_approves_and_the_news_goes_live(client, auch):
    editor = member_of(auch, is_editor=True)
    referent = member_of(auch, role=CommitteeMembership.Role.REFERENT)
    news, task_state = submit_news(client, editor, auch)
    client.force_login(referent)
    response = client.post(
        f"/admin/pages/workflow/action/{news.pk}/approve/{task_state.pk}/",
        {"comment": ""},
    )
    assert response.status_code in (200, 302)
    news.refresh_from_db()
    assert news.live


def test_a_referent_asks_for_changes(client, auch):
    editor = member_of(auch, is_editor=True)
    referent = member_of(auch, role=CommitteeMembership.Role.REFERENT)
    news, task_state = submit_news(client, editor, auch)
    client.force_login(referent)
    client.post(
        f"/admin/pages/workflow/action/{news.pk}/reject/{task_state.pk}/",
        {"comment": "Ajoutez l'horaire, s'il vous plaît."},
    )
    news.refresh_from_db()
    assert not news.live
    assert WorkflowState.objects.get(object_id=str(news.pk)).status == "needs_changes"


def test_a_referent_of_another_committee_cannot_approve(client, auch, condom):
    editor = member_of(auch, is_editor=True)
    outsider = member_of(condom, role=CommitteeMembership.Role.REFERENT)
    news, task_state = submit_news(client, editor, auch)
    client.force_login(outsider)
    response = client.post(
        f"/admin/pages/workflow/action/{news.pk}/approve/{task_state.pk}/", {}
    )
    assert refused(response) or response.status_code == 404
    news.refresh_from_db()
    assert not news.live


@pytest.mark.parametrize(
    "action",
    [
        "/admin/pages/{pk}/edit/",
        "/admin/pages/{pk}/view_draft/",
        "/admin/pages/{pk}/delete/",
        "/admin/pages/{pk}/move/",
        "/admin/pages/{pk}/unpublish/",
        "/admin/pages/{pk}/copy/",
        "/admin/pages/{pk}/history/",
    ],
)
def test_an_editor_cannot_touch_another_committees_pages(client, auch, condom, action):
    editor = member_of(auch, is_editor=True)
    draft = news_under(condom, live=False, title="Brouillon de Condom")
    client.force_login(editor)
    assert refused(client.get(action.format(pk=draft.pk)))
    assert refused(client.post(action.format(pk=draft.pk), {}))
    assert NewsPage.objects.filter(pk=draft.pk, live=False).exists()


def test_an_editor_cannot_add_pages_to_another_committee(client, auch, condom):
    editor = member_of(auch, is_editor=True)
    client.force_login(editor)
    url = f"/admin/pages/add/home/newspage/{condom.pk}/"
    assert refused(client.get(url))
    assert refused(client.post(url, news_form(**{"action-submit": "x"})))
    assert not NewsPage.objects.exists()


def test_another_committees_drafts_do_not_show_in_the_admin_api(client, auch, condom):
    editor = member_of(auch, is_editor=True)
    draft = news_under(condom, live=False, title="Brouillon secret de Condom")
    own = news_under(auch, live=False, title="Brouillon d'Auch")
    client.force_login(editor)
    mine = client.get(f"/admin/api/main/pages/?child_of={auch.pk}")
    assert mine.status_code == 200
    assert [item["id"] for item in mine.json()["items"]] == [own.pk]
    listing = client.get(f"/admin/api/main/pages/?child_of={condom.pk}")
    assert "Brouillon secret" not in listing.content.decode()
    search = client.get("/admin/api/main/pages/?search=Brouillon")
    assert "Brouillon secret" not in search.content.decode()
    detail = client.get(f"/admin/api/main/pages/{draft.pk}/")
    assert detail.status_code in (403, 404)


def test_rights_follow_roles(client, auch):
    membership = CommitteeMembershipFactory(committee=auch, is_editor=True)
    user = membership.user
    rights.user_sync_groups(user)
    client.force_login(user)
    url = f"/admin/pages/add/home/newspage/{auch.pk}/"
    assert client.get(url).status_code == 200
    membership.is_editor = False
    membership.save()
    rights.user_sync_groups(user)
    assert refused(client.get(url))
    assert not user.groups.exists()


def test_plain_members_have_no_admin(client, auch):
    client.force_login(member_of(auch))
    assert refused(client.get("/admin/"))


def test_network_editors_edit_every_committee(client, network_editor, condom):
    draft = news_under(condom, live=False)
    client.force_login(network_editor)
    assert client.get(f"/admin/pages/{draft.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/add/home/newspage/{condom.pk}/").status_code == 200


def test_creating_a_committee_in_the_admin_sets_up_its_rights(
    client, network_editor, committee
):
    from committees.models import CommitteeAccess
    from communes.models import Commune
    from home.models import CommitteeIndexPage

    index = CommitteeIndexPage.objects.get()
    client.force_login(network_editor)
    data = nested_form_data(
        {
            "title": "Comité d'accueil de Marciac",
            "slug": "marciac",
            "commune": Commune.objects.get(name="Marciac").pk,
            "description": rich_text(""),
            "contact_email": "",
            "contact_phone": "",
            "fibre": "",
            "mobile_coverage": "",
            "typical_speeds": "",
            "nearest_station": "",
            "schools": "",
            "childcare": "",
            "doctors": "",
            "markets": "",
            "coworking": "",
            "sheet_checked_on": "",
            "comments": inline_formset([]),
            "action-publish": "Publier",
        }
    )
    response = client.post(
        f"/admin/pages/add/committees/committeepage/{index.pk}/", data
    )
    assert response.status_code == 302, response.content[:3000]
    page = Page.objects.get(slug="marciac").specific
    assert CommitteeAccess.objects.filter(committee=page).exists()


def test_network_editors_manage_roles_in_the_admin_and_rights_follow(
    client, network_editor, auch, member
):
    client.force_login(network_editor)
    listing = client.get("/admin/snippets/committees/committeemembership/")
    assert listing.status_code == 200
    response = client.post(
        "/admin/snippets/committees/committeemembership/add/",
        {"user": member.pk, "committee": auch.pk, "role": "member", "is_editor": "on"},
    )
    assert response.status_code == 302
    membership = CommitteeMembership.objects.get(user=member)
    assert member.groups.filter(pk=auch.access.editors_id).exists()

    client.post(
        f"/admin/snippets/committees/committeemembership/edit/{membership.pk}/",
        {"user": member.pk, "committee": auch.pk, "role": "referent"},
    )
    assert set(member.groups.values_list("pk", flat=True)) == {auch.access.referents_id}

    client.post(
        f"/admin/snippets/committees/committeemembership/delete/{membership.pk}/"
    )
    assert not CommitteeMembership.objects.filter(pk=membership.pk).exists()
    assert not member.groups.exists()


def test_committee_editors_cannot_manage_memberships(client, auch):
    editor = member_of(auch, is_editor=True)
    client.force_login(editor)
    assert refused(client.get("/admin/snippets/committees/committeemembership/"))


@pytest.mark.parametrize(
    "url",
    [
        "/admin/choose-page/search/?q=Brouillon",
        "/admin/choose-page/{condom}/",
        "/admin/choose-page/chosen-multiple/?id={draft}",
    ],
)
def test_another_committees_drafts_do_not_show_in_the_page_chooser(
    client, auch, condom, url
):
    editor = member_of(auch, is_editor=True)
    draft = news_under(condom, live=False, title="Brouillon secret de Condom")
    own = news_under(auch, live=False, title="Brouillon d'Auch")
    client.force_login(editor)
    response = client.get(url.format(condom=condom.pk, draft=draft.pk))
    assert response.status_code == 200
    assert "Brouillon secret" not in response.content.decode()
    mine = client.get(url.format(condom=auch.pk, draft=own.pk)).content.decode()
    assert "Brouillon d" in mine  # the editor's own draft is there


def test_deleting_a_committee_takes_its_rights_away(client, auch):
    editor = member_of(auch, is_editor=True)
    groups = [auch.access.editors_id, auch.access.referents_id]
    auch.delete()
    from django.contrib.auth.models import Group

    assert not Group.objects.filter(pk__in=groups).exists()
    assert not editor.groups.exists()
    client.force_login(editor)
    assert refused(client.get("/admin/"))
