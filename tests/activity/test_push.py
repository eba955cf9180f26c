"""Web Push: devices subscribe over HTTP, and notifications of the kinds a member
set to « push » reach a fake push service that checks what a real one would: the
VAPID signature (RFC 8292) and a payload only the device can decrypt (RFC 8291)."""

import base64
import json
import time

import http_ece
import pytest
import requests
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from activity import push
from activity import services as feed
from activity.management.commands.vapid_keys import new_pair
from activity.models import Notification, PushSubscription
from activity.notices import MENTION
from chat import services as chat
from chat.notices import DIRECT_MESSAGE
from events import services as events
from events.notices import PROMOTED
from intranet.mail import absolute_url
from intranet.shell.notices import Channel
from intranet.shell.personal_data import ERASERS, EXPORTERS
from tests.factories import EventPageFactory, UserFactory

SERVICE = "https://push.example.test"
SUBSCRIBE = reverse("activity:push_subscribe")
UNSUBSCRIBE = reverse("activity:push_unsubscribe")
PREFERENCES = reverse("activity:preferences")


def b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class Device:
    """A browser's side of a subscription: its own key pair and secret."""

    def __init__(self, name: str):
        self.key = ec.generate_private_key(ec.SECP256R1())
        self.auth = b"0123456789abcdef"
        self.endpoint = f"{SERVICE}/send/{name}"
        public = self.key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
        self.json = {
            "endpoint": self.endpoint,
            "expirationTime": None,
            "keys": {"p256dh": b64(public), "auth": b64(self.auth)},
        }


class FakePushService(requests.adapters.BaseAdapter):
    """Takes the POSTs to SERVICE as a push service would, refusing any without a
    valid VAPID signature for our key, and decrypts them as the device would."""

    def __init__(self, settings):
        super().__init__()
        self.settings = settings
        self.devices: dict[str, Device] = {}
        self.status: dict[str, int] = {}
        self.received: list[tuple[str, dict]] = []

    def add(self, device: Device) -> Device:
        self.devices[device.endpoint] = device
        return device

    def check_vapid(self, request) -> None:
        scheme, _space, params = request.headers["Authorization"].partition(" ")
        assert scheme == "vapid"
        fields = dict(part.strip().split("=", 1) for part in params.split(","))
        assert fields["k"] == self.settings.VAPID_PUBLIC_KEY
        header, claims, signature = fields["t"].split(".")
        assert json.loads(unb64(header)) == {"typ": "JWT", "alg": "ES256"}
        raw = unb64(signature)
        public = ec.EllipticCurvePublicKey.from_encoded_point(
            ec.SECP256R1(), unb64(fields["k"])
        )
        public.verify(
            encode_dss_signature(
                int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big")
            ),
            f"{header}.{claims}".encode(),
            ec.ECDSA(hashes.SHA256()),
        )  # raises InvalidSignature
        claims = json.loads(unb64(claims))
        assert claims["aud"] == SERVICE
        assert time.time() < claims["exp"] <= time.time() + 24 * 3600
        assert claims["sub"] == self.settings.VAPID_SUBJECT

    def send(self, request, **kwargs):
        response = requests.Response()
        response.request, response.url = request, request.url
        try:
            self.check_vapid(request)
        except (AssertionError, KeyError, ValueError, InvalidSignature):
            response.status_code = 403
            return response
        device = self.devices.get(request.url)
        status = self.status.get(request.url, 201 if device else 404)
        if device and status == 201:
            assert request.headers["Content-Encoding"] == "aes128gcm"
            assert int(request.headers["TTL"]) > 0
            clear = http_ece.decrypt(
                request.body,
                private_key=device.key,
                auth_secret=device.auth,
                version="aes128gcm",
            )
            self.received.append((request.url, json.loads(clear)))
        response.status_code = status
        response._content = b""
        return response

    def close(self):
        pass


@pytest.fixture
def vapid(settings):
    settings.VAPID_PUBLIC_KEY, settings.VAPID_PRIVATE_KEY = new_pair()
    settings.VAPID_SUBJECT = "mailto:admin@sohosolo.test"
    return settings


@pytest.fixture
def service(vapid, monkeypatch):
    fake = FakePushService(vapid)
    session = requests.Session()
    session.mount(SERVICE, fake)
    monkeypatch.setattr(push, "session", session)
    return fake


def subscribed(user, service, name="phone") -> Device:
    device = service.add(Device(f"{user.pk}-{name}"))
    push.subscribe(
        user=user, data=device.json, user_agent="Mozilla/5.0 (Android 14) Firefox/130.0"
    )
    return device


def choose(user, kind, channel=Channel.PUSH):
    from activity import notifications

    notifications.preference_set(user=user, kind=kind, channel=channel)


# --- Subscribing over HTTP ----------------------------------------------------------


def test_a_device_subscribes_with_csrf_and_is_listed(vapid, member, password):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    page = client.get(PREFERENCES)
    token = str(page.context["csrf_token"])
    device = Device("one")
    refused = client.post(SUBSCRIBE, device.json, content_type="application/json")
    assert refused.status_code == 403 and not PushSubscription.objects.exists()
    response = client.post(
        SUBSCRIBE,
        device.json,
        content_type="application/json",
        headers={
            "X-CSRFToken": token,
            "User-Agent": "Mozilla/5.0 (Linux; Android 14) Chrome/130.0 Mobile",
        },
    )
    assert response.status_code == 201
    subscription = PushSubscription.objects.get()
    assert subscription.user == member and subscription.endpoint == device.endpoint
    assert subscription.label == "Chrome sur Android"
    page = client.get(PREFERENCES).content.decode()
    assert "Chrome sur Android" in page and 'value="push"' in page


@pytest.mark.parametrize(
    ("change", "error"),
    [
        ({"endpoint": "http://push.example.test/x"}, "https://"),
        ({"endpoint": "javascript:alert(1)"}, "https://"),
        ({"keys": {"p256dh": "AAAA", "auth": b64(b"0123456789abcdef")}}, "p256dh"),
        ({"keys": {"p256dh": b64(b"\x04" + b"1" * 64), "auth": "c2hvcnQ"}}, "auth"),
        ({"keys": None}, "p256dh"),
    ],
)
def test_bad_subscriptions_are_refused_in_french(vapid, client_member, change, error):
    data = {**Device("x").json, **change}
    response = client_member.post(SUBSCRIBE, data, content_type="application/json")
    assert response.status_code == 400
    errors = " ".join(response.json()["errors"])
    assert error in errors and ("n'est pas valide" in errors or "adresse" in errors)
    assert not PushSubscription.objects.exists()


def test_not_json_is_refused(vapid, client_member):
    response = client_member.post(SUBSCRIBE, "{oops", content_type="application/json")
    assert response.status_code == 400
    assert response.json()["errors"] == ["Cet abonnement n'est pas valide."]


def test_without_vapid_keys_push_is_neither_offered_nor_taken(client_member, member):
    page = client_member.get(PREFERENCES).content.decode()
    assert 'value="push"' not in page and "push-here" not in page
    response = client_member.post(
        SUBSCRIBE, Device("x").json, content_type="application/json"
    )
    assert response.status_code == 400 and not PushSubscription.objects.exists()
    client_member.post(PREFERENCES, {MENTION: "push"})
    from activity.notifications import channel_for

    assert channel_for(member, MENTION) == Channel.EMAIL  # unchanged


def test_the_push_choice_is_saved_per_kind(vapid, client_member, member):
    from activity.notifications import channel_for

    client_member.post(PREFERENCES, {MENTION: "push", DIRECT_MESSAGE: "push"})
    assert channel_for(member, MENTION) == Channel.PUSH
    assert channel_for(member, DIRECT_MESSAGE) == Channel.PUSH


def test_unsubscribe_this_device_or_one_in_the_list_never_anothers(
    service, client_member, member, other_member
):
    mine, other, theirs = (
        subscribed(member, service, "a"),
        subscribed(member, service, "b"),
        subscribed(other_member, service),
    )
    response = client_member.post(
        UNSUBSCRIBE, {"endpoint": theirs.endpoint}, content_type="application/json"
    )
    assert response.status_code == 200
    assert PushSubscription.objects.filter(endpoint=theirs.endpoint).exists()
    client_member.post(
        UNSUBSCRIBE, {"endpoint": mine.endpoint}, content_type="application/json"
    )
    assert not PushSubscription.objects.filter(endpoint=mine.endpoint).exists()
    theirs_pk = PushSubscription.objects.get(endpoint=theirs.endpoint).pk
    client_member.post(UNSUBSCRIBE, {"device": theirs_pk})
    assert PushSubscription.objects.filter(pk=theirs_pk).exists()
    other_pk = PushSubscription.objects.get(endpoint=other.endpoint).pk
    response = client_member.post(UNSUBSCRIBE, {"device": other_pk}, follow=True)
    assert not PushSubscription.objects.filter(pk=other_pk).exists()
    assert "désactivées pour cet appareil" in response.content.decode()
    bad = client_member.post(UNSUBSCRIBE, "[]", content_type="application/json")
    assert bad.status_code == 400


def test_a_device_passed_on_pushes_to_its_new_member_only(
    service, member, other_member
):
    device = subscribed(member, service)
    push.subscribe(user=other_member, data=device.json)
    assert PushSubscription.objects.get().user == other_member


# --- Sending --------------------------------------------------------------------------


def test_a_mention_arrives_as_push_on_each_device(
    service, member, other_member, django_capture_on_commit_callbacks
):
    phone, laptop = subscribed(member, service), subscribed(member, service, "laptop")
    choose(member, MENTION)
    with django_capture_on_commit_callbacks(execute=True):
        post = feed.post_create(author=other_member, body="Bonjour @Camille Laborde !")
    assert sorted(url for url, _message in service.received) == sorted(
        [phone.endpoint, laptop.endpoint]
    )
    message = service.received[0][1]
    notification = Notification.objects.get(recipient=member, kind=MENTION)
    assert message == {
        "title": "Sohosolo",
        "body": "Bastien Dupouy vous a mentionné dans une publication.",
        "url": absolute_url(post.get_absolute_url()),
        "tag": f"notification-{notification.pk}",
    }
    assert notification.channel == Channel.PUSH  # kept in the bell too
    assert PushSubscription.objects.filter(last_success__isnull=False).count() == 2


def test_a_direct_message_arrives_as_push(
    service, member, other_member, django_capture_on_commit_callbacks
):
    subscribed(member, service)
    choose(member, DIRECT_MESSAGE)
    room = chat.conversation_for(user=other_member, others=[member])
    with django_capture_on_commit_callbacks(execute=True):
        first = chat.message_post(
            room=room, author=other_member, body="Tu viens ce soir ?"
        )
    with django_capture_on_commit_callbacks(execute=True):
        chat.message_post(room=room, author=other_member, body="Réponds-moi !")
    bodies = [message["body"] for _url, message in service.received]
    assert bodies == [
        "Bastien Dupouy vous a envoyé un message.",
        "2 nouveaux messages, le dernier envoyé par Bastien Dupouy.",
    ]
    # The second replaces the first on the device.
    assert service.received[0][1]["tag"] == service.received[1][1]["tag"]
    assert service.received[0][1]["url"] == absolute_url(
        f"{room.get_absolute_url()}#message-{first.pk}"
    )


def test_direct_messages_are_not_told_by_default_nor_to_the_author(
    service, member, other_member, django_capture_on_commit_callbacks
):
    subscribed(member, service)
    subscribed(other_member, service)
    choose(other_member, DIRECT_MESSAGE)
    room = chat.conversation_for(user=other_member, others=[member])
    with django_capture_on_commit_callbacks(execute=True):
        chat.message_post(room=room, author=other_member, body="Bonsoir")
    assert service.received == []
    assert not Notification.objects.filter(kind=DIRECT_MESSAGE).exists()


def test_a_meetup_promotion_arrives_as_push(
    service, member, django_capture_on_commit_callbacks
):
    event = EventPageFactory(capacity=1, guests_allowed=0)
    holder = UserFactory()
    events.rsvp_set(event=event, user=holder, going=True, guests=0)
    events.rsvp_set(event=event, user=member, going=True, guests=0)
    subscribed(member, service)
    choose(member, PROMOTED)
    with django_capture_on_commit_callbacks(execute=True):
        events.rsvp_set(event=event, user=holder, going=False, guests=0)
    [(_url, message)] = service.received
    assert event.title in message["body"] and "place" in message["body"]


def test_no_push_when_the_kind_is_not_set_to_push(
    service, member, other_member, django_capture_on_commit_callbacks
):
    subscribed(member, service)
    for channel in (Channel.EMAIL, Channel.SITE, Channel.DIGEST, Channel.OFF):
        choose(member, MENTION, channel)
        with django_capture_on_commit_callbacks(execute=True):
            feed.post_create(author=other_member, body="Salut @Camille Laborde")
    assert service.received == []


def test_no_push_without_vapid_keys(
    service, settings, member, other_member, django_capture_on_commit_callbacks
):
    subscribed(member, service)
    choose(member, MENTION)
    settings.VAPID_PRIVATE_KEY = ""
    with django_capture_on_commit_callbacks(execute=True):
        feed.post_create(author=other_member, body="Salut @Camille Laborde")
    assert service.received == []
    assert Notification.objects.filter(recipient=member).exists()


def test_an_expired_subscription_is_dropped_and_others_still_get_it(
    service, member, other_member, django_capture_on_commit_callbacks
):
    gone, kept = subscribed(member, service, "gone"), subscribed(member, service)
    unknown = subscribed(member, service, "unknown")
    service.status[gone.endpoint] = 410
    service.status[unknown.endpoint] = 404
    choose(member, MENTION)
    with django_capture_on_commit_callbacks(execute=True):
        feed.post_create(author=other_member, body="Salut @Camille Laborde")
    assert list(PushSubscription.objects.values_list("endpoint", flat=True)) == [
        kept.endpoint
    ]
    assert [url for url, _message in service.received] == [kept.endpoint]


def test_a_failing_push_service_never_fails_the_request(
    service, client, member, other_member, caplog, django_capture_on_commit_callbacks
):
    device = subscribed(member, service)
    service.status[device.endpoint] = 503
    choose(member, MENTION)
    client.force_login(other_member)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("activity:post_create"), {"body": "Salut @Camille Laborde"}
        )
    assert response.status_code == 302
    assert PushSubscription.objects.filter(endpoint=device.endpoint).exists()
    assert "push to subscription" in caplog.text


def test_a_signature_with_another_key_is_refused_by_the_service(
    service, settings, member, other_member, django_capture_on_commit_callbacks
):
    """The fake service is not a yes-man: a key pair not ours fails its check."""
    subscribed(member, service)
    choose(member, MENTION)
    settings.VAPID_PRIVATE_KEY = new_pair()[1]
    with django_capture_on_commit_callbacks(execute=True):
        feed.post_create(author=other_member, body="Salut @Camille Laborde")
    assert service.received == []
    assert PushSubscription.objects.filter(last_success__isnull=True).exists()


# --- Keys and personal data -----------------------------------------------------------


def test_the_key_command_prints_a_working_pair(capsys):
    call_command("vapid_keys")
    lines = dict(line.split("=", 1) for line in capsys.readouterr().out.split())
    public = unb64(lines["DJANGO_VAPID_PUBLIC_KEY"])
    assert len(public) == 65 and public[0] == 4
    assert len(unb64(lines["DJANGO_VAPID_PRIVATE_KEY"])) == 32


def test_devices_are_exported_and_erased(service, member, other_member):
    subscribed(member, service)
    subscribed(other_member, service)
    exported = EXPORTERS["notifications"](member)
    [device] = exported["push_devices"]
    assert device["device"] == "Firefox sur Android"
    assert device["push_service"].startswith(SERVICE)
    for erase in ERASERS:
        erase(member)
    assert list(PushSubscription.objects.values_list("user", flat=True)) == [
        other_member.pk
    ]
