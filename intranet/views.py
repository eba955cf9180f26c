"""The views of the project itself: its health, and the error pages."""

import asyncio
import http.client
import posixpath
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.core.exceptions import BadRequest, RequestDataTooBig
from django.core.handlers.asgi import ASGIRequest
from django.db import InterfaceError, OperationalError, connection
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    JsonResponse,
)
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.static import serve


@login_not_required
@never_cache
@require_GET
def health(request: HttpRequest) -> JsonResponse:
    """200 when the database, the cache and the channel layer answer, and, seen
    from the HTTP servers, every WebSocket server (`SOHOSOLO_DAPHNE_PORTS`, each
    asked for its own health); otherwise 503, naming the part that does not
    ("error"). A daphne answers for itself only."""
    checks: dict[str, str | dict[str, str]] = {
        "database": _check(_database),
        "cache": _check(_cache),
        "channel_layer": _check(_channel_layer),
    }
    answers = list(checks.values())
    if settings.DAPHNE_PORTS and not isinstance(request, ASGIRequest):
        servers = _websocket_servers(settings.DAPHNE_PORTS)
        checks["websocket"] = servers
        answers += servers.values()
    healthy = all(answer == "ok" for answer in answers)
    return JsonResponse(
        {"status": "ok" if healthy else "error", **checks},
        status=200 if healthy else 503,
    )


def _websocket_servers(ports: list[int]) -> dict[str, str]:
    """Each local daphne's own health, asked at once (half a second at most)."""
    with ThreadPoolExecutor(max_workers=len(ports)) as pool:
        answers = pool.map(lambda port: _check(lambda: _daphne(port)), ports)
        return dict(zip(map(str, ports), answers, strict=True))


def _own_host() -> str:
    """A name the site answers to (the daphne checks the Host header too)."""
    names = [host for host in settings.ALLOWED_HOSTS if host[0] not in ".*"]
    return names[0] if names else "localhost"


def _daphne(port: int) -> bool:
    server = http.client.HTTPConnection("127.0.0.1", port, timeout=0.5)
    try:
        server.request("GET", "/health/", headers={"Host": _own_host()})
        return server.getresponse().status == 200
    finally:
        server.close()


def _check(probe: Callable[[], bool]) -> str:
    try:
        return "ok" if probe() else "error"
    except Exception:  # noqa: BLE001 - any failure means that part is down
        return "error"


def _database() -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return True


def _cache() -> bool:
    ping = getattr(cache, "ping", None)  # Redis itself, not its local fallback
    if ping is not None:
        return ping()
    cache.set("health", "ok", 5)
    return cache.get("health") == "ok"


def _channel_layer() -> bool:
    layer = get_channel_layer()
    if layer is None:
        return False

    async def publish() -> None:
        await asyncio.wait_for(layer.group_send("health", {"type": "health"}), 1)

    async_to_sync(publish)()
    return True


# Error pages. They are rendered from templates alone, without the request's
# context: no database, cache or session is touched, so they show even when those
# are the reason for the error, and they show no detail of it.

OUTAGES = (OperationalError, InterfaceError)


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """400, with our own explanation when we raised it (`BadRequest`); 413 when
    what was sent is too large."""
    if isinstance(exception, RequestDataTooBig):
        limit = settings.MAX_REQUEST_BYTES // (1024 * 1024)
        return _static("413.html", 413, {"limit": limit})
    message = str(exception) if type(exception) is BadRequest else ""
    return _static("400.html", 400, {"message": message})


def server_error(request: HttpRequest) -> HttpResponse:
    """500; 503 (« maintenance ») when the database does not answer."""
    error = sys.exc_info()[1]
    if isinstance(error, OUTAGES):
        response = _static("503.html", 503)
        response["Retry-After"] = "30"
        return response
    return _static("500.html", 500)


def _static(template: str, status: int, context: dict | None = None) -> HttpResponse:
    body = loader.get_template(template).render(context or {})
    return HttpResponse(body, status=status)


def media(request: HttpRequest, path: str) -> HttpResponse | FileResponse:
    """Uploaded files, behind the login wall. `private/` is never served here:
    the app that stored a file there serves it with its own checks (the chat's
    attachments, to the room's readers only)."""
    if posixpath.normpath("/" + path).lstrip("/").split("/")[0] == "private":
        raise Http404
    return serve(request, path, document_root=str(settings.MEDIA_ROOT))
