"""Chat messages are plain text: escaped, links made clickable, @mentions linked."""

import re
import unicodedata

from django.utils.html import escape, urlize
from django.utils.safestring import SafeString, mark_safe

from activity.mentions import TOKEN
from intranet import membertext

# What Django's `urlize` needs to find in a word to make it a link: a scheme,
# « www. », a name ending in one of its few domains (`simple_url_2_re`), an « @ »
# (an address). A text with none of them is only escaped by it: escaped here at
# once, without urlize's word-by-word work (most messages of a room).
_MAYBE_LINK = re.compile(
    r"://|www\.|@|\.(?:com|edu|gov|int|mil|net|org)\b", re.IGNORECASE
)


def render(body: str, names: dict) -> SafeString:
    """`body` as safe HTML: nothing of it is markup but the links made here."""

    def mention(match: re.Match) -> str:
        # As everywhere members' text is shown (`intranet.membertext`).
        return membertext.mention_html(names.get(int(match.group(1))))

    if not _MAYBE_LINK.search(body):
        return mark_safe(escape(body).replace("\n", "<br>"))
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
