"""Web Push (RFC 8030): notifications of the kinds a member chose « push » for go
to every device they turned it on for, encrypted for that device (RFC 8291) and
signed with the server's VAPID key (RFC 8292).

Sent after the notification is committed, one POST per device to its push
service; a failure is logged, never raised (the request that caused it goes on),
and a device the push service no longer knows (404, 410) is dropped. Without
VAPID keys in the settings, nothing is offered and nothing is sent.
"""

import base64
import binascii
import json
import logging
from urllib.parse import urlsplit

import requests
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from pywebpush import WebPushException, webpush

from activity.models import PushSubscription
from intranet.mail import absolute_url

log = logging.getLogger(__name__)

# How long a push service keeps a message for a device that is off (seconds).
TTL = 24 * 3600
TIMEOUT = 5
MAX_DEVICES = 20
# Connections to push services are reused (tests mount their fake one here).
session = requests.Session()


def enabled() -> bool:
    return bool(settings.VAPID_PUBLIC_KEY and settings.VAPID_PRIVATE_KEY)


def _b64(value: object, size: int) -> bytes:
    if not isinstance(value, str) or not value:
        raise ValueError
    try:
        raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
    except (binascii.Error, ValueError) as error:
        raise ValueError from error
    if len(raw) != size:
        raise ValueError
    return raw


def _cleaned(data: object) -> tuple[str, str, str]:
    """The endpoint and keys of a browser's `PushSubscription.toJSON()`."""
    if not isinstance(data, dict):
        raise ValidationError(_("This subscription is not valid."))
    endpoint = data.get("endpoint")
    keys = data.get("keys") if isinstance(data.get("keys"), dict) else {}
    errors = []
    parts = urlsplit(endpoint) if isinstance(endpoint, str) else None
    if (
        parts is None
        or parts.scheme != "https"
        or not parts.hostname
        or len(endpoint) > 1000
    ):
        errors.append(_("The push service address must be an https:// address."))
    try:
        if _b64(keys.get("p256dh"), 65)[0] != 4:
            raise ValueError
    except ValueError:
        errors.append(_("The device's public key (p256dh) is not valid."))
    try:
        _b64(keys.get("auth"), 16)
    except ValueError:
        errors.append(_("The device's authentication secret (auth) is not valid."))
    if errors:
        raise ValidationError(errors)
    return endpoint, keys["p256dh"], keys["auth"]


def device_label(user_agent: str) -> str:
    """« Firefox sur Android », from a User-Agent header."""
    browsers = [
        ("Edg/", "Edge"), ("OPR/", "Opera"), ("Firefox/", "Firefox"),
        ("Chromium/", "Chromium"), ("Chrome/", "Chrome"), ("Safari/", "Safari"),
    ]  # fmt: skip
    systems = [
        ("Android", "Android"), ("iPhone", "iPhone"), ("iPad", "iPad"),
        ("Windows", "Windows"), ("Mac OS", "macOS"), ("CrOS", "ChromeOS"),
        ("Linux", "Linux"),
    ]  # fmt: skip
    browser = next((name for key, name in browsers if key in user_agent), "")
    system = next((name for key, name in systems if key in user_agent), "")
    if browser and system:
        return _("%(browser)s on %(system)s") % {"browser": browser, "system": system}
    return browser or system or _("Unknown browser")


def subscribe(*, user, data: object, user_agent: str = "") -> PushSubscription:
    """Turn push on for the device `data` describes (a device passed on to another
    member now pushes to them only)."""
    if not enabled():
        raise ValidationError(_("Push notifications are not set up on this server."))
    endpoint, p256dh, auth = _cleaned(data)
    with transaction.atomic():
        known = PushSubscription.objects.filter(user=user).exclude(endpoint=endpoint)
        if known.count() >= MAX_DEVICES:
            raise ValidationError(
                ngettext(
                    "Push is already on for %(count)d device: remove it first.",
                    "Push is already on for %(count)d devices: remove one first.",
                    MAX_DEVICES,
                )
                % {"count": MAX_DEVICES}
            )
        subscription, _created = PushSubscription.objects.update_or_create(
            endpoint=endpoint,
            defaults={
                "user": user,
                "p256dh": p256dh,
                "auth": auth,
                "label": device_label(user_agent)[:100],
            },
        )
    return subscription


def unsubscribe(*, user, endpoint: str = "", pk: int | None = None) -> int:
    """Turn push off for one of the member's devices (never another member's)."""
    devices = PushSubscription.objects.filter(user=user)
    if pk is not None:
        devices = devices.filter(pk=pk)
    else:
        devices = devices.filter(endpoint=endpoint)
    return devices.delete()[0]


def devices_of(user) -> list[PushSubscription]:
    return list(PushSubscription.objects.filter(user=user).order_by("-created_at"))


def payload(notification) -> dict:
    return {
        "title": "Sohosolo",
        "body": notification.text,
        "url": absolute_url(notification.url or "/notifications/"),
        # A later push about the same notification (« 3 messages ») replaces it.
        "tag": f"notification-{notification.pk}",
    }


def send_notification(notification) -> None:
    """Push `notification` to its recipient's devices (after commit; never raises)."""
    if not enabled():
        return
    data = json.dumps(payload(notification))
    for subscription in PushSubscription.objects.filter(
        user_id=notification.recipient_id
    ):
        _send(subscription, data)


def _send(subscription: PushSubscription, data: str) -> None:
    endpoint = subscription.endpoint
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(endpoint))
    try:
        webpush(
            {
                "endpoint": endpoint,
                "keys": {"p256dh": subscription.p256dh, "auth": subscription.auth},
            },
            data=data,
            vapid_private_key=settings.VAPID_PRIVATE_KEY,
            vapid_claims={"sub": settings.VAPID_SUBJECT, "aud": origin},
            ttl=TTL,
            timeout=TIMEOUT,
            requests_session=session,
        )
    except WebPushException as error:
        status = getattr(error.response, "status_code", None)
        if status in (404, 410):
            # The device unsubscribed, or its browser was reset: gone for good.
            PushSubscription.objects.filter(pk=subscription.pk).delete()
            log.info(
                "push subscription %s expired (%s): dropped", subscription.pk, status
            )
        else:
            log.warning("push to subscription %s failed: %s", subscription.pk, error)
        return
    except Exception:
        log.exception("push to subscription %s failed", subscription.pk)
        return
    PushSubscription.objects.filter(pk=subscription.pk).update(
        last_success=timezone.now()
    )
