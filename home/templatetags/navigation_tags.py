from django import template
from django.conf import settings
from django.core.files.storage import default_storage

from intranet.shell import header, menu

register = template.Library()


@register.inclusion_tag("tags/main_nav.html", takes_context=True)
def main_nav(context):
    """The main navigation: the entries the apps register (`intranet.shell.menu`)."""
    request = context["request"]
    shown = menu.entries_for(request)
    path = request.path
    # The entry whose address is the longest start of the current path is current.
    matches = [url for _entry, url in shown if url == path or (
        url != "/" and path.startswith(url))]  # fmt: skip
    current = max(matches, key=len, default=None)
    counts = header.counts(request) if any(e.badge for e, _url in shown) else {}
    return {
        # Named on the phone's menu button, so that one knows where one is.
        "current_label": next(
            (entry.label for entry, url in shown if url == current), ""
        ),
        "entries": [
            {"label": entry.label, "url": url, "current": url == current,
             "badge": entry.badge, "badge_label": entry.badge_label,
             "badge_hook": entry.badge_hook, "count": counts.get(entry.badge, 0)}
            for entry, url in shown
        ],
    }  # fmt: skip


@register.inclusion_tag("tags/language_switch.html", takes_context=True)
def language_switch(context):
    request = context["request"]
    return {
        "languages": settings.LANGUAGES,
        "current": request.LANGUAGE_CODE,
        "next": request.get_full_path(),
        "csrf_token": context.get("csrf_token"),
    }


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
