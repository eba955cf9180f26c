"""Clean-up of the text members write."""

from django.core.exceptions import ValidationError
from django.utils.functional import Promise


def clean_text(
    text: str | None,
    *,
    max_length: int,
    empty: str | Promise,
    too_long: str | Promise,
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
