from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from chat.models import NetworkRoom


class NetworkRoomViewSet(SnippetViewSet):
    """Staff manage the network's chat rooms (committee rooms come with their
    committee, conversations with their members)."""

    model = NetworkRoom
    icon = "comment"
    menu_label = _("Chat rooms")
    menu_order = 270
    add_to_admin_menu = True
    list_display = ["name", "description", "position"]
    search_fields = ["name", "description"]
    search_backend_name = None
    ordering = ["position", "name"]
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("position"),
    ]


register_snippet(NetworkRoomViewSet)
