"""Kinds of notifications. Each app registers the kinds it raises, with the
channel a member gets until they choose another; `activity.notifications` stores
and sends them."""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    SITE = "site", _("In the site only")
    EMAIL = "email", _("By e-mail at once")
    # Web Push to the devices the member turned it on for (kept in the site too);
    # offered only when the server has its VAPID keys (`activity.push`).
    PUSH = "push", _("By push on my devices")
    DIGEST = "digest", _("In the e-mail digest")
    OFF = "off", _("Off")


@dataclass(frozen=True)
class Kind:
    key: str
    label: str  # lazily translated, shown on the preferences page
    default: str = Channel.SITE


KINDS: dict[str, Kind] = {}


def register(kind: Kind) -> None:
    KINDS[kind.key] = kind
