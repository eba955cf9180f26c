"""HTTP goes to Django; WebSocket goes through the origin check, the session and the
member check before reaching a route. Apps add their routes to `websocket_urlpatterns`.
"""

import os
import sys

from django.core.asgi import get_asgi_application
from django.urls import URLPattern

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intranet.settings")

# Django must be set up before anything imports models (consumers, routing).
django_asgi_app = get_asgi_application()

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import (  # noqa: E402
    AllowedHostsOriginValidator,
    OriginValidator,
)

from intranet.heap import settle  # noqa: E402
from intranet.routing import websocket_urlpatterns  # noqa: E402
from intranet.websocket import MembersOnlyMiddleware  # noqa: E402


def websocket_application(routes: list[URLPattern]) -> OriginValidator:
    """The WebSocket stack every route sits behind (also used by the tests)."""
    return AllowedHostsOriginValidator(
        AuthMiddlewareStack(MembersOnlyMiddleware(URLRouter(routes)))
    )


if "twisted.web.http" in sys.modules:  # served by daphne
    from intranet.daphne import answer_long_lines, leave_bodies_to_django

    answer_long_lines()
    leave_bodies_to_django()

application = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        "websocket": websocket_application(websocket_urlpatterns),
    }
)

# Last: what the application loaded stays out of the collector's walks.
settle()
