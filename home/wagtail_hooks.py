from django.contrib.auth.views import redirect_to_login
from django.db.models.signals import post_delete, post_save
from wagtail import hooks
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
)

from committees import rights
from committees.models import CommitteePage
from home import entries, routing
from intranet.shell import dashboard, menu


@hooks.register("before_serve_page")
def members_only(page, request, serve_args, serve_kwargs):
    """Pages are for members, except the page types prospects may read."""
    if request.user.is_authenticated or getattr(
        page.specific_class, "is_public", False
    ):
        return None
    return redirect_to_login(request.get_full_path())


@hooks.register("after_create_page")
def set_up_committee(request, page):
    """A new committee page comes with its groups, collection and workflow."""
    if isinstance(page.specific, CommitteePage):
        rights.committee_setup(page.specific)


def _forget_section_urls(**kwargs):
    menu.forget_sections()
    routing.forget()
    dashboard.forget(entries.NEWS)  # the dashboard's news lists


# Any publication, unpublication, move or deletion of a page may change the
# addresses the main navigation shows and where an address leads.
for _signal in (page_published, page_unpublished, page_slug_changed, post_page_move):
    _signal.connect(_forget_section_urls, dispatch_uid=f"home.nav.{_signal!r}")
post_delete.connect(_forget_section_urls, sender=Page, dispatch_uid="home.nav.delete")


def _forget_news(**kwargs):
    dashboard.forget(entries.NEWS)


# A restriction an editor puts on a page (or lifts) changes who may read it.
post_save.connect(_forget_news, sender=PageViewRestriction, dispatch_uid="home.news.r")
post_delete.connect(
    _forget_news, sender=PageViewRestriction, dispatch_uid="home.news.r-"
)
