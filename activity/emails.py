"""E-mails of the notification centre: one notification at once, or the digest.

Each carries a signed link that stops that kind of e-mail without logging in, also
offered to mail clients as a one-click `List-Unsubscribe` (RFC 8058).
"""

from django.core import signing

from intranet import membertext
from intranet.links import reverse
from intranet.mail import absolute_url, send_templated_mail

UNSUBSCRIBE_SALT = "activity.unsubscribe"
UNSUBSCRIBE_MAX_AGE = 90 * 24 * 3600
DIGEST = "digest"  # the "kind" of a link that stops the digest itself
EXCERPT = 300  # characters of what was said, in an e-mail


def unsubscribe_url(user, kind: str) -> str:
    token = signing.dumps({"u": user.pk, "k": kind}, salt=UNSUBSCRIBE_SALT)
    return absolute_url(reverse("activity:unsubscribe", args=[token]))


def read_unsubscribe_token(token: str) -> tuple[int, str]:
    """The member and kind a link names; raises `signing.BadSignature` (or its
    subclass `SignatureExpired`) when it was tampered with or is too old."""
    data = signing.loads(token, salt=UNSUBSCRIBE_SALT, max_age=UNSUBSCRIBE_MAX_AGE)
    return int(data["u"]), str(data["k"])


def _headers(url: str) -> dict:
    return {
        "List-Unsubscribe": f"<{url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def excerpts(notifications) -> None:
    """Give each notification its `quote`: what was said, as plain words (an
    e-mail's links would not reach a profile), mentions as names, in one query."""
    notifications = list(notifications)
    names = membertext.names_for(n.excerpt for n in notifications)
    for notification in notifications:
        notification.quote = membertext.excerpt(notification.excerpt, names, EXCERPT)


def send_notification(notification) -> None:
    recipient = notification.recipient
    unsubscribe = unsubscribe_url(recipient, notification.kind)
    excerpts([notification])
    send_templated_mail(
        "activity/email/notification",
        to=[recipient.email],
        context={
            "notification": notification,
            "url": absolute_url(notification.url or "/"),
            "unsubscribe_url": unsubscribe,
        },
        language=recipient.language,
        headers=_headers(unsubscribe),
    )


def send_digest(user, sections, frequency: str) -> None:
    """`sections`: (kind, notifications, unsubscribe link) for each kind."""
    unsubscribe = unsubscribe_url(user, DIGEST)
    excerpts(item for _kind, items, _url in sections for item in items)
    send_templated_mail(
        "activity/email/digest",
        to=[user.email],
        context={
            "user": user,
            "sections": sections,
            "frequency": frequency,
            "count": sum(len(items) for _kind, items, _url in sections),
            "notifications_url": absolute_url(reverse("activity:list")),
            "unsubscribe_url": unsubscribe,
        },
        language=user.language,
        headers=_headers(unsubscribe),
    )
