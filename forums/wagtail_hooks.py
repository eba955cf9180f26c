from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from forums.models import Category


class CategoryViewSet(SnippetViewSet):
    """Editors manage forum categories here (not in a second admin)."""

    model = Category
    icon = "comment"
    menu_label = _("Forum categories")
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["name", "committee", "members_only", "position"]
    list_filter = ["members_only"]
    search_fields = ["name", "description"]
    search_backend_name = None
    ordering = ["committee__title", "position", "name"]
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("committee"),
        FieldPanel("members_only"),
        FieldPanel("position"),
    ]


register_snippet(CategoryViewSet)
