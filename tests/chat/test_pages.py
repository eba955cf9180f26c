"""The chat over plain HTTP (the page works without JavaScript)."""

from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from chat import presence, selectors, services, urls
from chat.models import (
    Attachment,
    Message,
    MessageReaction,
    Participant,
    ReadMarker,
    Room,
)
from chat.selectors import unread_total
from tests.chat.test_extras import photo
from tests.factories import (
    CommitteeMembershipFactory,
    CommitteePageFactory,
    UserFactory,
)


@pytest.fixture
def general(db):
    return Room.objects.get(slug="general")


def test_the_network_rooms_exist_and_are_listed(client_member):
    html = client_member.get(reverse("chat:index")).content.decode()
    for name in ("Général", "Entraide", "Coworking"):
        assert name in html


def test_read_and_post_without_javascript(client_member, member, general, other_member):
    services.message_post(room=general, author=other_member, body="Bienvenue à tous")
    html = client_member.get(general.get_absolute_url()).content.decode()
    assert "Bienvenue à tous" in html
    response = client_member.post(
        reverse("chat:send", args=[general.pk]), {"body": "Merci ! https://gers.fr"}
    )
    assert response.status_code == 302
    html = client_member.get(general.get_absolute_url()).content.decode()
    assert '<a href="https://gers.fr" rel="nofollow">https://gers.fr</a>' in html


def test_an_empty_or_long_message_gets_a_clear_error(client_member, general):
    for body, words in (("  ", "Écrivez"), ("x" * 4001, "4000")):
        response = client_member.post(
            reverse("chat:send", args=[general.pk]), {"body": body}, follow=True
        )
        assert words in response.content.decode()
    assert not Message.objects.exists()


def test_send_a_message_from_a_profile_reuses_the_conversation(
    client_member, member, other_member
):
    url = reverse("chat:with", args=[other_member.pk])
    first = client_member.post(url)
    second = client_member.post(url)
    assert first["Location"] == second["Location"]
    room = Room.objects.get(kind="direct")
    assert set(room.participants.values_list("user", flat=True)) == {
        member.pk,
        other_member.pk,
    }
    assert services.conversation_for(user=other_member, others=[member]) == room
    html = client_member.get(room.get_absolute_url()).content.decode()
    assert str(other_member) in html


def test_one_conversation_per_set_of_people(member, other_member):
    third = UserFactory()
    group = services.conversation_for(user=member, others=[other_member, third])
    assert services.conversation_for(user=third, others=[member, other_member]) == group
    assert services.conversation_for(user=member, others=[other_member]) != group


def test_a_group_has_at_most_twenty_members(member):
    people = [UserFactory() for _ in range(20)]
    with pytest.raises(Exception, match="20"):
        services.conversation_for(user=member, others=people)


def test_others_and_staff_never_open_a_conversation(client, member, other_member):
    room = services.conversation_for(user=member, others=[other_member])
    services.message_post(room=room, author=member, body="Entre nous, le code 4417")
    staff = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(staff)
    assert client.get(room.get_absolute_url()).status_code == 404
    response = client.get(reverse("home:search"), {"q": "Entre nous"})
    assert "4417" not in response.content.decode()


def test_leave_a_group_and_mute_a_room(client_member, member, other_member, general):
    group = services.conversation_for(user=member, others=[other_member, UserFactory()])
    client_member.post(reverse("chat:leave", args=[group.pk]))
    assert client_member.get(group.get_absolute_url()).status_code == 404
    one = services.conversation_for(user=member, others=[other_member])
    response = client_member.post(reverse("chat:leave", args=[one.pk]), follow=True)
    assert "sourdine" in response.content.decode()  # a 1:1 is muted, not left
    client_member.post(reverse("chat:mute", args=[general.pk]), {"muted": "1"})
    services.message_post(room=general, author=other_member, body="Pour tous")
    from chat.selectors import unread_total

    assert unread_total(user=member) == 0


def test_unread_counts_in_the_navigation(client_member, member, other_member, general):
    services.message_post(room=general, author=other_member, body="Avant")
    entraide = Room.objects.get(slug="entraide")
    services.message_post(room=entraide, author=other_member, body="Avant aussi")
    # The member starts using the chat: reading one room starts them all, at
    # their last message (what was said before is not news).
    client_member.post(reverse("chat:read", args=[general.pk]))
    assert unread_total(user=member) == 0
    services.message_post(room=general, author=other_member, body="Un")
    last = services.message_post(room=entraide, author=other_member, body="Deux")
    html = client_member.get("/").content.decode()
    assert 'data-chat-unread><span class="count">2</span>' in html
    # Reading the page writes nothing: without JavaScript, its « Mark as read »
    # does, up to the last message it showed (the socket's `read` frame with it).
    html = client_member.get(entraide.get_absolute_url()).content.decode()
    assert 'data-chat-unread><span class="count">2</span>' in html
    assert f'<input type="hidden" name="upto" value="{last.pk}">' in html
    response = client_member.post(
        reverse("chat:read", args=[entraide.pk]), {"upto": last.pk}
    )
    assert response["Location"] == f"{entraide.get_absolute_url()}#message-{last.pk}"
    html = client_member.get("/").content.decode()
    assert 'data-chat-unread><span class="count">1</span>' in html  # Général's
    html = client_member.get(entraide.get_absolute_url()).content.decode()
    assert "Marquer comme lu" not in html
    client_member.post(reverse("chat:read", args=[general.pk]))
    html = client_member.get("/").content.decode()
    assert 'data-chat-unread hidden><span class="count">0</span>' in html


def test_a_room_muted_before_it_was_read_keeps_its_past_read(
    client_member, member, other_member, general
):
    services.message_post(room=general, author=other_member, body="Ancien")
    client_member.post(reverse("chat:mute", args=[general.pk]), {"muted": "1"})
    client_member.post(reverse("chat:mute", args=[general.pk]), {"muted": "0"})
    assert unread_total(user=member) == 0
    services.message_post(room=general, author=other_member, body="Nouveau")
    assert unread_total(user=member) == 1


def test_a_committee_comes_with_its_room(member):
    committee = CommitteePageFactory()
    room = Room.objects.get(committee=committee)
    assert room.kind == Room.Kind.COMMITTEE
    assert services.committee_room(committee=committee) == room
    CommitteeMembershipFactory(committee=committee, user=member)
    assert room.pk in {r.pk for r in selectors.room_list(user=member)}


WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


def test_no_chat_page_writes_on_get(client_member, member, other_member, committee):
    """Every address of the chat, asked with GET (the pages, and the actions that
    answer 405), leaves the database as it was, for a member who never read
    anything: no room, marker or message is made or changed."""
    CommitteeMembershipFactory(committee=committee, user=member)
    general = Room.objects.get(slug="general")
    services.message_post(room=general, author=other_member, body="Bonjour")
    group = services.conversation_for(user=other_member, others=[member, UserFactory()])
    services.message_post(room=group, author=other_member, body="Entre nous")
    mine = services.message_post(
        room=group, author=member, body="À moi", files=[photo()]
    )
    services.message_post(room=group, author=other_member, body="Et après")
    ReadMarker.objects.filter(user=member).update(last_read_id=0)
    Room.objects.filter(committee=committee).delete()  # as before rooms came with it
    attachment = mine.attachments.get().pk
    pk = {"with": other_member.pk, "edit": mine.pk, "delete": mine.pk,
          "react": mine.pk, "attachment": attachment,
          "attachment_thumbnail": attachment}  # fmt: skip
    pages = [
        reverse(f"chat:{pattern.name}", kwargs={"pk": pk.get(pattern.name, group.pk)})
        if "pk" in pattern.pattern.converters
        else reverse(f"chat:{pattern.name}")
        for pattern in urls.urlpatterns
    ]
    pages += [general.get_absolute_url(), f"{group.get_absolute_url()}?avant={mine.pk}"]
    tables = [ReadMarker, Room, Message, Participant, MessageReaction, Attachment]
    counts = [model.objects.count() for model in tables]
    client_member.get("/")  # the session's once-a-login language sync, not the chat
    for page in pages:
        with CaptureQueriesContext(connection) as queries:
            response = client_member.get(page)
            if response.streaming:  # an attachment: read, so its file closes
                b"".join(response.streaming_content)
        assert response.status_code in (200, 405), page
        writes = [
            q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(WRITES)
        ]
        assert writes == [], page
    assert [model.objects.count() for model in tables] == counts
    assert not ReadMarker.objects.filter(user=member).exclude(last_read_id=0).exists()


def test_authors_edit_and_delete_their_messages(
    client_member, member, other_member, general
):
    mine = services.message_post(room=general, author=member, body="Coquille")
    theirs = services.message_post(room=general, author=other_member, body="Pas à toi")
    client_member.post(reverse("chat:edit", args=[mine.pk]), {"body": "Corrigé"})
    mine.refresh_from_db()
    assert mine.body == "Corrigé" and mine.edited_at
    assert client_member.post(
        reverse("chat:edit", args=[theirs.pk]), {"body": "x"}
    ).status_code in (302, 403)
    theirs.refresh_from_db()
    assert theirs.body == "Pas à toi"
    client_member.post(reverse("chat:delete", args=[mine.pk]))
    html = client_member.get(general.get_absolute_url()).content.decode()
    assert "Corrigé" not in html and "Message supprimé" in html


def test_a_closed_committee_room_is_hidden_from_others(client, committee, member):
    referent = CommitteeMembershipFactory(committee=committee, role="referent").user
    room = services.committee_room_access_set(
        committee=committee, by=referent, access="closed"
    )
    client.force_login(member)
    assert client.get(room.get_absolute_url()).status_code == 404
    CommitteeMembershipFactory(committee=committee, user=member)
    assert client.get(room.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("count", [5, 60])
def test_the_room_page_runs_a_flat_number_of_queries(
    client_member, member, general, count, django_assert_max_num_queries
):
    people = [UserFactory() for _ in range(5)]
    for n in range(count):
        services.message_post(
            room=general, author=people[n % 5], body=f"Message {n} @{member}"
        )
        Message.objects.update(created_at="2026-01-01T00:00Z")  # no rate limit
    services.conversation_for(user=member, others=people[:2])
    client_member.get("/")  # the session's once-a-login language sync
    # Session and member, the room, its messages and their mentions, the room
    # list and its people, the header's counters, the menu's rights (3).
    with django_assert_max_num_queries(11):
        assert client_member.get(general.get_absolute_url()).status_code == 200
    with django_assert_max_num_queries(8):
        assert client_member.get(reverse("chat:index")).status_code == 200
    presence.touch(people[0].pk)  # someone online: one query more, by their ids
    with django_assert_max_num_queries(12):
        assert client_member.get(general.get_absolute_url()).status_code == 200


def test_start_a_group_conversation_without_javascript(
    client_member, member, other_member, committee
):
    CommitteeMembershipFactory(user=member, committee=committee)
    neighbour = UserFactory(first_name="Nadia", last_name="Verdier")
    CommitteeMembershipFactory(user=neighbour, committee=committee)
    third = UserFactory(first_name="Bernadette", last_name="Lacoste")
    url = reverse("chat:new")
    html = client_member.get(url).content.decode()
    assert "Nadia Verdier" in html  # one's committees come first
    assert "Bernadette" not in html
    # Searching keeps the people ticked so far.
    response = client_member.post(url, {"people": [neighbour.pk], "q": "Ber"})
    page = response.content.decode()
    assert f'value="{neighbour.pk}" id="person-{neighbour.pk}" checked' in page
    assert "Bernadette Lacoste" in page
    assert f'id="person-{member.pk}"' not in page  # not oneself
    response = client_member.post(
        url, {"people": [neighbour.pk, third.pk], "start": "1"}
    )
    room = Room.objects.get(kind="direct")
    assert response["Location"] == room.get_absolute_url()
    assert set(room.participants.values_list("user", flat=True)) == {
        member.pk,
        neighbour.pk,
        third.pk,
    }
    again = client_member.post(url, {"people": [third.pk, neighbour.pk], "start": "1"})
    assert again["Location"] == room.get_absolute_url()


@pytest.mark.parametrize(
    "people, words",
    [([], "Choisissez au moins un membre"), (["abc"], "n'est plus membre")],
)
def test_starting_a_conversation_explains_what_is_wrong(client_member, people, words):
    response = client_member.post(reverse("chat:new"), {"people": people, "start": "1"})
    assert response.status_code == 200
    assert words in unescape(response.content.decode())
    assert not Room.objects.filter(kind="direct").exists()


def test_the_room_page_says_who_else_is_online(
    client_member, member, other_member, general
):
    presence.touch(member.pk)
    html = unescape(client_member.get(general.get_absolute_url()).content.decode())
    assert "Personne d'autre n'est en ligne" in html
    presence.touch(other_member.pk)  # shown at once: no waiting for the list
    html = client_member.get(general.get_absolute_url()).content.decode()
    assert "En ligne : Bastien Dupouy" in html


def test_names_in_a_room_are_escaped(client_member, member, general):
    """The messages are written by `chat_tags.chat_message`, in Python: names from
    members (the author, who reacted, whom a reply quotes) stay text."""
    hostile = UserFactory(first_name='<img src=x onerror="alert(1)">', last_name="Zoé")
    first = services.message_post(room=general, author=hostile, body="Bonjour")
    services.reaction_toggle(message=first, user=hostile, reaction="like")
    services.message_post(room=general, author=member, body="Salut", reply_to=first.pk)
    html = client_member.get(reverse("chat:room", args=[general.pk])).content.decode()
    assert "<img src=x" not in html
    escaped = "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; Zoé"
    assert (
        html.count(escaped) >= 4
    )  # the author, the reaction's title and text, the quote
    assert 'class="chat-quote" href="#message-' in html
    assert 'aria-pressed="false"' in html
