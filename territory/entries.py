"""How the territory plugs into the shell: its entry in the main navigation."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from intranet.shell import menu

menu.register(
    menu.Entry(
        "broadband",
        _("Line speeds"),
        lambda request: reverse("territory:broadband_map"),
        65,
        visible=lambda request: request.user.is_authenticated,
    )
)
