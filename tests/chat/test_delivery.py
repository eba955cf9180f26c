"""The chat's promises to a tab: every message has its place, a tab that lacks
places gets them (paged, with the edits it missed), a send is stored once per key,
and an outage of the database answers an error without closing the socket."""

import threading

import pytest
from channels.db import database_sync_to_async
from django.db import OperationalError, connection
from django.utils import timezone

from chat import broadcast, consumers, selectors, services
from chat.models import Message, Room
from tests.chat.test_socket import connect, next_of, subscribe
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
db = database_sync_to_async


@pytest.fixture
def general(db):
    return Room.objects.get(slug="general")


def _post(room, author, body, key=""):
    return services.message_post(room=room, author=author, body=body, key=key)


def test_messages_take_the_next_place_of_their_room(general, member):
    other = Room.objects.create(kind=Room.Kind.NETWORK, name="Autre", slug="autre")
    places = [_post(room, member, f"m{n}").seq for n, room in
              enumerate([general, other, general, general, other])]  # fmt: skip
    assert places == [1, 1, 2, 3, 2]
    general.refresh_from_db()
    assert general.last_seq == 3


def test_a_send_retried_with_its_key_is_stored_once(general, member):
    first = _post(general, member, "Bonjour", key="clé-1")
    again = _post(general, member, "Bonjour", key="clé-1")
    assert again.pk == first.pk
    assert Message.objects.filter(author=member).count() == 1
    # Another member's key is theirs: the same text is another message.
    other = UserFactory()
    assert _post(general, other, "Bonjour", key="clé-1").pk != first.pk


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite serialises writers"
)
def test_two_sends_of_one_key_at_once_store_one_message(general, member):
    barrier = threading.Barrier(4)
    found = []

    def send():
        barrier.wait()
        try:
            found.append(_post(general, member, "En même temps", key="k").pk)
        finally:
            connection.close()

    threads = [threading.Thread(target=send) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(found)) == 1
    assert Message.objects.filter(author=member, key="k").count() == 1


def test_importing_history_numbers_it_in_date_order(general, member):
    now = timezone.now()
    stored = services.messages_import(
        messages=[
            Message(room=general, author=member, body=f"{n}",
                    created_at=now - timezone.timedelta(minutes=n))
            for n in range(3)
        ]
    )  # fmt: skip
    assert [(m.body, m.seq) for m in sorted(stored, key=lambda m: m.seq)] == [
        ("2", 1), ("1", 2), ("0", 3)
    ]  # fmt: skip
    assert _post(general, member, "ensuite").seq == 4


async def test_catch_up_pages_until_nothing_is_left(general, monkeypatch):
    monkeypatch.setattr(selectors, "CATCH_UP", 4)
    author = await db(UserFactory)()
    for n in range(10):
        await db(_post)(general, author, f"message {n}")
    socket = await connect(await db(UserFactory)())
    subscribed = await subscribe(socket, general, after=0)
    seen = [m["seq"] for m in subscribed["messages"]]
    assert subscribed["more"] and subscribed["latest"] == 10
    while True:
        await socket.send_json_to(
            {"type": "catchup", "room": general.pk, "after": seen[-1]}
        )
        frame = await next_of(socket, "catchup")
        seen += [m["seq"] for m in frame["messages"]]
        if not frame["more"]:
            break
    assert seen == list(range(1, 11))
    await socket.disconnect()


async def test_a_tab_that_missed_an_edit_gets_it_in_its_catch_up(general):
    author = await db(UserFactory)()
    message = await db(_post)(general, author, "Première version")
    socket = await connect(author)
    subscribed = await subscribe(socket, general, after=0)
    await db(services.message_edit)(message=message, by=author, body="Corrigé")
    await socket.send_json_to(
        {"type": "catchup", "room": general.pk, "after": 1,
         "since": subscribed["synced"]}
    )  # fmt: skip
    frame = await next_of(socket, "catchup")
    assert frame["messages"] == []
    assert [m["body"] for m in frame["changed"]] == ["Corrigé"]
    await socket.disconnect()


async def test_hello_and_every_ping_tell_the_unread_counts_room_by_room(general):
    """After an outage the room list's badges come back from the server's counts,
    not from the broadcasts the tab may have missed."""
    alice, bob = await db(UserFactory)(), await db(UserFactory)()
    entraide = await db(Room.objects.get)(slug="entraide")
    for room in (general, entraide):
        await db(services.mark_read)(user=bob, room=room)
    await db(_post)(general, alice, "Un")
    await db(_post)(entraide, alice, "Deux")
    await db(_post)(entraide, alice, "Trois")
    socket = await connect(bob)
    hello = socket.hello
    assert hello["unread"] == 3
    assert hello["unread_rooms"] == {str(general.pk): 1, str(entraide.pk): 2}
    await db(services.mark_read)(user=bob, room=entraide)  # in another tab
    await socket.send_json_to({"type": "ping", "rooms": []})
    pong = await next_of(socket, "pong")
    assert (pong["unread"], pong["unread_rooms"]) == (1, {str(general.pk): 1})
    await socket.disconnect()


async def test_a_ping_tells_the_last_place_of_the_open_rooms(general):
    member = await db(UserFactory)()
    socket = await connect(member)
    await subscribe(socket, general)
    await db(_post)(general, await db(UserFactory)(), "Pendant la panne")
    await socket.send_json_to({"type": "ping", "rooms": [general.pk, 999999]})
    pong = await next_of(socket, "pong")
    assert pong["rooms"][str(general.pk)]["latest"] == 1
    assert list(pong["rooms"]) == [str(general.pk)]  # only rooms the tab opened
    await socket.disconnect()


async def test_a_send_answers_with_its_place_and_key_and_a_retry_the_same(general):
    member = await db(UserFactory)()
    socket = await connect(member)
    await subscribe(socket, general)
    frame = {"type": "send", "room": general.pk, "body": "Une fois", "key": "k1",
             "ref": "k1"}  # fmt: skip
    await socket.send_json_to(frame)
    first = await next_of(socket, "sent")
    await socket.send_json_to(frame)
    second = await next_of(socket, "sent")
    assert first["id"] == second["id"] and first["seq"] == 1
    assert first["key"] == "k1" and first["message"]["body"] == "Une fois"
    assert await db(Message.objects.filter(author=member).count)() == 1
    await socket.disconnect()


async def test_a_database_outage_answers_unavailable_and_keeps_the_socket(
    general, monkeypatch
):
    member = await db(UserFactory)()
    socket = await connect(member)
    await subscribe(socket, general)

    def down(**kwargs):
        raise OperationalError("the server closed the connection unexpectedly")

    monkeypatch.setattr(services, "message_post", down)
    await socket.send_json_to(
        {"type": "send", "room": general.pk, "body": "x", "key": "k", "ref": "k"}
    )
    error = await next_of(socket, "error")
    assert error["code"] == "unavailable" and error["ref"] == "k"
    assert "rien n'est perdu" in error["message"]
    await socket.send_json_to({"type": "ping"})
    assert (await next_of(socket, "pong"))["rooms"] == {}  # still open
    await socket.disconnect()


def test_the_protocol_writes_times_that_compare_as_text():
    early = timezone.now().replace(microsecond=0)
    later = early + timezone.timedelta(microseconds=5)
    assert broadcast.stamp(early) < broadcast.stamp(later)
    assert consumers.stamp is broadcast.stamp
