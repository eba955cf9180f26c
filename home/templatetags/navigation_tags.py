from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from home.selectors import header_counts, section_urls
from members import selectors
from welcome import selectors as welcome_selectors

register = template.Library()


@register.inclusion_tag("tags/main_nav.html", takes_context=True)
def main_nav(context):
    """The main navigation; each app adds its entry here when it lands."""
    request = context["request"]
    entries = [(_("Home"), "/")]
    urls = section_urls(request)
    labels = (
        ("news", _("News")),
        ("agenda", _("Agenda")),
        ("committees", _("Committees")),
    )
    for key, label in labels:
        if urls.get(key):
            entries.append((label, urls[key]))
    entries.append((_("Forums"), reverse("forums:categories")))
    entries.append((_("Chat"), reverse("chat:index")))
    entries.append((_("Directory"), reverse("members:directory")))
    entries.append((_("Search"), reverse("home:search")))
    if welcome_selectors.has_projects(request):
        entries.append((_("Newcomers"), reverse("welcome:index")))
    if selectors.can_invite_somewhere(user=request.user):
        entries.append((_("Invite"), reverse("members:invitation_list")))
    path = request.path
    # The entry whose address is the longest start of the current path is current.
    matches = [url for _label, url in entries if url == path or (
        url != "/" and path.startswith(url))]  # fmt: skip
    current = max(matches, key=len, default=None)
    chat_url = reverse("chat:index")
    return {
        "entries": [
            {"label": label, "url": url, "current": url == current,
             "chat": url == chat_url}
            for label, url in entries
        ],
        "chat_unread": header_counts(request)["messages"],
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
