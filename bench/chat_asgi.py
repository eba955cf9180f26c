"""The application the chat fan-out bench serves with daphne: the intranet's own
stack (origin, session and member checks, `/ws/`), plus `/ws/relay/`, the
baseline: a bare Channels consumer that relays every frame to its group.

The bench lifts the chat's per-member rate limit (one member sends every
message); everything else is the production code path, database write included.
`BENCH_LAYER` chooses the channel layer (see `chat_settings`).
"""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.chat_settings")

from channels.generic.websocket import AsyncWebsocketConsumer  # noqa: E402
from channels.routing import ProtocolTypeRouter  # noqa: E402
from django.urls import path  # noqa: E402

from intranet.asgi import django_asgi_app, websocket_application  # noqa: E402
from intranet.routing import websocket_urlpatterns  # noqa: E402

RELAY_GROUP = "bench.relay"


class RelayConsumer(AsyncWebsocketConsumer):
    """What Channels' documentation would write: join a group, relay to it."""

    async def connect(self):
        await self.channel_layer.group_add(RELAY_GROUP, self.channel_name)
        await self.accept()

    async def disconnect(self, code):
        await self.channel_layer.group_discard(RELAY_GROUP, self.channel_name)

    async def receive(self, text_data=None, bytes_data=None):
        await self.channel_layer.group_send(
            RELAY_GROUP, {"type": "relay.message", "text": text_data}
        )

    async def relay_message(self, event):
        await self.send(text_data=event["text"])


application = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        "websocket": websocket_application(
            [path("ws/relay/", RelayConsumer.as_asgi()), *websocket_urlpatterns]
        ),
    }
)
