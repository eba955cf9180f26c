from collections.abc import Awaitable, Callable
from typing import Any

from channels.middleware import BaseMiddleware
from channels.security.websocket import WebsocketDenier


class MembersOnlyMiddleware(BaseMiddleware):
    """Refuse the WebSocket handshake of anyone who is not a logged-in, active member.

    The HTTP side is private through Django's LoginRequiredMiddleware; this is its
    counterpart for WebSocket, so that no consumer can forget the check.
    """

    async def __call__(
        self,
        scope: dict[str, Any],
        receive: Callable[[], Awaitable[dict[str, Any]]],
        send: Callable[[dict[str, Any]], Awaitable[None]],
    ) -> None:
        user = scope.get("user")
        if user is None or not user.is_authenticated or not user.is_active:
            denier = WebsocketDenier()
            return await denier(scope, receive, send)
        return await super().__call__(scope, receive, send)
