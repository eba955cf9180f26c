"""Every WebSocket route sits behind the origin, session and member checks."""

import pytest
from channels.auth import AuthMiddlewareStack
from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.urls import path

from intranet.asgi import application, websocket_application
from tests.factories import UserFactory

# Transactional tests empty the tables after each test; serialized rollback puts
# back what the migrations created (the home page, the communes, the groups).
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


class WhoAmI(AsyncJsonWebsocketConsumer):
    async def connect(self):
        await self.accept()
        await self.send_json({"email": getattr(self.scope["user"], "email", None)})


probe = websocket_application([path("ws/whoami/", WhoAmI.as_asgi())])


@database_sync_to_async
def session_cookie_for(user) -> str:
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


async def handshake(app, *, origin=None, cookie=None, path="/ws/whoami/"):
    headers = []
    if origin:
        headers.append((b"origin", origin.encode()))
    if cookie:
        headers.append((b"cookie", cookie.encode()))
    communicator = WebsocketCommunicator(app, path, headers=headers)
    connected, _ = await communicator.connect()
    return communicator, connected


async def test_a_member_with_a_session_from_our_origin_is_accepted():
    user = await database_sync_to_async(UserFactory)(email="camille@example.org")
    cookie = await session_cookie_for(user)
    communicator, connected = await handshake(
        probe, origin="http://127.0.0.1:8000", cookie=cookie
    )
    assert connected
    assert await communicator.receive_json_from() == {"email": "camille@example.org"}
    await communicator.disconnect()


@pytest.mark.parametrize("app", [probe, application], ids=["route", "real-app"])
async def test_a_foreign_origin_is_refused_even_with_a_session(app):
    user = await database_sync_to_async(UserFactory)()
    cookie = await session_cookie_for(user)
    communicator, connected = await handshake(
        app, origin="http://evil.example", cookie=cookie
    )
    assert not connected
    await communicator.disconnect()


@pytest.mark.parametrize("app", [probe, application], ids=["route", "real-app"])
async def test_no_session_is_refused(app):
    communicator, connected = await handshake(app, origin="http://localhost:8000")
    assert not connected
    await communicator.disconnect()


async def test_a_missing_origin_is_refused():
    user = await database_sync_to_async(UserFactory)()
    communicator, connected = await handshake(
        probe, cookie=await session_cookie_for(user)
    )
    assert not connected
    await communicator.disconnect()


async def test_a_deactivated_member_is_refused():
    user = await database_sync_to_async(UserFactory)()
    cookie = await session_cookie_for(user)
    user.is_active = False
    await database_sync_to_async(user.save)()
    communicator, connected = await handshake(
        probe, origin="http://127.0.0.1", cookie=cookie
    )
    assert not connected
    await communicator.disconnect()


async def test_without_members_only_check_the_session_stack_alone_would_accept():
    """Guards the guard: the refusal above comes from MembersOnlyMiddleware."""
    bare = AuthMiddlewareStack(WhoAmI.as_asgi())
    communicator = WebsocketCommunicator(bare, "/ws/whoami/")
    connected, _ = await communicator.connect()
    assert connected
    assert await communicator.receive_json_from() == {"email": None}
    await communicator.disconnect()
