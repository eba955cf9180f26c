import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def highlight(text, query):
    """Escape `text`, then wrap each word of `query` found in it in <mark>."""
    text = escape(text or "")
    words = sorted(
        {re.escape(escape(w)) for w in re.findall(r"\w{2,}", query or "")},
        key=len,
        reverse=True,
    )
    if not words:
        return mark_safe(text)
    pattern = re.compile(r"(" + "|".join(words) + r")", re.IGNORECASE)
    return mark_safe(pattern.sub(r"<mark>\1</mark>", text))
