"""The site as an app on a phone: its web app manifest, its service worker (served
from the root so that it may look after every page) and the page it shows when
the network is gone.

The worker (templates/pwa/worker.js) keeps the shell and the static files, and
a copy of the pages a member opened recently, to read them offline with a dated
note; the copies are dropped when the member logs out (and on any page seen
signed out). Nothing here is private: these views are open to all."""

import hashlib
import json

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import loader
from django.templatetags.static import static
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from intranet.links import reverse

THEME_COLOUR = "#1b5e4b"
BACKGROUND_COLOUR = "#f6f5f1"

# What the worker stores when it is installed: what every page loads.
SHELL_FILES = (
    "css/site.css",
    "vendor/htmx.min.js",
    "js/mentions.js",
    "js/shell.js",
    "img/favicon.svg",
    "img/icons/icon-192.png",
)

# Pages never kept for reading offline: the account's (sessions, e-mail
# addresses, data download), the login pages and the admin.
NEVER_KEPT = ("/admin/", "/comptes/", "/membres/mon-compte/", "/documents/", "/media/")


@login_not_required
@require_GET
@cache_control(max_age=86400, public=True)
def manifest(request: HttpRequest) -> JsonResponse:
    """The web app manifest, in the site's first language (French)."""
    with translation.override(settings.LANGUAGE_CODE):
        data = {
            "id": "/",
            "name": _("Sohosolo, the network of remote workers in the Gers"),
            "short_name": "Sohosolo",
            "description": _(
                "The intranet of the remote workers who chose the Gers: news, "
                "forums, meetups, chat."
            ),
            "lang": settings.LANGUAGE_CODE,
            "dir": "ltr",
            "start_url": "/",
            "scope": "/",
            "display": "standalone",
            "orientation": "any",
            "theme_color": THEME_COLOUR,
            "background_color": BACKGROUND_COLOUR,
            "icons": [
                *(
                    {
                        "src": static(f"img/icons/icon-{size}.png"),
                        "sizes": f"{size}x{size}",
                        "type": "image/png",
                        "purpose": "any",
                    }
                    for size in (192, 512)
                ),
                *(
                    {
                        "src": static(f"img/icons/maskable-{size}.png"),
                        "sizes": f"{size}x{size}",
                        "type": "image/png",
                        "purpose": "maskable",
                    }
                    for size in (192, 512)
                ),
                {
                    "src": static("img/favicon.svg"),
                    "sizes": "any",
                    "type": "image/svg+xml",
                },
            ],
        }
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/manifest+json"
    return response


@login_not_required
@require_GET
def worker(request: HttpRequest) -> HttpResponse:
    """The service worker's script. Browsers compare its bytes on each visit (it
    is never cached for long), so a new release, with new static file names,
    installs a new worker that drops the old files."""
    config = {
        "shell": [static(name) for name in SHELL_FILES],
        "offline": reverse("pwa_offline"),
        "logout": reverse("account_logout"),
        "static": settings.STATIC_URL,
        "never": NEVER_KEPT,
        "icon": static("img/icons/icon-192.png"),
    }
    template = loader.get_template("pwa/worker.js")
    # The version names the worker's store of files: any change to the script or
    # to the files' names gives a new one (and a new worker drops the old store).
    unversioned = template.render({"version": "", "config": json.dumps(config)})
    version = hashlib.sha256(unversioned.encode()).hexdigest()[:12]
    response = HttpResponse(
        template.render({"version": version, "config": json.dumps(config)}),
        content_type="application/javascript",
    )
    response["Cache-Control"] = "no-cache"
    response["Service-Worker-Allowed"] = "/"
    return response


@login_not_required
@require_GET
def offline(request: HttpRequest) -> HttpResponse:
    """What the worker shows offline for a page it has no copy of. Rendered like
    the error pages, without the request's context: the worker fetches it once,
    signed out, so that it holds nothing of anyone's."""
    return HttpResponse(loader.get_template("pwa/offline.html").render({}))
