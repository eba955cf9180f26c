"""Chat messages are plain text: escaped, links made clickable, @mentions linked."""

import re
import unicodedata

from django.utils.html import urlize
from django.utils.safestring import SafeString, mark_safe

from activity.mentions import TOKEN
from intranet import membertext


def render(body: str, names: dict) -> SafeString:
    """`body` as safe HTML: nothing of it is markup but the links made here."""

    def mention(match: re.Match) -> str:
        # As everywhere members' text is shown (`intranet.membertext`).
        return membertext.mention_html(names.get(int(match.group(1))))

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
