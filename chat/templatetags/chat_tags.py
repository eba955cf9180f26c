from datetime import datetime, timedelta

from django import template
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from chat import text

register = template.Library()


@register.simple_tag
def chat_text(message):
    """A message's text as safe HTML (links and mentions only)."""
    return text.render(message.body, getattr(message, "names", {}))


@register.simple_tag
def chat_day(moment: datetime) -> str:
    """The day a message was written, as the date separators say it (« Aujourd'hui »,
    « Hier », « lundi 7 décembre », the year when it is not this one); the live
    page's script says it the same way (`static/js/chat.js`, `dayLabel`)."""
    day = timezone.localdate(moment)
    today = timezone.localdate()
    if day == today:
        return _("Today")
    if day == today - timedelta(days=1):
        return _("Yesterday")
    shape = "l j F" if day.year == today.year else "l j F Y"
    return formats.date_format(day, shape)
