"""Replies, reactions and attachments over `/ws/`, through Channels' real stack."""

import pytest
from channels.db import database_sync_to_async
from django.test import Client
from django.urls import reverse

from chat import services
from chat.models import Message, MessageReaction, Room
from tests.chat.test_extras import photo
from tests.chat.test_socket import connect, next_of, subscribe
from tests.factories import (
    CommitteeMembershipFactory,
    CommitteePageFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
db = database_sync_to_async


@pytest.fixture
def general(db):
    return Room.objects.get(slug="general")


async def test_a_reply_reaches_readers_with_its_quote(general):
    alice, bruno = await db(UserFactory)(first_name="Alice"), await db(UserFactory)()
    asked = await db(services.message_post)(
        room=general,
        author=alice,
        body="Qui vient au marché de Fleurance demain matin ?",
    )
    a, b = await connect(alice), await connect(bruno)
    await subscribe(a, general)
    await subscribe(b, general)
    await b.send_json_to(
        {"type": "send", "room": general.pk, "body": "Moi !", "ref": "r",
         "key": "k-reply", "reply_to": asked.pk}
    )  # fmt: skip
    sent = await next_of(b, "sent")
    quote = sent["message"]["reply_to"]
    assert quote["id"] == asked.pk and quote["seq"] == asked.seq
    assert quote["excerpt"] == "Qui vient au marché de Fleurance demain matin ?"
    received = await next_of(a, "message")
    assert received["message"]["reply_to"] == quote
    stored = await db(Message.objects.get)(pk=sent["id"])
    assert stored.reply_to_id == asked.pk
    # A catch-up (a tab that was away) brings the quote too.
    caught = await subscribe(a, general, after=asked.seq)
    assert caught["messages"][0]["reply_to"]["id"] == asked.pk
    await a.disconnect()
    await b.disconnect()


async def test_reactions_toggle_live_and_reach_a_tab_that_was_away(general):
    alice, bruno = await db(UserFactory)(), await db(UserFactory)(first_name="Bruno")
    message = await db(services.message_post)(room=general, author=alice, body="Hop")
    a, b = await connect(alice), await connect(bruno)
    first = await subscribe(a, general)
    await subscribe(b, general)
    await b.send_json_to({"type": "react", "id": message.pk, "reaction": "love"})
    reacted = (await next_of(a, "reacted"))["message"]
    assert reacted["id"] == message.pk
    [love] = reacted["reactions"]
    assert (love["key"], love["emoji"], love["count"]) == ("love", "❤️", 1)
    assert love["users"] == [bruno.pk] and love["names"] == [str(bruno)]
    await next_of(b, "reacted")
    await b.send_json_to({"type": "react", "id": message.pk, "reaction": "love"})
    assert (await next_of(a, "reacted"))["message"]["reactions"] == []
    assert not await db(MessageReaction.objects.exists)()
    # Alice's other tab, away since her first subscription, hears of the change.
    await b.send_json_to({"type": "react", "id": message.pk, "reaction": "like"})
    await next_of(b, "reacted")
    await a.send_json_to(
        {"type": "catchup", "room": general.pk, "after": message.seq,
         "since": first["synced"]}
    )  # fmt: skip
    caught = await next_of(a, "catchup")
    assert [m["reactions"][0]["key"] for m in caught["changed"]] == ["like"]
    await a.disconnect()
    await b.disconnect()


@pytest.mark.parametrize(
    "frame, code, words",
    [
        ({"reaction": "caca"}, "reaction", "Cette réaction n'existe pas."),
        ({"reaction": 3}, "missing_field", "doit être un texte"),
        ({"id": "12", "reaction": "like"}, "missing_field", "doit être un nombre"),
        ({"id": 10**12, "reaction": "like"}, "not_found", "Ce message n'existe pas."),
    ],
)
async def test_bad_reactions_get_french_errors(general, frame, code, words):
    alice = await db(UserFactory)()
    message = await db(services.message_post)(room=general, author=alice, body="Hop")
    a = await connect(alice)
    await a.send_json_to({"type": "react", "id": message.pk, "ref": "x", **frame})
    error = await next_of(a, "error")
    assert error["code"] == code and words in error["message"]
    assert not await db(MessageReaction.objects.exists)()
    await a.disconnect()


async def test_bad_replies_get_french_errors_and_store_nothing(general):
    alice = await db(UserFactory)()
    elsewhere = await db(Room.objects.get)(slug="entraide")
    foreign = await db(services.message_post)(room=elsewhere, author=alice, body="Ail")
    a = await connect(alice)
    for reply_to, code in ((foreign.pk, "reply_to"), ("3", "missing_field")):
        await a.send_json_to(
            {"type": "send", "room": general.pk, "body": "Oui", "ref": "r",
             "reply_to": reply_to}
        )  # fmt: skip
        error = await next_of(a, "error")
        assert error["code"] == code and error["ref"] == "r"
        assert "répondez" in error["message"] or "nombre" in error["message"]
    assert await db(Message.objects.filter(room=general).count)() == 0
    await a.disconnect()


async def test_only_writers_react_and_no_one_reacts_in_a_room_they_cannot_read():
    committee = await db(CommitteePageFactory)()
    room = await db(services.committee_room)(committee=committee)
    writer, reader, stranger = [await db(UserFactory)() for _ in range(3)]
    await db(CommitteeMembershipFactory)(committee=committee, user=writer)
    message = await db(services.message_post)(room=room, author=writer, body="Salut")
    r = await connect(reader)  # the room is open: they read it, they do not write
    await r.send_json_to({"type": "react", "id": message.pk, "reaction": "like"})
    error = await next_of(r, "error")
    assert error["code"] == "forbidden"
    assert error["message"] == "Vous ne pouvez pas écrire dans ce salon."
    await r.disconnect()
    await db(services.committee_room_access_set)(
        committee=committee, by=await db(UserFactory)(is_superuser=True),
        access="closed",
    )  # fmt: skip
    s = await connect(stranger)
    await s.send_json_to({"type": "react", "id": message.pk, "reaction": "like"})
    assert (await next_of(s, "error"))["code"] == "not_found"
    await s.disconnect()
    assert not await db(MessageReaction.objects.exists)()


async def test_a_send_with_a_photo_over_http_reaches_the_sockets(general):
    alice, bruno = await db(UserFactory)(), await db(UserFactory)()
    b = await connect(bruno)
    await subscribe(b, general)

    def post():
        client = Client()
        client.force_login(alice)
        return client.post(
            reverse("chat:send", args=[general.pk]),
            {"body": "Le lavoir", "key": "k-photo", "files": [photo()]},
            HTTP_ACCEPT="application/json",
        ).json()

    answer = await db(post)()
    received = (await next_of(b, "message"))["message"]
    assert received["id"] == answer["id"] and received["key"] == "k-photo"
    [attachment] = received["attachments"]
    assert attachment["kind"] == "photo" and attachment["thumbnail"].endswith(
        "/vignette/"
    )
    assert (attachment["width"], attachment["height"]) == (800, 600)
    await b.disconnect()


async def test_a_deleted_message_loses_its_reactions_and_files_live(general):
    alice, bruno = await db(UserFactory)(), await db(UserFactory)()
    message = await db(services.message_post)(
        room=general, author=alice, body="Voilà", files=[photo()]
    )
    await db(services.reaction_toggle)(message=message, user=bruno, reaction="like")
    a, b = await connect(alice), await connect(bruno)
    await subscribe(b, general)
    await a.send_json_to({"type": "delete", "id": message.pk})
    deleted = (await next_of(b, "deleted"))["message"]
    assert deleted["deleted"] and deleted["attachments"] == []
    assert deleted["reactions"] == []
    assert not await db(MessageReaction.objects.exists)()
    await a.disconnect()
    await b.disconnect()
