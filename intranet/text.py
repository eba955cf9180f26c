"""Clean-up of the text members write."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


def clean_text(
    text: str | None,
    *,
    max_length: int,
    empty: StrOrPromise,
    too_long: StrOrPromise,
) -> str:
    """`text` without NUL characters and surrounding spaces; a ValidationError
    (code "empty" or "too_long") when nothing is left or it is too long.
    `too_long` may use `%(count)s` (the length) and `%(max)s` (the limit)."""
    text = (text or "").replace("\x00", "").strip()
    if not text:
        raise ValidationError(empty, code="empty")
    if len(text) > max_length:
        raise ValidationError(
            too_long,
            code="too_long",
            params={"count": len(text), "max": max_length},
        )
    return text
