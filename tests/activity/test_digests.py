from datetime import datetime, timedelta
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.core import mail, signing
from django.core.management import call_command
from django.urls import reverse

from activity import digests, emails, notifications
from activity.models import Channel, Notification, SentDigest
from activity.notices import MENTION, POST_COMMENT
from tests.factories import UserFactory

PARIS = ZoneInfo("Europe/Paris")
MONDAY = datetime(2026, 11, 23, 7, 0, tzinfo=PARIS)


def _notify(user, text, when, kind=POST_COMMENT):
    found = notifications.notify(user, kind, text=text)
    Notification.objects.filter(pk=found.pk).update(created_at=when)
    return found


def test_the_period_ends_at_midnight_or_on_monday():
    wednesday = datetime(2026, 11, 25, 15, 30, tzinfo=PARIS)
    assert digests.period_end("daily", wednesday) == datetime(
        2026, 11, 25, tzinfo=PARIS
    )
    assert digests.period_end("weekly", wednesday) == datetime(
        2026, 11, 23, tzinfo=PARIS
    )


def test_a_weekly_digest_gathers_the_week_once(member):
    _notify(member, "Léa a commenté votre publication.", MONDAY - timedelta(days=2))
    _notify(member, "Paul a commenté votre publication.", MONDAY - timedelta(days=6))
    _notify(member, "Plus tard, dans la semaine suivante", MONDAY + timedelta(hours=2))
    assert digests.send_all("weekly", MONDAY) == 1
    assert digests.send_all("weekly", MONDAY) == 0  # never twice for a period
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [member.email]
    assert "Léa a commenté" in message.body and "Paul a commenté" in message.body
    assert "Plus tard" not in message.body
    assert "cette semaine" in message.subject.lower()
    assert message.extra_headers["List-Unsubscribe-Post"] == (
        "List-Unsubscribe=One-Click"
    )
    html = message.alternatives[0][0]
    assert "Léa a commenté" in html
    # The next week's run picks up what came after.
    assert digests.send_all("weekly", MONDAY + timedelta(days=7)) == 1
    assert "Plus tard" in mail.outbox[1].body


def test_nothing_to_say_sends_nothing(member, other_member):
    read = _notify(member, "Déjà lue", MONDAY - timedelta(days=1))
    notifications.mark_read(user=member, pk=read.pk)
    notifications.preference_set(user=other_member, kind=POST_COMMENT, channel="site")
    _notify(other_member, "Pas pour le résumé", MONDAY - timedelta(days=1))
    call_command("send_digests", "--weekly")
    assert mail.outbox == []


def test_daily_and_weekly_members_are_apart(member, other_member):
    digests.frequency_set(user=member, frequency="daily")
    for user in (member, other_member):
        _notify(user, "Un commentaire", MONDAY - timedelta(hours=10))
    assert digests.send_all("daily", MONDAY) == 1
    assert mail.outbox[0].to == [member.email]
    assert digests.send_all("weekly", MONDAY) == 1
    assert mail.outbox[1].to == [other_member.email]


def test_a_crash_half_way_then_a_rerun_sends_each_digest_once(db):
    people = [UserFactory() for _ in range(4)]
    for person in people:
        _notify(person, f"Pour {person.first_name}", MONDAY - timedelta(days=1))
    real_send = emails.send_digest
    calls = []

    def flaky(user, sections, frequency):
        calls.append(user.pk)
        if len(calls) == 3:
            raise ConnectionError("SMTP went away")
        real_send(user, sections, frequency)

    with mock.patch.object(emails, "send_digest", flaky):
        with pytest.raises(ConnectionError):
            digests.send_all("weekly", MONDAY)
    assert len(mail.outbox) == 2
    assert SentDigest.objects.count() == 2  # the failed one was rolled back
    assert digests.send_all("weekly", MONDAY) == 2
    recipients = [message.to[0] for message in mail.outbox]
    assert sorted(recipients) == sorted(person.email for person in people)


def test_unsubscribe_link_stops_one_kind_without_login(client, member):
    notifications.preference_set(user=member, kind=MENTION, channel=Channel.EMAIL)
    url = emails.unsubscribe_url(member, MENTION)
    page = client.get(url)
    assert page.status_code == 200
    assert notifications.channel_for(member, MENTION) == Channel.EMAIL  # GET is safe
    done = client.post(url)
    assert done.status_code == 200
    assert notifications.channel_for(member, MENTION) == Channel.SITE
    assert "ne recevrez plus" in done.content.decode()


def test_one_click_post_from_a_mail_client(client, member):
    url = emails.unsubscribe_url(member, emails.DIGEST)
    client.post(url, {"List-Unsubscribe": "One-Click"})
    assert notifications.channel_for(member, POST_COMMENT) == Channel.SITE


def test_tampered_and_expired_links_change_nothing(client, member, other_member):
    url = emails.unsubscribe_url(member, MENTION)
    token = url.rstrip("/").rsplit("/", 1)[1]
    forged = signing.dumps({"u": other_member.pk, "k": MENTION}, salt="another.salt")
    for bad in (token[:-2] + "xx", forged):
        response = client.post(reverse("activity:unsubscribe", args=[bad]))
        assert response.status_code == 400
        assert "pas valide" in response.content.decode()
    with mock.patch("django.core.signing.time.time", return_value=9_999_999_999):
        response = client.post(url)
    assert response.status_code == 410
    assert notifications.channel_for(member, MENTION) == Channel.EMAIL
    assert notifications.channel_for(other_member, MENTION) == Channel.EMAIL


def test_notification_email_carries_its_unsubscribe_link(
    member, other_member, django_capture_on_commit_callbacks
):
    from activity import services

    with django_capture_on_commit_callbacks(execute=True):
        services.post_create(author=other_member, body="Salut @Camille Laborde")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert "vous a mentionné" in message.body
    assert "/notifications/desabonnement/" in message.body
    assert message.extra_headers["List-Unsubscribe"].startswith("<http")
