"""@mentions in posts and comments.

Members write "@Prénom Nom" (the composer suggests names); the text is stored with
"@[id]" in its place, so that a renamed or erased member is shown as they are now,
and their name never stays in someone else's text. Rendering (`intranet.membertext`,
the one renderer of members' text) turns each "@[id]" back into the member's name,
linked to their profile where the page allows a link.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.safestring import SafeString

from intranet import membertext

if TYPE_CHECKING:
    from members.models import User

TOKEN = membertext.TOKEN
WORD = r"[^\W\d_][\w'’-]*"
WRITTEN = re.compile(rf"(?<![\w@])@({WORD}(?: {WORD}){{1,3}})")
MAX_MENTIONS = 20


def _full_name(user: User) -> str:
    return f"{user.first_name} {user.last_name}".casefold()


def encode(text: str) -> str:
    """Replace each "@Prénom Nom" naming exactly one active member with "@[id]"."""
    matches = list(WRITTEN.finditer(text))
    if not matches:
        return text
    first_names = Q()
    for name in {m.group(1).split(" ")[0] for m in matches[:MAX_MENTIONS]}:
        first_names |= Q(first_name__iexact=name)
    by_name: dict[str, list[User]] = {}
    for user in (
        get_user_model()
        .objects.filter(first_names, is_active=True)
        .only("pk", "first_name", "last_name")
    ):
        by_name.setdefault(_full_name(user), []).append(user)

    def replace(match: re.Match) -> str:
        words = match.group(1).split(" ")
        for count in range(len(words), 1, -1):
            written = " ".join(words[:count])
            users = by_name.get(written.casefold(), [])
            if len(users) == 1:
                rest = match.group(1)[len(written) :]
                return f"@[{users[0].pk}]{rest}"
        return match.group(0)

    return WRITTEN.sub(replace, text)


# Reading mentions back is the one renderer's job (`intranet.membertext`).
mentioned_ids = membertext.mentioned_ids
names_for = membertext.names_for


def decode(text: str, users: dict[int, User]) -> str:
    """The text as its author writes it, for the edit form."""
    return membertext.mention_text(text, users)


def render(text: str, users: dict[int, User]) -> SafeString:
    """Markdown to safe HTML, with each mention linked to its member's profile."""
    return membertext.to_html(text, users)
