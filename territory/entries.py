"""How the territory plugs into the shell: its entry in the main navigation, its
workspaces in the site search."""

from django.utils.translation import gettext_lazy as _

from intranet.links import reverse
from intranet.shell import menu, search
from territory.models import WorkspacePage

menu.register(
    menu.Entry(
        "broadband",
        _("Line speeds"),
        lambda request: reverse("territory:broadband_map"),
        65,
        visible=lambda request: request.user.is_authenticated,
    )
)

search.register(
    search.page_kind(
        "workspaces",
        _("Places to work"),
        WorkspacePage,
        lambda page: f"{page.get_kind_display()}, {page.commune.name}",
        order=25,
        related=("commune",),
    )
)
