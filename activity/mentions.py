"""@mentions in posts and comments.

Members write "@Prénom Nom" (the composer suggests names); the text is stored with
"@[id]" in its place, so that a renamed or erased member is shown as they are now,
and their name never stays in someone else's text. Rendering turns each "@[id]" back
into a link to the member's profile.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from intranet.markdown import render_markdown

if TYPE_CHECKING:
    from members.models import User

TOKEN = re.compile(r"@\[(\d{1,10})\]")
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


def mentioned_ids(text: str) -> set[int]:
    return {int(pk) for pk in TOKEN.findall(text or "")}


def names_for(texts) -> dict[int, User]:
    """The members mentioned in any of `texts`, in one query."""
    ids = set().union(*(mentioned_ids(text) for text in texts)) if texts else set()
    return {u.pk: u for u in get_user_model().objects.filter(pk__in=ids)} if ids else {}


def decode(text: str, users: dict[int, User]) -> str:
    """The text as its author writes it, for the edit form."""
    return TOKEN.sub(
        lambda m: f"@{users[int(m.group(1))]}" if int(m.group(1)) in users else "@",
        text,
    )


def render(text: str, users: dict[int, User]) -> SafeString:
    """Markdown to safe HTML, with each mention linked to its member's profile."""

    def link(match: re.Match) -> str:
        user = users.get(int(match.group(1)))
        if user is None:
            return "@"
        if not user.is_active:
            return format_html('<span class="mention">@{}</span>', str(user))
        return format_html(
            '<a class="mention" href="{}">@{}</a>',
            reverse("members:profile_detail", args=[user.pk]),
            str(user),
        )

    return mark_safe(TOKEN.sub(link, str(render_markdown(text))))
