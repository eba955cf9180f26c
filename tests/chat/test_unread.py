"""Unread counts come from each room's last place and the member's marker, never
from counting messages: here they are checked against a count of the messages
themselves, after posts, deletions, imports, reads, mutes and lost rights."""

import random
import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from chat import selectors, services
from chat.models import Message, ReadMarker, Room
from committees.models import CommitteeMembership
from members.models import User
from tests.factories import CommitteeMembershipFactory, UserFactory


def recount(user: User, *, muted_too: bool = False) -> dict[int, int]:
    """The unread counts by brute force: the messages of others, not deleted,
    after the marker, in the rooms the member may read and did not mute."""
    readable = selectors.readable_rooms(user=user).values("pk")
    markers = ReadMarker.objects.filter(user=user, room__in=readable)
    if not muted_too:
        markers = markers.filter(muted=False)
    counts = {}
    for marker in markers:
        count = (
            Message.objects.filter(
                room=marker.room_id,
                id__gt=marker.last_read_id,
                deleted_at__isnull=True,
            )
            .exclude(author=user)
            .count()
        )
        if count:
            counts[marker.room_id] = count
    return counts


def header_count(user: User) -> int:
    """The header's counter, as `intranet.shell.header.counts` reads it."""
    count = (
        User.objects.filter(pk=user.pk)
        .annotate(n=selectors.unread_count(user=user))
        .values_list("n", flat=True)
        .get()
    )
    assert type(count) is int  # not PostgreSQL's numeric of a SUM
    return count


def check(user: User) -> None:
    expected = recount(user)
    assert selectors.unread_by_room(user=user) == expected
    assert selectors.unread_total(user=user) == sum(expected.values())
    assert header_count(user) == sum(expected.values())
    listed = {room.pk: room.unread for room in selectors.room_list(user=user)}
    mine = set(selectors.my_rooms(user=user).values_list("pk", flat=True))
    assert set(listed) == mine
    # The list shows a muted room's count too (greyed); a room never read, none.
    with_muted = recount(user, muted_too=True)
    assert {pk: n for pk, n in listed.items() if n} == {
        pk: n for pk, n in with_muted.items() if pk in mine
    }


@pytest.fixture
def fast(settings):
    settings.CHAT_MESSAGES_PER_10_SECONDS = 100_000


@pytest.fixture
def general(db):
    return Room.objects.get(slug="general")


def test_counts_equal_a_recount_after_a_random_history(fast, committee, general):
    rng = random.Random(19)
    people = [UserFactory() for _ in range(4)]
    for person in people[:3]:
        CommitteeMembershipFactory(committee=committee, user=person)
    rooms = [
        general,
        Room.objects.get(slug="entraide"),
        services.committee_room(committee=committee),
        services.conversation_for(user=people[0], others=people[1:3]),
        services.conversation_for(user=people[0], others=[people[3]]),
    ]
    for person in people:
        services.mark_read(user=person, room=general)  # starts every room
    for step in range(60):
        person, room = rng.choice(people), rng.choice(rooms)
        action = rng.random()
        if action < 0.45 and selectors.can_post(user=person, room=room):
            services.message_post(room=room, author=person, body=f"m{step}")
        elif action < 0.6:
            own = Message.objects.shown().filter(author=person).order_by("?")
            if (message := own.first()) and selectors.can_post(
                user=person, room=message.room
            ):
                services.message_delete(message=message, by=person)
        elif action < 0.8 and selectors.can_read(user=person, room=room):
            ids = list(room.messages.values_list("id", flat=True)) or [None]
            services.mark_read(user=person, room=room, upto=rng.choice(ids))
        elif action < 0.85 and selectors.can_read(user=person, room=room):
            muted = ReadMarker.objects.filter(user=person, room=room, muted=True)
            services.mute_set(user=person, room=room, muted=not muted.exists())
        elif action < 0.9:
            # History written elsewhere: imported messages do not move markers.
            author = rng.choice(people)
            services.messages_import(messages=[
                Message(room=room, author=author, body=f"i{step}.{n}",
                        created_at=timezone.now() + timedelta(seconds=n))
                for n in range(rng.randint(1, 3))
            ])  # fmt: skip
        if step == 40:  # rights lost: a committee left, a conversation left
            CommitteeMembership.objects.filter(user=people[2]).delete()
            services.conversation_leave(user=people[1], room=rooms[3])
        for someone in people:
            check(someone)
    assert Message.objects.filter(deleted_at__isnull=False).exists()
    assert any(selectors.unread_total(user=someone) for someone in people)


def test_own_deleted_and_older_messages_do_not_count(fast, member, other_member):
    room = Room.objects.get(slug="entraide")
    services.mark_read(user=member, room=room)
    first = services.message_post(room=room, author=other_member, body="Un")
    second = services.message_post(room=room, author=other_member, body="Deux")
    third = services.message_post(room=room, author=other_member, body="Trois")
    assert selectors.unread_by_room(user=member) == {room.pk: 3}
    services.mark_read(user=member, room=room, upto=first.pk)
    services.message_delete(message=first, by=other_member)  # already read
    assert selectors.unread_by_room(user=member) == {room.pk: 2}
    services.message_delete(message=second, by=other_member)
    assert selectors.unread_by_room(user=member) == {room.pk: 1}
    # Posting reads the room up to one's own message.
    services.message_post(room=room, author=member, body="Moi")
    assert selectors.unread_by_room(user=member) == {}
    services.message_post(room=room, author=other_member, body="Quatre")
    assert header_count(member) == 1
    services.message_delete(message=third, by=other_member)  # before the marker
    assert selectors.unread_by_room(user=member) == {room.pk: 1}


def test_a_room_never_opened_or_muted_counts_nothing(fast, member, other_member):
    room = Room.objects.get(slug="coworking")
    services.message_post(room=room, author=other_member, body="Personne ne lit")
    assert header_count(member) == 0  # no marker: the member never read the chat
    services.mark_read(user=member, room=Room.objects.get(slug="general"))
    services.message_post(room=room, author=other_member, body="Maintenant oui")
    assert selectors.unread_by_room(user=member) == {room.pk: 1}
    services.mute_set(user=member, room=room, muted=True)
    assert header_count(member) == 0
    unread = {r.pk: (r.unread, r.muted) for r in selectors.room_list(user=member)}
    assert unread[room.pk] == (1, True)


def test_marks_from_two_tabs_keep_the_furthest(fast, member, other_member, general):
    services.mark_read(user=member, room=general)
    sent = [
        services.message_post(room=general, author=other_member, body=f"m{n}")
        for n in range(4)
    ]
    services.mark_read(user=member, room=general, upto=sent[2].pk)  # a new tab
    services.mark_read(user=member, room=general, upto=sent[0].pk)  # an old one
    assert selectors.unread_by_room(user=member) == {general.pk: 1}
    services.mark_read(user=member, room=general, upto=sent[3].pk + 1000)
    assert header_count(member) == 0
    services.message_post(room=general, author=other_member, body="encore")
    assert header_count(member) == 0  # read « up to » an id beyond: as before


def test_who_leaves_a_conversation_or_a_committee_no_longer_counts_it(
    fast, member, other_member, committee
):
    third = UserFactory()
    group = services.conversation_for(user=member, others=[other_member, third])
    CommitteeMembershipFactory(committee=committee, user=member)
    CommitteeMembershipFactory(committee=committee, user=other_member)
    own_room = services.committee_room(committee=committee)
    services.mark_read(user=member, room=group)
    services.message_post(room=group, author=other_member, body="À vous deux")
    services.message_post(room=own_room, author=other_member, body="Au comité")
    assert selectors.unread_by_room(user=member) == {group.pk: 1, own_room.pk: 1}
    services.conversation_leave(user=member, room=group)
    CommitteeMembership.objects.filter(user=member).delete()
    services.committee_room_access_set(
        committee=committee, by=UserFactory(is_superuser=True), access="closed"
    )
    assert selectors.unread_by_room(user=member) == {}
    assert header_count(member) == 0
    assert {r.pk for r in selectors.room_list(user=member)}.isdisjoint(
        {group.pk, own_room.pk}
    )


def test_the_header_counter_and_the_room_list_are_one_query_each(
    fast, member, other_member, general, django_assert_num_queries
):
    services.mark_read(user=member, room=general)
    for n in range(30):
        services.message_post(room=general, author=other_member, body=f"m{n}")
    services.conversation_for(user=member, others=[other_member])
    with django_assert_num_queries(1):
        assert header_count(member) == 30
    with django_assert_num_queries(2):  # the rooms, then the conversations' people
        rooms = selectors.room_list(user=member)
    assert rooms[0].pk in {general.pk, Room.objects.get(kind="direct").pk}
    assert [room.unread for room in rooms if room.pk == general.pk] == [30]
    with django_assert_num_queries(1):
        selectors.unread_by_room(user=member)


def test_no_count_query_reads_the_messages_themselves(
    fast, member, other_member, general
):
    """The counts' SQL reaches messages only through probes bounded by a marker
    (`id >` or `id <=` it, LIMIT 1), never a scan of a room's messages."""
    services.mark_read(user=member, room=general)
    services.message_post(room=general, author=other_member, body="m")
    queryset = selectors.unread_markers(user=member)
    sql = str(queryset.query)
    assert sql.count('FROM "chat_message"') == 3
    assert "COUNT(" in sql and "GROUP BY" not in sql


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_members_posting_at_once_keep_the_counts(fast, general):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers")
    alice, bob, reader = UserFactory(), UserFactory(), UserFactory()
    for person in (alice, bob, reader):
        services.mark_read(user=person, room=general)
    start = threading.Barrier(2)

    def send(author):
        try:
            start.wait()
            for n in range(15):
                services.message_post(room=general, author=author, body=f"{n}")
        finally:
            connection.close()

    threads = [threading.Thread(target=send, args=(who,)) for who in (alice, bob)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    places = list(general.messages.order_by("id").values_list("seq", flat=True))
    assert places == list(range(1, 31))
    assert selectors.unread_by_room(user=reader) == {general.pk: 30}
    for person in (alice, bob, reader):
        check(person)
