"""Page review in the intranet: a page submitted in a committee's Wagtail workflow
reaches its reviewers' bell (or e-mail, by their choice), waits in their « À
relire » panel, and its approval or the changes asked reach the submitter.

Wagtail submits, approves and rejects (events we do not own): its signals hand
over to the functions below, which only notify."""

from typing import Any

from django.contrib.auth.models import Group
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, TaskState, WorkflowState

from activity.notifications import notify
from intranet.links import reverse
from intranet.shell.notices import Channel, Kind, register
from members.models import User

TO_REVIEW = "page_review"
REVIEWED = "page_reviewed"

register(Kind(TO_REVIEW, _("A page submitted for me to review"), Channel.SITE))
register(Kind(REVIEWED, _("The review of a page I submitted"), Channel.SITE))


def waiting_for(*, user: Any) -> QuerySet[TaskState]:
    """The review steps in progress that `user` may approve (by their groups, or
    all of them for a superuser), in SQL alone."""
    states = TaskState.objects.filter(
        status=TaskState.STATUS_IN_PROGRESS, task__active=True
    )
    if user.is_superuser:
        return states
    return states.filter(
        task__groupapprovaltask__groups__in=Group.objects.filter(user=user.pk)
    ).distinct()


def pages_waiting_for(*, user: Any, limit: int = 8) -> list[dict[str, Any]]:
    """The pages waiting for `user`'s review, oldest first: each with its title,
    who submitted it and when, and where to review it (two queries)."""
    states = list(
        waiting_for(user=user)
        .select_related("workflow_state__requested_by", "revision__user")
        .order_by("started_at")[:limit]
    )
    ids = [int(state.workflow_state.object_id) for state in states]
    pages = Page.objects.in_bulk(ids)
    waiting = []
    for state in states:
        page = pages.get(int(state.workflow_state.object_id))
        if page is None:
            continue
        waiting.append(
            {
                "title": page.draft_title,
                "by": state.workflow_state.requested_by,
                "since": state.started_at,
                "url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
            }
        )
    return waiting


def _reviewers(task) -> QuerySet[User]:
    groups = getattr(task.specific, "groups", None)
    if groups is None:
        return User.objects.none()
    return User.objects.filter(Q(groups__in=groups.all()), is_active=True).distinct()


def _page_of(workflow_state: WorkflowState) -> Page | None:
    page = workflow_state.content_object
    return page if isinstance(page, Page) else None


def submitted(*, task_state: TaskState, by: Any) -> None:
    """Tell the step's reviewers that a page waits for them."""
    page = _page_of(task_state.workflow_state)
    if page is None:
        return
    for reviewer in _reviewers(task_state.task):
        notify(
            reviewer,
            TO_REVIEW,
            actor=by,
            text=_("%(name)s submitted “%(page)s” for review."),
            params={"name": str(by) if by else "", "page": page.draft_title},
            url=reverse("wagtailadmin_pages:edit", args=[page.pk]),
        )


def approved(*, workflow_state: WorkflowState, by: Any) -> None:
    page = _page_of(workflow_state)
    if page is None or workflow_state.requested_by is None:
        return
    notify(
        workflow_state.requested_by,
        REVIEWED,
        actor=by,
        text=_("%(name)s approved “%(page)s”."),
        params={"name": str(by) if by else "", "page": page.draft_title},
        url=reverse("wagtailadmin_pages:edit", args=[page.pk]),
    )


def changes_requested(*, workflow_state: WorkflowState, by: Any) -> None:
    page = _page_of(workflow_state)
    if page is None or workflow_state.requested_by is None:
        return
    last = workflow_state.current_task_state
    comment = (last.comment if last else "") or ""
    if comment:
        text = _("%(name)s asked for changes to “%(page)s”: %(comment)s")
    else:
        text = _("%(name)s asked for changes to “%(page)s”.")
    notify(
        workflow_state.requested_by,
        REVIEWED,
        actor=by,
        text=text,
        params={
            "name": str(by) if by else "",
            "page": page.draft_title,
            "comment": comment,
        },
        url=reverse("wagtailadmin_pages:edit", args=[page.pk]),
    )
