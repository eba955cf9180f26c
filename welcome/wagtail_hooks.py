from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from welcome.models import ChecklistTemplateItem


class ChecklistViewSet(SnippetViewSet):
    """The programme team edits the steps every newcomer family goes through; each
    project routed to a committee gets a copy of the list as it is then."""

    model = ChecklistTemplateItem
    icon = "tasks"
    menu_label = _("Newcomer checklist")
    menu_order = 280
    add_to_admin_menu = True
    list_display = ["title", "due_days", "position"]
    search_fields = ["title", "description"]
    search_backend_name = None
    ordering = ["position", "pk"]
    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("due_days"),
        FieldPanel("position"),
    ]


register_snippet(ChecklistViewSet)
