"""What every page uses to show text: members' text through the one renderer
(`intranet.membertext`), relative times, French elision before a name, a member's
avatar."""

from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any

from django import template
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.timesince import timesince
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from intranet import membertext, text

register = template.Library()


@register.simple_tag
def avatar(user: Any, size: int = 40) -> str:
    """The member's photo, or their initials on a coloured disc (HTML made here
    rather than by a template of its own: a page shows dozens of them)."""
    profile = getattr(user, "profile", None)
    photo = profile.photo_thumbnail if profile is not None else None
    if photo:
        return format_html(
            '<img class="avatar avatar--photo" src="{}" alt="" width="{}" '
            'height="{}" loading="lazy">',
            photo.url,
            size,
            size,
        )
    return format_html(
        '<span class="avatar" aria-hidden="true">{}</span>', user.initials
    )


@register.filter
def excerpt(obj: Any, length: int | str = membertext.EXCERPT_LENGTH) -> str:
    """`{{ comment|excerpt:140 }}`: the start of what a member wrote (`obj.body`,
    or `obj` itself if it is text), mentions as names, cut on a word. Plain text,
    for where a link cannot be (inside a link, a title). Names come from
    `obj.names` (`membertext.attach_names`) or one query when it mentions someone."""
    body = obj if isinstance(obj, str) else getattr(obj, "body", "")
    return membertext.excerpt(body, membertext.names_of(obj, body), int(length))


@register.filter
def excerpt_html(obj: Any, length: int | str = membertext.EXCERPT_LENGTH) -> str:
    """As `excerpt`, with each mention linked to the member's profile."""
    body = obj if isinstance(obj, str) else getattr(obj, "body", "")
    return membertext.excerpt_html(body, membertext.names_of(obj, body), int(length))


@register.filter
def words(value: Any, length: int | str = membertext.EXCERPT_LENGTH) -> str:
    """Text cut on a word at `length` characters, with an ellipsis."""
    return membertext.cut(" ".join(str(value or "").split()), int(length))


@register.filter(is_safe=True)
def elide(value: str) -> str:
    """`{% filter elide %}…{% endfilter %}`: « de Édith » → « d'Édith » in French
    (`intranet.text.elide`), for every phrase where a name follows « de »/« que »."""
    return text.elide(value)


@register.filter
def ago(moment: datetime | None) -> str:
    """« à l'instant » under a minute, « il y a 3 heures » for the last week, then
    the date, in a <time> element."""
    if not moment:
        return ""
    now = timezone.now()
    if now - moment < timedelta(minutes=1):
        shown = _("just now")
    elif now - moment < timedelta(days=7):
        shown = _minutes_ago((now - moment) // timedelta(minutes=1), get_language())
    elif timezone.localtime(moment).year == timezone.localtime(now).year:
        shown = _formatted(moment, "j F", *_locale())
    else:
        shown = _formatted(moment, "j F Y", *_locale())
    return format_html(
        '<time datetime="{}" title="{}">{}</time>',
        moment.isoformat(),
        _formatted(moment, "DATETIME_FORMAT", *_locale()),
        shown,
    )


@lru_cache(maxsize=2 * 7 * 24 * 60)
def _minutes_ago(minutes: int, _language: str | None) -> str:
    """« il y a 3 heures »: under a week, Django's `timesince` (one unit) depends
    only on the whole minutes between the two moments, and the language."""
    start = datetime(2001, 1, 1)  # noqa: DTZ001  # a span, in no time zone
    return _("%(ago)s ago") % {
        "ago": timesince(start, start + timedelta(minutes=minutes), depth=1)
    }


def _locale() -> tuple[str | None, str]:
    return get_language(), timezone.get_current_timezone_name()


@lru_cache(maxsize=4096)
def _formatted(moment: datetime, pattern: str, language: str | None, zone: str) -> str:
    """A moment's date in the current language and time zone (the key's last two
    parts): the same entries come back page after page, and Django's formatting,
    character by character through the translations, is a page's costliest tag."""
    return formats.date_format(timezone.localtime(moment), pattern)
