"""Chat messages are plain text: escaped, links made clickable, @mentions linked."""

import re
import unicodedata

from django.urls import reverse
from django.utils.html import format_html, urlize
from django.utils.safestring import SafeString, mark_safe

from activity.mentions import TOKEN


def render(body: str, names: dict) -> SafeString:
    """`body` as safe HTML: nothing of it is markup but the links made here."""

    def mention(match: re.Match) -> str:
        user = names.get(int(match.group(1)))
        if user is None:
            return "@"
        return format_html(
            '<a class="mention" href="{}">@{}</a>',
            reverse("members:profile_detail", args=[user.pk]),
            str(user),
        )

    linked = urlize(body, nofollow=True, autoescape=True)
    return mark_safe(TOKEN.sub(mention, linked).replace("\n", "<br>"))


# What unaccent's rules spell out that Unicode's decomposition keeps whole.
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "ł": "l"})


def fold(text: str | None) -> str | None:
    """`text` in lower case without accents, for search (as PostgreSQL's
    `chat_fold`, migration 0009)."""
    if text is None:
        return None
    text = unicodedata.normalize("NFKD", text.lower().translate(_LIGATURES))
    return "".join(c for c in text if not unicodedata.combining(c))
