"""The Wagtail admin is for editors: members without admin access get a 403 page.

Wagtail sends them to its login page, which is ours (allauth's), which sends a
logged-in member straight back to the admin: a redirect loop. Anonymous visitors
go on to the login page as before (LoginRequiredMiddleware, then Wagtail).
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from committees import rights
from intranet.links import reverse


class AdminAccessMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.prefix: str | None = None

    def __call__(self, request):
        if self.prefix is None:
            self.prefix = reverse("wagtailadmin_home")
        if (
            request.path_info.startswith(self.prefix)
            and request.user.is_authenticated
            and not rights.can_use_admin(user=request.user)
        ):
            raise PermissionDenied(
                _(
                    "This area is for editors: your account does not give access "
                    "to the administration."
                )
            )
        return self.get_response(request)
