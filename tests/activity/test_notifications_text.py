"""Notifications that tell enough (issue #21): « à l'instant », repeats grouped in
the list and in digests, e-mails with what was said (cut, mentions as names) and a
direct link, reactions notified in the bell (a kind like every other)."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.urls import reverse

from activity import digests, notifications
from activity import services as feed
from activity.models import Notification
from activity.notices import MENTION, POST_COMMENT, REACTION
from forums import services as forums
from tests.factories import CategoryFactory, NotificationFactory, UserFactory

LIST = reverse("activity:list")
LONG = " ".join(["Une phrase assez longue pour être coupée quelque part."] * 12)


@pytest.fixture
def post(member):
    return feed.post_create(author=member, body="Qui vient au marché de Mauvezin ?")


def test_under_a_minute_is_just_now_then_minutes(client_member, member):
    fresh = NotificationFactory(recipient=member)
    html = client_member.get(LIST).text
    assert "à l&#x27;instant" in html
    assert "0 minute" not in html
    Notification.objects.filter(pk=fresh.pk).update(
        created_at=fresh.created_at - timedelta(minutes=3)
    )
    assert "il y a 3" in client_member.get(LIST).text


def test_reactions_are_notified_in_the_bell_and_grouped(
    client_member, member, post, django_capture_on_commit_callbacks
):
    reactors = [UserFactory(first_name=name) for name in ("Léa", "Paul", "Inès")]
    with django_capture_on_commit_callbacks(execute=True):
        feed.reaction_toggle(post=post, user=reactors[0], reaction="like")
    only = Notification.objects.get(recipient=member, kind=REACTION)
    assert only.text.startswith("Léa ") and "a réagi à votre publication" in only.text
    with django_capture_on_commit_callbacks(execute=True):
        feed.reaction_toggle(post=post, user=reactors[1], reaction="love")
        feed.reaction_toggle(post=post, user=reactors[2], reaction="like")
    grouped = Notification.objects.get(recipient=member, kind=REACTION)
    assert grouped.count == 3
    html = client_member.get(LIST).text
    assert "3 réactions à votre publication." in html
    assert html.count("réaction") == 1
    assert 'class="bell__count">1' in html
    assert mail.outbox == []  # off by default in e-mail (nothing waits either)
    assert grouped.channel == "site"


def test_once_read_a_new_reaction_is_a_new_notification(member, post, other_member):
    feed.reaction_toggle(post=post, user=other_member, reaction="like")
    notifications.mark_read(user=member)
    feed.reaction_toggle(post=post, user=UserFactory(), reaction="like")
    assert Notification.objects.filter(recipient=member, kind=REACTION).count() == 2


def test_ones_own_reaction_and_a_withdrawn_one_tell_nobody(member, post, other_member):
    feed.reaction_toggle(post=post, user=member, reaction="like")
    feed.reaction_toggle(post=post, user=other_member, reaction="like")
    feed.reaction_toggle(post=post, user=other_member, reaction="like")  # taken back
    assert Notification.objects.get(recipient=member).count == 1


def test_a_reaction_to_a_forum_message_is_notified(member, other_member):
    topic = forums.topic_create(
        author=member, category=CategoryFactory(), title="Fibre", body="Débit ?"
    )
    forums.reaction_toggle(post=topic.posts.get(), user=other_member, reaction="thanks")
    notification = Notification.objects.get(recipient=member, kind=REACTION)
    assert notification.text == "Bastien Dupouy a réagi à votre message dans “Fibre”."
    assert notification.url == topic.posts.get().get_absolute_url()


def test_reactions_can_be_chosen_like_every_kind(
    client_member, member, post, django_capture_on_commit_callbacks
):
    page = client_member.get(reverse("activity:preferences")).text
    assert f'name="{REACTION}"' in page
    assert "Une réaction à mes publications et messages" in page
    client_member.post(reverse("activity:preferences"), {REACTION: "email"})
    with django_capture_on_commit_callbacks(execute=True):
        feed.reaction_toggle(
            post=post, user=UserFactory(first_name="Léa"), reaction="like"
        )
    assert len(mail.outbox) == 1
    assert "Qui vient au marché de Mauvezin ?" in mail.outbox[0].body
    client_member.post(reverse("activity:preferences"), {REACTION: "off"})
    feed.reaction_toggle(post=post, user=UserFactory(), reaction="like")
    assert (
        not Notification.objects.filter(recipient=member, read_at=None)
        .exclude(kind=REACTION)
        .exists()
    )
    assert Notification.objects.filter(recipient=member, kind=REACTION).count() == 1


def test_a_mention_e_mail_carries_the_excerpt_and_a_direct_link(
    member, other_member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post = feed.post_create(
            author=other_member,
            body=f"**Bonjour** @Camille Laborde ! {LONG}",
        )
    assert len(mail.outbox) == 1  # mentions are e-mailed by default
    message = mail.outbox[0]
    assert "Bonjour @Camille Laborde !" in message.body
    assert "@[" not in message.body and "**" not in message.body
    excerpt_line = next(line for line in message.body.splitlines() if "Bonjour" in line)
    assert excerpt_line.endswith("…") and len(excerpt_line) < 320
    assert not excerpt_line.rstrip("…").endswith(" ")
    assert f"http://testserver{post.get_absolute_url()}" in message.body or (
        post.get_absolute_url() in message.body
    )
    html = message.alternatives[0][0]
    assert "Bonjour @Camille Laborde !" in html and "@[" not in html


def test_the_list_shows_what_was_said_with_mentions_linked(
    client_member, member, other_member
):
    third = UserFactory(first_name="Inès", last_name="Carrère")
    post = feed.post_create(author=member, body="Un covoiturage pour Auch ?")
    feed.comment_create(
        post=post, author=other_member, body="Oui, avec @Inès Carrère jeudi"
    )
    html = client_member.get(LIST).text
    profile = reverse("members:profile_detail", args=[third.pk])
    assert f'<a class="mention" href="{profile}">@Inès Carrère</a> jeudi' in html
    assert "@[" not in html


PARIS = ZoneInfo("Europe/Paris")
MONDAY = datetime(2026, 11, 23, 7, 0, tzinfo=PARIS)


def test_comments_on_one_post_are_one_line_of_the_digest(member, post):
    notifications.preference_set(user=member, kind=POST_COMMENT, channel="digest")
    for name in ("Léa", "Paul", "Inès"):
        feed.comment_create(post=post, author=UserFactory(first_name=name), body="Moi")
    other = feed.post_create(author=member, body="Autre chose")
    feed.comment_create(post=other, author=UserFactory(first_name="Zoé"), body="Ah")
    Notification.objects.update(created_at=MONDAY - timedelta(days=1))
    assert Notification.objects.filter(recipient=member).count() == 2
    assert digests.send_all("weekly", MONDAY) == 1
    body = mail.outbox[0].body
    assert "3 commentaires sur votre publication." in body
    assert "Zoé" in body and "a commenté votre publication" in body
    assert "Léa" not in body


def test_a_grouped_notification_sent_in_a_digest_is_not_grown_again(member, post):
    notifications.preference_set(user=member, kind=POST_COMMENT, channel="digest")
    feed.comment_create(post=post, author=UserFactory(), body="Un")
    Notification.objects.update(created_at=MONDAY - timedelta(days=1))
    digests.send_all("weekly", MONDAY)
    feed.comment_create(post=post, author=UserFactory(), body="Deux")
    assert Notification.objects.filter(recipient=member).count() == 2


def test_mentions_are_not_grouped(member, other_member):
    for n in range(2):
        feed.post_create(author=other_member, body=f"@Camille Laborde n°{n}")
    assert Notification.objects.filter(recipient=member, kind=MENTION).count() == 2


def test_a_repeat_does_not_ring_the_bell_twice(member, post, monkeypatch):
    pushed = []
    monkeypatch.setattr(
        notifications.bus, "publish", lambda event: pushed.append(event)
    )
    feed.reaction_toggle(post=post, user=UserFactory(), reaction="like")
    feed.reaction_toggle(post=post, user=UserFactory(), reaction="like")
    assert (
        len([e for e in pushed if isinstance(e, notifications.NotificationStored)]) == 1
    )
    assert notifications.unread_count(member) == 1
