"""Clean-up of the text members write."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.utils.safestring import SafeData, mark_safe
from django.utils.translation import get_language

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


# C0 and C1 control characters, DEL, and lone surrogates (which no encoder takes).
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
# The same, except the tab and the line breaks a text area sends.
_NOT_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def printable(text: str) -> str:
    """`text` without control characters (tabs and line breaks kept) and without
    lone surrogates: what no member types, and what some databases refuse."""
    return _NOT_TEXT.sub("", text)


def search_terms(text: str | None, *, max_length: int = 200) -> str:
    """What a member typed in a search box, as words: control characters and runs
    of spaces become one space, cut at `max_length`."""
    return " ".join(_UNPRINTABLE.sub(" ", text or "").split())[:max_length]


def clean_text(
    text: str | None,
    *,
    max_length: int,
    empty: StrOrPromise,
    too_long: StrOrPromise,
) -> str:
    """`text` made `printable`, without surrounding spaces; a ValidationError
    (code "empty" or "too_long") when nothing is left or it is too long.
    `too_long` may use `%(count)s` (the length) and `%(max)s` (the limit)."""
    text = printable(text or "").strip()
    if not text:
        raise ValidationError(empty, code="empty")
    if len(text) > max_length:
        raise ValidationError(
            too_long,
            code="too_long",
            params={"count": len(text), "max": max_length},
        )
    return text


# French elision before a name: « de Édith » → « d'Édith », « que Aimée » →
# « qu'Aimée », « de avril » → « d'avril ». Used on translated phrases, whose own
# words translators already elide: what follows « de »/« que » with a vowel is
# then what was put in (a member's or a village's name, a month); markup may sit
# between them (a link around the name). Before a consonant or an « h », nothing
# changes (« de Jean », « de Hugues »: an aspirated h does not elide).
_ELIDABLE = re.compile(
    r"\b(?P<word>[Dd]e|[Qq]ue) (?P<markup>(?:<[^>]*>)*)"
    r"(?=[AEIOUaeiouÀÂÄÉÈÊËÎÏÔÖÙÛÜŒÆàâäéèêëîïôöùûüœæ])"
)


def elide(text: str) -> str:
    """`text` with « de »/« que » elided before a name, in French (the active
    language); unchanged in other languages. Keeps a SafeString safe."""
    if not (get_language() or "").startswith("fr"):
        return text
    elided = _ELIDABLE.sub(
        lambda m: f"{m.group('word')[:-1]}'{m.group('markup')}", str(text)
    )
    return mark_safe(elided) if isinstance(text, SafeData) else elided
