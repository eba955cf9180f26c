from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from committees import rights
from committees.models import CommitteeMembership


class CommitteeMembershipViewSet(SnippetViewSet):
    """Network editors manage committee members and roles in the admin."""

    model = CommitteeMembership
    icon = "group"
    menu_label = _("Committee members")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["user", "committee", "role", "is_editor"]
    list_filter = ["role", "is_editor", "committee"]
    search_fields = ["user__first_name", "user__last_name", "user__email"]
    search_backend_name = None
    ordering = ["committee__title", "user__last_name"]
    panels = [
        FieldPanel("user"),
        FieldPanel("committee"),
        FieldPanel("role"),
        FieldPanel("is_editor"),
    ]


register_snippet(CommitteeMembershipViewSet)


def _sync(*users) -> None:
    for user in {user for user in users if user is not None}:
        rights.user_sync_groups(user)


@hooks.register("before_edit_snippet")
def remember_member(request, instance):
    if isinstance(instance, CommitteeMembership):
        # The form may move the membership to someone else: both need their rights.
        request.membership_previous_user = (
            CommitteeMembership.objects.filter(pk=instance.pk)
            .select_related("user")
            .first()
            .user
        )


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def sync_rights(request, instance):
    if isinstance(instance, CommitteeMembership):
        _sync(instance.user, getattr(request, "membership_previous_user", None))


@hooks.register("after_delete_snippet")
def sync_rights_after_delete(request, instances):
    _sync(*(i.user for i in instances if isinstance(i, CommitteeMembership)))


# Another committee's pages show in the admin only as published and readable
# (rights.pages_visible_in_admin); the views that skip these hooks are replaced in
# home.views (the choosers' parent page and titles, the page types report).
@hooks.register("construct_page_chooser_queryset")
def chooser_pages_seen(pages, request):
    return rights.pages_visible_in_admin(pages, request.user)


@hooks.register("construct_explorer_page_queryset")
def explorer_pages_seen(parent_page, pages, request):
    return rights.pages_visible_in_admin(pages, request.user)
