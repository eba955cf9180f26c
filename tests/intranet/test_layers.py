"""The embedded channel layer (`intranet.layers`): Channels' in-memory layer with
a cheaper fan-out, and the same promises."""

import pytest

from intranet import layers


@pytest.fixture
def layer():
    return layers.InMemoryChannelLayer(capacity=2)


async def test_a_group_message_reaches_each_member_with_its_own_copy(layer):
    channels = [await layer.new_channel() for _ in range(3)]
    for channel in channels:
        await layer.group_add("salon", channel)
    await layer.group_send("salon", {"type": "chat.message", "body": ["Bonjour"]})
    first = await layer.receive(channels[0])
    first["body"].append("changé")
    for channel in channels[1:]:
        assert await layer.receive(channel) == {
            "type": "chat.message",
            "body": ["Bonjour"],
        }


async def test_a_full_channel_misses_the_message_and_the_others_get_it(layer):
    slow, quick = await layer.new_channel(), await layer.new_channel()
    await layer.group_add("salon", slow)
    for n in range(2):
        await layer.group_send("salon", {"type": "x", "n": n})
    await layer.group_add("salon", quick)
    await layer.group_send("salon", {"type": "x", "n": 2})  # slow is full: dropped
    assert (await layer.receive(quick))["n"] == 2
    assert [(await layer.receive(slow))["n"] for _ in range(2)] == [0, 1]


async def test_expired_messages_and_memberships_are_swept_once_a_second(
    layer, monkeypatch
):
    gone, kept = await layer.new_channel(), await layer.new_channel()
    await layer.group_add("salon", gone)
    await layer.group_send("salon", {"type": "a"})  # a sweep: nothing expired yet
    later = layers.time.time() + layer.expiry + 1
    monkeypatch.setattr(layers.time, "time", lambda: later)
    await layer.group_add("salon", kept)
    await layer.group_send("salon", {"type": "b"})
    assert gone in layer.groups["salon"]  # the last sweep was less than 1 s ago
    layer._swept_at -= layer.SWEEP_EVERY  # now a second has passed
    await layer.group_send("salon", {"type": "c"})
    assert gone not in layer.groups["salon"]  # its messages expired unread
    assert [(await layer.receive(kept))["type"] for _ in range(2)] == ["b", "c"]
