import functools

from django import template
from django.conf import settings
from django.core.files.storage import default_storage
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from intranet.links import reverse
from intranet.shell import header, menu

register = template.Library()


_NAV = (
    '<nav class="main-nav" aria-label="{label}"> <details class="main-nav__menu" '
    'data-menu> <summary class="main-nav__toggle"> {icons} <span>{menu}</span> '
    "{current} {badges} </summary> <ul> {items} </ul> </details> </nav>"
)
_ICONS = mark_safe(  # noqa: S308  # constant markup
    '<svg class="main-nav__icon" aria-hidden="true" focusable="false" width="20" '
    'height="20" viewBox="0 0 20 20"><path fill="currentColor" '
    'd="M2 4h16v2H2zm0 5h16v2H2zm0 5h16v2H2z"/></svg> '
    '<svg class="main-nav__icon main-nav__icon--close" aria-hidden="true" '
    'focusable="false" width="20" height="20" viewBox="0 0 20 20"><path '
    'fill="currentColor" d="M4.2 2.8 10 8.6l5.8-5.8 1.4 1.4-5.8 5.8 5.8 5.8-1.4 '
    '1.4-5.8-5.8-5.8 5.8-1.4-1.4 5.8-5.8-5.8-5.8z"/></svg>'
)
_BADGE = (
    '<span class="nav-count" {}{}><span class="count">{}</span>'
    '<span class="visually-hidden"> {}</span></span>'
)


@register.simple_tag(takes_context=True)
def main_nav(context) -> str:
    """The main navigation: the entries the apps register (`intranet.shell.menu`),
    the current one marked, with their counters. Written here rather than by a
    template: every page has it."""
    request = context["request"]
    shown = menu.entries_for(request)
    path = request.path
    # The entry whose address is the longest start of the current path is current.
    matches = [url for _entry, url in shown if url == path or (
        url != "/" and path.startswith(url))]  # fmt: skip
    current = max(matches, key=len, default=None)
    counts = header.counts(request) if any(e.badge for e, _url in shown) else {}
    badges, items = [], []
    for entry, url in shown:
        badge = ""
        if entry.badge:
            count = counts.get(entry.badge, 0)
            hidden = "" if count else " hidden"
            badge = format_html(
                _BADGE, entry.badge_hook, hidden, count, entry.badge_label
            )
            badges.append(badge)
        items.append(
            format_html(
                '<li><a href="{}"{}>{}{}</a></li>',
                url,
                mark_safe(' aria-current="page"') if url == current else "",
                entry.label,
                format_html(" {}", badge) if badge else "",
            )
        )
    # Named on the phone's menu button, so that one knows where one is.
    label = next((entry.label for entry, url in shown if url == current), "")
    return format_html(
        _NAV,
        label=_("Main navigation"),
        icons=_ICONS,
        menu=_("Menu"),
        current=format_html(
            '<span class="main-nav__current" aria-hidden="true">{}</span>', label
        )
        if label
        else "",
        badges=mark_safe("".join(badges)),  # noqa: S308  # each by format_html
        items=mark_safe(" ".join(items)),  # noqa: S308  # each by format_html
    )


@register.simple_tag(takes_context=True)
def language_switch(context) -> str:
    """A button for each language, each named in its own language."""
    request = context["request"]
    return format_html(
        '<form class="lang-switch" action="{}" method="post"> <input type="hidden" '
        'name="csrfmiddlewaretoken" value="{}"> <input type="hidden" name="next" '
        'value="{}"> {} </form>',
        reverse("language_set"),
        context.get("csrf_token") or "",
        request.get_full_path(),
        _language_buttons(request.LANGUAGE_CODE),
    )


@functools.lru_cache(maxsize=16)
def _language_buttons(current: str) -> str:
    buttons = []
    for code, name in settings.LANGUAGES:
        with translation.override(code):
            buttons.append(
                format_html(
                    '<button type="submit" name="language" value="{}" lang="{}" '
                    'aria-pressed="{}" title="{}"> <span aria-hidden="true">{}</span>'
                    '<span class="visually-hidden">{}</span> </button>',
                    code,
                    code,
                    "true" if code == current else "false",
                    _("Display the site in this language"),
                    code.upper(),
                    name,
                )
            )
    return mark_safe(" ".join(buttons))  # noqa: S308  # each by format_html


@register.inclusion_tag("tags/header_avatar.html", takes_context=True)
def header_avatar(context):
    """The member's photo in the header (read with the header's counters), or
    their initials."""
    request = context["request"]
    photo = header.counts(request).get("photo") or ""
    return {
        "user": request.user,
        "photo_url": default_storage.url(photo) if photo else "",
    }
