"""What committee roles allow: the one place services and views ask.

- Predicates: `can_manage_committee`, `can_moderate`, `is_referent`.
- Wagtail rights: each committee page gets two groups (its editors and its
  référents), a collection for its images and documents, and an approval workflow.
  A member's groups are derived from their memberships by `user_sync_groups`:
  nobody manages these groups by hand.
- What an editor sees of other committees' pages in the admin: only what is
  published and not restricted, by its published title.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import EllipsisType
from typing import TYPE_CHECKING

from django.contrib.auth.models import AnonymousUser, Group, Permission
from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Left, Length
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    PageViewRestriction,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtail.permission_policies.pages import PagePermissionPolicy

from committees.models import CommitteeAccess, CommitteeMembership, CommitteePage
from intranet import bus

if TYPE_CHECKING:
    from members.models import User

    AnyUser = User | AnonymousUser

NETWORK_EDITORS = "Équipe réseau"


@dataclass(frozen=True)
class CommitteeSetUp:
    """A new committee page got its rights (in the admin, or by the demo seed)."""

    committee: CommitteePage


EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
REFERENT_PAGE_PERMISSIONS = EDITOR_PAGE_PERMISSIONS + [
    "publish_page",
    "lock_page",
    "unlock_page",
]
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtailimages", "change_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
    ("wagtaildocs", "change_document"),
]


def _permission(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _group(
    name: str, page: CommitteePage, collection: Collection, page_permissions: list[str]
) -> Group:
    group, _ = Group.objects.get_or_create(name=name[:150])
    group.permissions.add(_permission("wagtailadmin", "access_admin"))
    for codename in page_permissions:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=_permission("wagtailcore", codename)
        )
    for app_label, codename in COLLECTION_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=group,
            collection=collection,
            permission=_permission(app_label, codename),
        )
    return group


def review_names(title: str) -> tuple[str, str]:
    """The names of a committee's workflow and of its approval step, as Wagtail's
    buttons read them: « Soumettre à la relecture du comité d'accueil d'Auch »,
    « Soumettre à nouveau à la validation du comité… » (the admin shows them as
    they are; the groups keep the page's id, their names must be unique)."""
    if title.startswith("Comité "):
        of = f"du {title[0].lower()}{title[1:]}"
    elif title[:1].upper() in "AEIOUYÉÈÊÂÎÔH":
        of = f"d’{title}"
    else:
        of = f"de {title}"
    return f"la relecture {of}"[:255], f"la validation {of}"[:255]


@transaction.atomic
def committee_setup(committee: CommitteePage) -> CommitteeAccess:
    """Give a committee page its groups, collection and approval workflow, then
    tell the apps above (the chat opens its room).

    Idempotent: a committee already set up is returned as it is.
    """
    access = CommitteeAccess.objects.filter(committee=committee).first()
    if access is not None:
        return access
    label = f"{committee.title} (#{committee.pk})"
    collection = Collection.get_first_root_node().add_child(name=label[:255])
    editors = _group(
        f"Éditeurs · {label}", committee, collection, EDITOR_PAGE_PERMISSIONS
    )
    referents = _group(
        f"Référents · {label}", committee, collection, REFERENT_PAGE_PERMISSIONS
    )
    workflow_name, task_name = review_names(committee.title)
    task = GroupApprovalTask.objects.create(name=task_name)
    task.groups.set([referents, Group.objects.get(name=NETWORK_EDITORS)])
    workflow = Workflow.objects.create(name=workflow_name)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.update_or_create(
        page=committee, defaults={"workflow": workflow}
    )
    access = CommitteeAccess.objects.create(
        committee=committee,
        editors=editors,
        referents=referents,
        collection=collection,
        workflow=workflow,
    )
    bus.publish(CommitteeSetUp(committee=committee))
    return access


@transaction.atomic
def user_sync_groups(user: User) -> None:
    """Put the member in exactly the committee groups their memberships call for."""
    wanted = set()
    memberships = CommitteeMembership.objects.filter(user=user).select_related(
        "committee"
    )
    for membership in memberships:
        access = committee_setup(membership.committee)
        if membership.is_editor:
            wanted.add(access.editors_id)
        if membership.role == CommitteeMembership.Role.REFERENT:
            wanted.add(access.referents_id)
    committee_groups = set(
        CommitteeAccess.objects.values_list("editors_id", flat=True)
    ) | set(CommitteeAccess.objects.values_list("referents_id", flat=True))
    current = set(
        user.groups.filter(pk__in=committee_groups).values_list("pk", flat=True)
    )
    user.groups.remove(*(current - wanted))
    user.groups.add(*(wanted - current))


def _editable_in_admin(user: User) -> QuerySet[Page]:
    return PagePermissionPolicy().instances_user_has_any_permission_for(
        user, ["change", "publish"]
    )


def _restricted_for(user: User) -> QuerySet[Page]:
    """Pages under a view restriction (Wagtail page privacy) the user does not pass:
    a password, or groups they are not in. "Login" restrictions pass every member."""
    not_passed = PageViewRestriction.objects.filter(
        page__path=Left(OuterRef("path"), Length("page__path"))
    ).filter(
        Q(restriction_type=PageViewRestriction.PASSWORD)
        | (
            Q(restriction_type=PageViewRestriction.GROUPS)
            & ~Q(groups__in=user.groups.values("pk"))
        )
    )
    return Page.objects.filter(Exists(not_passed))


def pages_visible_in_admin(pages: QuerySet, user: User) -> QuerySet:
    """What a user may see of `pages` in the admin's choosers and listings: the
    pages they may edit, and of the others only the published ones they could
    read on the site (no password or group restriction they do not pass). Other
    committees' drafts and restricted meetups stay hidden."""
    if user.is_superuser:
        return pages
    readable = Q(live=True) & ~Q(pk__in=_restricted_for(user).values("pk"))
    return pages.filter(readable | Q(pk__in=_editable_in_admin(user).values("pk")))


def can_edit_in_admin(*, user: User, page: Page) -> bool:
    """From the user's cached page permissions: no query per page."""
    return PagePermissionPolicy().user_has_any_permission_for_instance(
        user, ["change", "publish"], page
    )


def page_as_seen_by(page: Page, user: User) -> Page:
    """The page as the admin may show it to the user: by its published title when
    the newer draft is not theirs to read (Wagtail shows `draft_title`)."""
    if page.live and not can_edit_in_admin(user=user, page=page):
        page.draft_title = page.title
    return page


def committee_teardown(access: CommitteeAccess) -> None:
    """When a committee page is deleted, its groups go (and with them every right
    they gave); its workflow is retired; its collection stays, images included."""
    Group.objects.filter(pk__in=[access.editors_id, access.referents_id]).delete()
    Workflow.objects.filter(pk=access.workflow_id).update(active=False)
    GroupApprovalTask.objects.filter(
        workflow_tasks__workflow_id=access.workflow_id
    ).update(active=False)


# --- Predicates ---------------------------------------------------------------


def can_use_admin(*, user: AnyUser) -> bool:
    """Editors (of a committee or of the network) and staff open the Wagtail admin;
    other members do not, whatever admin URL they follow."""
    return user.is_authenticated and user.has_perm("wagtailadmin.access_admin")


def is_referent(*, user: AnyUser, committee: CommitteePage) -> bool:
    return CommitteeMembership.objects.filter(
        user=user.pk, committee=committee, role=CommitteeMembership.Role.REFERENT
    ).exists()


def can_manage_committee(
    *,
    user: AnyUser,
    committee: CommitteePage,
    role: str | None | EllipsisType = ...,
) -> bool:
    """Staff manage every committee; a référent manages their own. `role`: the
    user's role in the committee (None: not in it) when the caller has read it
    already, which saves the query."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.has_perm("committees.change_committeemembership"):
        return True
    if role is ...:
        return is_referent(user=user, committee=committee)
    return role == CommitteeMembership.Role.REFERENT


def can_moderate(*, user: AnyUser, committee: CommitteePage | None = None) -> bool:
    """Moderators may hide anything; a référent, what was written in their committee."""
    if not user.is_authenticated:
        return False
    if user.has_perm("members.moderate"):
        return True
    return committee is not None and is_referent(user=user, committee=committee)
