import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def highlight(text, query):
    """Wrap each word of `query` found in `text` in <mark>, escaping everything."""
    text = str(text or "")
    words = sorted(
        {re.escape(word) for word in re.findall(r"\w{2,}", query or "")},
        key=len,
        reverse=True,
    )
    if not words:
        return escape(text)
    # Split the raw text, then escape each piece: a match never cuts an entity.
    pieces = re.split("(" + "|".join(words) + ")", text, flags=re.IGNORECASE)
    return mark_safe(
        "".join(
            f"<mark>{escape(piece)}</mark>" if index % 2 else escape(piece)
            for index, piece in enumerate(pieces)
        )
    )
