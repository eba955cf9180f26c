"""The one renderer of what members write, wherever it is shown (issue #21).

Members' text is stored with "@[id]" for each member it mentions (see
`activity.mentions`): a renamed or erased member is shown as they are now, and
their name never stays in someone else's text. Every place that shows such text
goes through here, so a code never reaches a reader:

- `to_html`: the whole text, Markdown made safe, each mention a link to the
  member's profile (feeds, forums);
- `excerpt` / `excerpt_html`: the start of the text as plain words, cut on a word
  with an ellipsis, each mention the member's name (as text: notifications,
  plain-text e-mails, search results, inside a link; or linked: HTML);
- `names_for`: the members mentioned in a batch of texts, in one query, for a
  list's `names` (a mention whose member is gone reads "@").
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Iterable, Sequence
from typing import Any

from django.contrib.auth import get_user_model
from django.utils.html import escape, format_html, strip_tags
from django.utils.safestring import SafeString, mark_safe

from intranet.fulltext import fold
from intranet.links import reverse
from intranet.markdown import render_markdown

TOKEN = re.compile(r"@\[(\d{1,10})\]")
ELLIPSIS = "…"
EXCERPT_LENGTH = 200


def mentioned_ids(text: str | None) -> set[int]:
    return {int(pk) for pk in TOKEN.findall(text or "")}


def names_for(texts: Iterable[str | None]) -> dict[int, Any]:
    """The members mentioned in any of `texts`, in one query (none without a
    mention)."""
    ids: set[int] = set()
    for text in texts:
        ids |= mentioned_ids(text)
    if not ids:
        return {}
    return {user.pk: user for user in get_user_model().objects.filter(pk__in=ids)}


def attach_names(objects: Iterable[Any], attr: str = "body") -> None:
    """Give each of `objects` its `names` (the members its `attr` mentions), all
    in one query: what `excerpt` and `to_html` read, so a list costs one query."""
    objects = list(objects)
    names = names_for(getattr(obj, attr, "") for obj in objects)
    for obj in objects:
        obj.names = names


def names_of(obj: Any, text: str) -> dict[int, Any]:
    """The names prepared on `obj` (`attach_names`), else looked up for `text`
    alone (one query, only when it mentions someone)."""
    names = getattr(obj, "names", None)
    return names_for([text]) if names is None else names


def _profile(user: Any) -> str:
    return reverse("members:profile_detail", args=[user.pk])


def mention_html(user: Any) -> str:
    """One mention as HTML: a link to the member's profile (their name alone
    once their account is closed; "@" when they are gone)."""
    if user is None:
        return "@"
    if not user.is_active:
        return format_html('<span class="mention">@{}</span>', str(user))
    return format_html('<a class="mention" href="{}">@{}</a>', _profile(user), user)


def to_html(text: str, names: dict[int, Any]) -> SafeString:
    """Markdown to safe HTML, each mention linked to its member's profile."""
    rendered = str(render_markdown(text))
    return mark_safe(
        TOKEN.sub(lambda m: mention_html(names.get(int(m.group(1)))), rendered)
    )


def mention_text(text: str, names: dict[int, Any]) -> str:
    """`text` with each mention as "@Prénom Nom" (as its author wrote it)."""

    def name(match: re.Match) -> str:
        user = names.get(int(match.group(1)))
        return f"@{user}" if user is not None else "@"

    return TOKEN.sub(name, text or "")


@functools.lru_cache(maxsize=1024)
def plain(text: str) -> str:
    """The words of `text` without its Markdown, on one line (mentions kept as
    codes); kept per process, as `render_markdown` is."""
    words = html.unescape(strip_tags(str(render_markdown(text or ""))))
    return " ".join(words.split())


def cut(text: str, length: int) -> str:
    """`text` cut to at most `length` characters on a word, with an ellipsis.
    A mention code has no space, so it is never cut in two."""
    if len(text) <= length:
        return text
    head = text[: length + 1]
    space = head.rstrip().rfind(" ")
    head = head[:space] if space > length // 2 else text[:length]
    return head.rstrip(" ,;:.!?-–—") + ELLIPSIS


def _pieces(text: str, names: dict[int, Any], length: int) -> list[str | Any]:
    """The excerpt as pieces of text and members (each mention's member, or None
    for one gone), cut on a word at `length` characters as read."""
    source = plain(text)
    read = mention_text(source, names)
    short = cut(read, length)
    truncated = short != read
    # Walk the source's pieces until the excerpt's length is reached.
    pieces: list[str | Any] = []
    budget = len(short) - (len(ELLIPSIS) if truncated else 0)
    position = 0
    for match in TOKEN.finditer(source):
        before = source[position : match.start()]
        if len(before) >= budget:
            pieces.append(before[:budget])
            budget = 0
            break
        pieces.append(before)
        budget -= len(before)
        user = names.get(int(match.group(1)))
        width = len(f"@{user}") if user is not None else 1
        if width > budget:
            break
        pieces.append(user if user is not None else "@")
        budget -= width
        position = match.end()
    else:
        pieces.append(source[position:][:budget])
    if truncated:
        if pieces and isinstance(pieces[-1], str):
            pieces[-1] = pieces[-1].rstrip(" ,;:.!?-–—")
        pieces.append(ELLIPSIS)
    return pieces


def excerpt(text: str, names: dict[int, Any], length: int = EXCERPT_LENGTH) -> str:
    """The start of `text` as plain words: Markdown left out, mentions as
    "@Prénom Nom", cut on a word with an ellipsis."""
    return cut(mention_text(plain(text), names), length)


def excerpt_html(
    text: str,
    names: dict[int, Any],
    length: int = EXCERPT_LENGTH,
    *,
    mark: str = "",
) -> SafeString:
    """`excerpt` as safe HTML, each mention linked to its member's profile, and
    the words of `mark` (a search) in <mark>, whatever their accents."""
    out: list[str] = []
    for piece in _pieces(text, names, length):
        if isinstance(piece, str):
            out.append(highlight(piece, mark))
        else:
            out.append(mention_html(piece))
    return mark_safe("".join(out))


def highlight(text: str, query: str) -> SafeString:
    """`text` escaped, each word of `query` found in it wrapped in <mark>, case
    and accents aside (« ecole » marks « École »)."""
    text = str(text or "")
    words = sorted(
        {fold(word) for word in re.findall(r"\w{2,}", query or "")},
        key=len,
        reverse=True,
    )
    if not words:
        return escape(text)
    source: Sequence[int]
    if text.isascii():  # folded is lower case, letter for letter
        folded, source = text.lower(), range(len(text))
    else:  # folded letter by letter, each folded letter knowing its source
        letters: list[str] = []
        places: list[int] = []
        for index, char in enumerate(text):
            for letter in fold(char):
                letters.append(letter)
                places.append(index)
        folded, source = "".join(letters), places
    pattern = re.compile("|".join(re.escape(word) for word in words))
    out: list[str] = []
    position = 0
    for match in pattern.finditer(folded):
        start, end = source[match.start()], source[match.end() - 1] + 1
        if start < position:
            continue
        out.append(escape(text[position:start]))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        position = end
    out.append(escape(text[position:]))
    return mark_safe("".join(out))
