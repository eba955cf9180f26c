from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.db.models import F
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail import views as wagtail_views
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views import chooser as chooser_views
from wagtail.admin.views.reports import page_types_usage
from wagtail.models import Page

from committees import rights
from committees.models import CommitteePage
from home import routing
from intranet.links import reverse
from intranet.shell import search as site_search
from intranet.text import search_terms
from members import services


def not_found(request):
    raise Http404


@login_not_required
def serve(request, path):
    """Wagtail's page view, let past the login wall: `wagtail_hooks.members_only`
    then requires login for every page type that is not marked `is_public`.

    An anonymous visitor gets the login page for an unknown address too, so that
    the answer does not tell which private pages exist.
    """
    try:
        routing.route(request, path)
        return wagtail_views.serve(request, path)
    except Http404:
        if request.user.is_authenticated:
            raise
        return redirect_to_login(request.get_full_path())


SEARCH_PREVIEW = 5
SEARCH_PER_PAGE = 20


def search(request):
    """Search every kind of content; one kind at a time when `type` is given."""
    query = search_terms(request.GET.get("q"))
    kind = site_search.kind_for(request.GET.get("type", ""))
    context = {"query": query, "kind": kind, "kinds": site_search.KINDS}
    if query and kind:
        page_obj = Paginator(
            kind.search(request.user, query), SEARCH_PER_PAGE
        ).get_page(request.GET.get("page"))
        page_obj.object_list = site_search.results(kind, page_obj.object_list)
        context["page_obj"] = page_obj
    elif query:
        context["groups"] = [
            {"kind": kind, "found": found}
            for kind, found in site_search.overview(request.user, query, SEARCH_PREVIEW)
        ]
    return render(request, "home/search.html", context)


class _LiveTitleColumn(chooser_views.PageTitleColumn):
    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def get_cell_context_data(self, instance, parent_context):
        # The cell shows the title and hands the admin title back to the form.
        rights.page_as_seen_by(instance, self.user)
        return super().get_cell_context_data(instance, parent_context)


class _LiveParentColumn(chooser_views.ParentPageColumn):
    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def get_value(self, instance):
        parent = super().get_value(instance)
        return parent and rights.page_as_seen_by(parent, self.user)


def _columns_seen_by(columns, user):
    """Wagtail's chooser columns, showing others' pages by their published title."""
    for column in columns:
        if isinstance(column, chooser_views.PageTitleColumn):
            column = _LiveTitleColumn(
                column.name,
                label=column.label,
                is_multiple_choice=column.is_multiple_choice,
                user=user,
            )
        elif isinstance(column, chooser_views.ParentPageColumn):
            column = _LiveParentColumn(column.name, label=column.label, user=user)
        yield column


class PageBrowseView(chooser_views.BrowseView):
    """Wagtail's page chooser, browsing: a page the editor may not see cannot be
    opened as the parent either (its children are filtered by the chooser hook)."""

    @property
    def columns(self):
        return list(_columns_seen_by(super().columns, self.request.user))

    def get(self, request, parent_page_id=None):
        if parent_page_id is None and request.GET.get("page_type"):
            parent_page_id = self._common_parent(request)
        if parent_page_id is not None and not self._visible(request, parent_page_id):
            raise Http404
        return super().get(request, parent_page_id)

    @staticmethod
    def _visible(request, pk) -> bool:
        pages = Page.objects.filter(pk=pk)
        return (
            pages.filter(depth=1).exists()
            or rights.pages_visible_in_admin(pages, request.user).exists()
        )

    def _common_parent(self, request) -> int | None:
        """Wagtail opens on the first common ancestor of every page of the asked
        types: here, of those the editor may see (the root if it is hidden)."""
        try:
            classes = chooser_views.page_models_from_string(request.GET["page_type"])
        except (ValueError, LookupError) as error:
            raise Http404 from error
        if classes == (Page,):
            return None
        root = Page.get_first_root_node().pk
        pages = rights.pages_visible_in_admin(Page.objects.type(*classes), request.user)
        if not pages.exists():
            return root
        parent = pages.first_common_ancestor()
        return parent.pk if self._visible(request, parent.pk) else root


class PageSearchView(chooser_views.SearchView):
    """Wagtail's page chooser, searching (filtered by the chooser hook)."""

    @property
    def columns(self):
        return list(_columns_seen_by(super().columns, self.request.user))


class PageChosenMultipleView(chooser_views.ChosenMultipleView):
    """Wagtail's multiple page chooser answer, which skips the chooser hooks: only
    the pages the editor may see are returned, by the title they may see."""

    def get(self, request):
        ids = [i for i in request.GET.getlist("id") if i.isdigit()]
        pages = rights.pages_visible_in_admin(
            Page.objects.filter(pk__in=ids), request.user
        ).specific()
        result = []
        for page in pages:
            rights.page_as_seen_by(page, request.user)
            result.append(
                {
                    "id": page.pk,
                    "parentId": page.get_parent().pk,
                    "adminTitle": page.get_admin_display_title(),
                    "editUrl": reverse("wagtailadmin_pages:edit", args=(page.pk,)),
                    "url": page.url,
                }
            )
        return self.render_chosen_response(result)


page_browse = require_admin_access(PageBrowseView.as_view())
page_search = require_admin_access(PageSearchView.as_view())
page_chosen_multiple = require_admin_access(PageChosenMultipleView.as_view())


class PageTypesUsageView(page_types_usage.PageTypesUsageReportView):
    """Wagtail's page types report names the last edited page of each type, across
    the whole site: here, the last the user may see, by the title they may see."""

    def decorate_paginated_queryset(self, page_types):
        page_types = super().decorate_paginated_queryset(page_types)
        user = self.request.user
        for item in page_types:
            last = (
                rights.pages_visible_in_admin(
                    Page.objects.filter(content_type=item), user
                )
                .order_by(
                    F("latest_revision_created_at").desc(nulls_last=True), "title"
                )
                .specific()
                .first()
            )
            item.last_edited_page = last and rights.page_as_seen_by(last, user)
        return page_types


page_types_usage_report = require_admin_access(PageTypesUsageView.as_view())
page_types_usage_results = require_admin_access(
    PageTypesUsageView.as_view(results_only=True)
)


@require_POST
def committee_follow(request, pk):
    """Follow or stop following a committee's news and life; repeating is harmless."""
    committee = get_object_or_404(CommitteePage.objects.live(), pk=pk)
    if request.POST.get("action") == "unfollow":
        services.committee_unfollow(user=request.user, committee=committee)
        messages.success(
            request, _("You no longer follow %(name)s.") % {"name": committee.title}
        )
    else:
        services.committee_follow(user=request.user, committee=committee)
        messages.success(
            request, _("You now follow %(name)s.") % {"name": committee.title}
        )
    return redirect(committee.url)
