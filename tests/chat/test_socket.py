"""`/ws/` through Channels' real stack (origin, session, member checks)."""

import asyncio
import json

import pytest
from asgiref.sync import sync_to_async
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.test import Client

from activity.models import Notification
from chat import presence, selectors, services
from chat.models import Message, Room
from committees import services as committee_services
from intranet.asgi import application
from tests.factories import (
    CommitteeMembershipFactory,
    CommitteePageFactory,
    UserFactory,
)
from tests.intranet.test_websocket import session_cookie_for

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
ORIGIN = (b"origin", b"http://127.0.0.1:8000")
db = database_sync_to_async


async def connect(user):
    cookie = await session_cookie_for(user)
    socket = WebsocketCommunicator(
        application, "/ws/", headers=[ORIGIN, (b"cookie", cookie.encode())]
    )
    connected, _ = await socket.connect()
    assert connected
    hello = await socket.receive_json_from()
    assert hello["type"] == "hello" and hello["user"] == user.pk
    socket.cookie, socket.hello = cookie, hello
    return socket


async def next_of(socket, kind, timeout=2):
    """The next frame of type `kind`, skipping others (activity, unread…)."""
    while True:
        frame = await socket.receive_json_from(timeout=timeout)
        if frame["type"] == kind:
            return frame


async def subscribe(socket, room, after=None):
    frame = {"type": "subscribe", "room": room.pk}
    if after is not None:
        frame["after"] = after
    await socket.send_json_to(frame)
    return await next_of(socket, "subscribed")


@pytest.fixture
def general(db):
    return Room.objects.get(slug="general")


async def test_a_message_reaches_every_reader_live_and_is_stored_first(general):
    alice, bob = await db(UserFactory)(), await db(UserFactory)()
    a, b = await connect(alice), await connect(bob)
    await subscribe(a, general)
    await subscribe(b, general)
    await a.send_json_to(
        {"type": "send", "room": general.pk, "body": "Bonjour !", "ref": "r1"}
    )
    sent = await next_of(a, "sent")
    assert sent["ref"] == "r1"
    received = await next_of(b, "message")
    assert received["message"]["body"] == "Bonjour !"
    assert received["message"]["id"] == sent["id"]
    assert received["message"]["author"]["id"] == alice.pk
    assert await db(Message.objects.filter(pk=sent["id"]).exists)()
    await a.disconnect()
    await b.disconnect()


async def test_a_reconnecting_client_gets_what_it_missed_in_order(general):
    alice, bob = await db(UserFactory)(), await db(UserFactory)()
    b = await connect(bob)
    first = await subscribe(b, general)
    seen = first["messages"][-1]["id"] if first["messages"] else 0
    await b.disconnect()  # the network drops
    ids = []
    for n in range(5):
        message = await db(services.message_post)(
            room=general, author=alice, body=f"n°{n}"
        )
        ids.append(message.pk)
    b = await connect(bob)
    caught_up = await subscribe(b, general, after=seen)
    assert [m["id"] for m in caught_up["messages"]] == ids
    assert [m["body"] for m in caught_up["messages"]] == [f"n°{n}" for n in range(5)]
    again = await subscribe(b, general, after=ids[-1])
    assert again["messages"] == []  # no duplicates
    await b.disconnect()


async def test_the_members_other_rooms_count_unread_live(general):
    alice, bob = await db(UserFactory)(), await db(UserFactory)()
    b = await connect(bob)  # in the network rooms' groups, none opened
    await db(services.message_post)(room=general, author=alice, body="Qui vient ?")
    frame = await next_of(b, "activity")
    assert frame["room"] == general.pk
    await b.disconnect()


async def test_the_live_page_marks_what_it_shows_read(general):
    """A page only reads: the script's `read` frame is what clears the count, and
    it starts the member's other rooms at their last message."""
    alice, bob = await db(UserFactory)(), await db(UserFactory)()
    entraide = await db(Room.objects.get)(slug="entraide")
    await db(services.message_post)(room=entraide, author=alice, body="Déjà dit")
    first = await db(services.message_post)(room=general, author=alice, body="Un")
    b = await connect(bob)
    shown = await subscribe(b, general)
    assert shown["messages"][-1]["id"] == first.pk
    await b.send_json_to({"type": "read", "room": general.pk, "id": first.pk})
    assert (await next_of(b, "unread"))["total"] == 0
    later = await db(services.message_post)(room=general, author=alice, body="Deux")
    await db(services.message_post)(room=entraide, author=alice, body="Nouveau")
    assert (await next_of(b, "message"))["message"]["id"] == later.pk
    assert await db(selectors.unread_total)(user=bob) == 2
    await b.send_json_to({"type": "read", "room": general.pk, "id": later.pk})
    assert (await next_of(b, "unread"))["total"] == 1  # Entraide's new one
    await b.disconnect()


@pytest.mark.parametrize(
    "frame, code",
    [
        ("{pas du json", "bad_json"),
        ("[1, 2]", "bad_json"),
        ('{"type": "danse"}', "unknown_type"),
        ('{"type": "send", "body": "x"}', "missing_field"),
        ('{"type": "subscribe", "room": "12"}', "missing_field"),
        ('{"type": "subscribe", "room": 999999}', "not_found"),
        ("x" * (64 * 1024 + 1), "too_large"),
        ('{"type": "subscribe", "room": -1}', "not_found"),
        ('{"type": "subscribe", "room": 1e400}', "missing_field"),
        ('{"type": "subscribe", "room": 100000000000000000000000000000}', "not_found"),
        ('{"type": "subscribe", "room": true}', "missing_field"),
        ('{"type": "send", "room": 1, "body": ["x"]}', "missing_field"),
        ('{"type": "send", "room": 1, "body": {"$gt": ""}}', "missing_field"),
    ],
)
async def test_bad_frames_get_an_error_and_the_socket_stays_open(general, frame, code):
    socket = await connect(await db(UserFactory)())
    await socket.send_to(text_data=frame)
    error = await next_of(socket, "error")
    assert error["code"] == code and error["message"]
    await socket.send_json_to({"type": "ping"})
    assert (await next_of(socket, "pong"))["type"] == "pong"
    await socket.disconnect()


async def test_hostile_text_is_stored_without_control_characters(general):
    user = await db(UserFactory)()
    socket = await connect(user)
    body = "a\x00b\ud800c\x1bd\te"  # NUL, a lone surrogate, ESC, a tab
    frame = {"type": "send", "room": general.pk, "body": body, "key": "k1"}
    await socket.send_to(text_data=json.dumps(frame))  # escaped: valid JSON
    sent = await next_of(socket, "sent")
    assert sent["message"]["body"] == "abcd\te"
    stored = await db(Message.objects.get)(author=user)
    assert stored.body == "abcd\te"
    await socket.disconnect()


async def test_message_limits_empty_too_long_and_rate(general):
    user = await db(UserFactory)()
    socket = await connect(user)
    for body, code in (("   ", "empty"), ("x" * 4001, "too_long")):
        await socket.send_json_to(
            {"type": "send", "room": general.pk, "body": body, "ref": code}
        )
        error = await next_of(socket, "error")
        assert (error["code"], error["ref"]) == (code, code)
    for n in range(20):
        await socket.send_json_to(
            {"type": "send", "room": general.pk, "body": f"{n}", "ref": n}
        )
        await next_of(socket, "sent")
    await socket.send_json_to(
        {"type": "send", "room": general.pk, "body": "un de trop", "ref": "x"}
    )
    error = await next_of(socket, "error")
    assert error["code"] == "rate_limited" and "secondes" in error["message"]
    assert await db(Message.objects.filter(author=user).count)() == 20
    await socket.disconnect()


XSS = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>',
       '"><svg onload=alert(1)>', "javascript:alert(1)"]  # fmt: skip


async def test_message_text_travels_as_plain_text(general, client):
    user = await db(UserFactory)()
    socket = await connect(user)
    await subscribe(socket, general)
    for payload in XSS:
        await socket.send_json_to({"type": "send", "room": general.pk, "body": payload})
        frame = await next_of(socket, "message")
        assert frame["message"]["body"] == payload  # text, for text nodes
    await socket.disconnect()
    await sync_to_async(client.force_login)(user)
    html = (
        await sync_to_async(client.get)(general.get_absolute_url())
    ).content.decode()
    assert "<script>alert(1)</script>" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


async def test_a_committee_room_is_written_by_its_members_only():
    committee = await db(CommitteePageFactory)()
    insider, outsider = await db(UserFactory)(), await db(UserFactory)()
    await db(CommitteeMembershipFactory)(user=insider, committee=committee)
    room = await db(services.committee_room)(committee=committee)
    o = await connect(outsider)
    await subscribe(o, room)  # open room: others read it
    await o.send_json_to(
        {"type": "send", "room": room.pk, "body": "Moi aussi", "ref": 1}
    )
    assert (await next_of(o, "error"))["code"] == "forbidden"
    referent = await _referent(committee)
    await db(services.committee_room_access_set)(
        committee=committee, by=referent, access="closed"
    )
    assert (await next_of(o, "revoked"))["room"] == room.pk
    await o.send_json_to({"type": "subscribe", "room": room.pk})
    assert (await next_of(o, "error"))["code"] == "not_found"
    await o.disconnect()


@database_sync_to_async
def _referent(committee):
    return CommitteeMembershipFactory(committee=committee, role="referent").user


async def test_removal_from_the_committee_revokes_the_open_socket():
    committee = await db(CommitteePageFactory)()
    member = await db(UserFactory)()
    membership = await db(CommitteeMembershipFactory)(user=member, committee=committee)
    referent = await _referent(committee)
    room = await db(services.committee_room_access_set)(
        committee=committee, by=referent, access="closed"
    )
    socket = await connect(member)
    await subscribe(socket, room)
    await db(committee_services.membership_remove)(by=referent, membership=membership)
    assert (await next_of(socket, "revoked"))["room"] == room.pk
    await socket.send_json_to({"type": "send", "room": room.pk, "body": "Encore là ?"})
    assert (await next_of(socket, "error"))["code"] == "not_found"
    await socket.disconnect()


async def test_leaving_a_group_conversation_revokes_the_socket():
    alice, bob, carol = [await db(UserFactory)() for _ in range(3)]
    room = await db(services.conversation_for)(user=alice, others=[bob, carol])
    socket = await connect(carol)
    await subscribe(socket, room)
    await db(services.conversation_leave)(user=carol, room=room)
    assert (await next_of(socket, "revoked"))["room"] == room.pk
    await socket.disconnect()


async def test_logging_out_closes_the_sessions_sockets():
    user = await db(UserFactory)()
    socket = await connect(user)
    client = Client()
    client.cookies[settings.SESSION_COOKIE_NAME] = socket.cookie.split("=", 1)[1]
    response = await sync_to_async(client.post)("/comptes/logout/")
    assert response.status_code == 302
    assert (await socket.receive_output(timeout=2))["code"] == 4001


async def test_deactivating_a_member_closes_their_sockets():
    user = await db(UserFactory)()
    socket = await connect(user)
    user.is_active = False
    await db(user.save)()
    assert (await socket.receive_output(timeout=2))["code"] == 4001


async def test_staff_cannot_read_a_conversation_they_are_not_part_of():
    alice, bob = await db(UserFactory)(), await db(UserFactory)()
    staff = await db(UserFactory)(is_staff=True, is_superuser=True)
    room = await db(services.conversation_for)(user=alice, others=[bob])
    socket = await connect(staff)
    await socket.send_json_to({"type": "subscribe", "room": room.pk})
    assert (await next_of(socket, "error"))["code"] == "not_found"
    await socket.disconnect()


async def test_notifications_arrive_live(general):
    alice = await db(UserFactory)(first_name="Alice", last_name="Martin")
    bob = await db(UserFactory)(first_name="Bob", last_name="Durand")
    b = await connect(bob)
    await db(services.message_post)(
        room=general, author=alice, body="Salut @Bob Durand"
    )
    frame = await next_of(b, "notification")
    assert "Alice Martin" in frame["text"]
    assert await db(Notification.objects.filter(recipient=bob).exists)()
    await b.disconnect()


async def test_typing_reaches_the_others_in_the_room(general):
    alice, bob = await db(UserFactory)(first_name="Alice"), await db(UserFactory)()
    a, b = await connect(alice), await connect(bob)
    await subscribe(a, general)
    await subscribe(b, general)
    await a.send_json_to({"type": "typing", "room": general.pk})
    frame = await next_of(b, "typing")
    assert frame["user"] == alice.pk and "Alice" in frame["name"]
    await a.disconnect()
    await b.disconnect()


def test_the_protocol_is_documented_in_the_consumer():
    from chat import consumers

    for kind in json.loads(json.dumps(sorted(consumers.TYPES))):
        assert f'"type": "{kind}"' in consumers.__doc__


def names(frame):
    return {person["name"] for person in frame["online"]["people"]}


def online_ids(frame):
    return {person["id"] for person in frame["online"]["people"]}


async def test_who_is_online_comes_with_the_room_and_on_request(general):
    alice = await db(UserFactory)(first_name="Alice", last_name="Martin")
    bob = await db(UserFactory)(first_name="Bob", last_name="Durand")
    await db(UserFactory)(first_name="Carole", last_name="Absente")
    b = await connect(bob)
    assert names(await subscribe(b, general)) == {"Bob Durand"}
    a = await connect(alice)  # at once, not when the room's list expires
    subscribed = await subscribe(a, general)
    assert names(subscribed) == {"Alice Martin", "Bob Durand"}
    assert subscribed["online"]["count"] == 2
    await b.send_json_to({"type": "presence", "room": general.pk})
    assert names(await next_of(b, "presence")) == {"Alice Martin", "Bob Durand"}
    await a.disconnect()
    await b.disconnect()


async def test_presence_of_a_committee_room_counts_its_members_only():
    committee = await db(CommitteePageFactory)()
    member, outsider = await db(UserFactory)(), await db(UserFactory)()
    await db(CommitteeMembershipFactory)(user=member, committee=committee)
    room = await db(services.committee_room)(committee=committee)
    m, o = await connect(member), await connect(outsider)
    frame = await subscribe(m, room)
    assert [p["id"] for p in frame["online"]["people"]] == [member.pk]
    await m.disconnect()
    await o.disconnect()


async def test_presence_expires_when_a_socket_dies_without_goodbye(
    general, monkeypatch
):
    alice, bob = await db(UserFactory)(first_name="Alice"), await db(UserFactory)()
    a = await connect(alice)
    a.future.cancel()  # the server (or the network) dies: no disconnect handler runs
    b = await connect(bob)
    assert alice.pk in online_ids(await subscribe(b, general))
    later = presence._now() + presence.TTL + 1
    monkeypatch.setattr(presence, "_now", lambda: later)
    await b.send_json_to({"type": "ping"})  # bob stays online
    await next_of(b, "pong")
    await b.send_json_to({"type": "presence", "room": general.pk})
    assert online_ids(await next_of(b, "presence")) == {bob.pk}
    await b.disconnect()


async def test_closing_one_tab_leaves_the_member_online_in_the_others(general):
    alice = await db(UserFactory)()
    first, second = await connect(alice), await connect(alice)
    await first.disconnect()
    for _attempt in range(100):  # the other tab stamps the member again
        if alice.pk in await db(presence.online_among)([alice.pk]):
            break
        await asyncio.sleep(0.02)
    else:
        pytest.fail("the member's other tab did not keep them online")
    await second.disconnect()
    assert await db(presence.online_among)([alice.pk]) == set()
