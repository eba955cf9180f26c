from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.http import Http404, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail import views as wagtail_views
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views import chooser as chooser_views
from wagtail.models import Page

from committees import rights
from committees.models import CommitteePage
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
        groups = []
        for each in site_search.KINDS:
            found = each.search(request.user, query)
            count = found.count()
            if count:
                preview = site_search.results(each, found[:SEARCH_PREVIEW])
                groups.append({"kind": each, "count": count, "results": preview})
        context["groups"] = groups
    return render(request, "home/search.html", context)


class PageChosenMultipleView(chooser_views.ChosenMultipleView):
    """Wagtail's multiple page chooser answer, which skips the chooser hooks: only
    the pages the editor may see are returned."""

    def get(self, request):
        ids = request.GET.getlist("id")
        visible = rights.pages_visible_in_admin(
            Page.objects.filter(pk__in=[i for i in ids if i.isdigit()]), request.user
        ).values_list("pk", flat=True)
        query = QueryDict(mutable=True)
        query.setlist("id", [str(pk) for pk in visible])
        request.GET = query
        return super().get(request)


page_chosen_multiple = require_admin_access(PageChosenMultipleView.as_view())


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
