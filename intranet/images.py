"""Uploaded photos (profiles, posts): checked by content, re-encoded without
metadata, thumbnailed."""

from dataclasses import dataclass
from io import BytesIO

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 40_000_000
ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP"}
SIZES = {"photo": 800, "thumbnail": 160}


@dataclass
class ProcessedPhoto:
    photo: ContentFile
    thumbnail: ContentFile


def _encode(image: Image.Image, size: int, name: str) -> ContentFile:
    copy = image.copy()
    copy.thumbnail((size, size), Image.Resampling.LANCZOS)
    buffer = BytesIO()
    copy.save(buffer, "WEBP", quality=82, method=4)
    return ContentFile(buffer.getvalue(), name=name)


def _too_many_pixels(pixels: int | None) -> ValidationError:
    limit = MAX_PIXELS // 1_000_000
    if pixels is None:
        return ValidationError(
            _("The photo is too large (over %(limit)s megapixels, the limit)."),
            code="too_many_pixels",
            params={"limit": limit},
        )
    return ValidationError(
        _("The photo is too large (%(mp)s megapixels; at most %(limit)s)."),
        code="too_many_pixels",
        params={"mp": round(pixels / 1_000_000), "limit": limit},
    )


def process_photo(upload: UploadedFile) -> ProcessedPhoto:
    """Validate an uploaded photo and return its re-encoded versions.

    Only JPEG, PNG and WebP pass, recognised by their content (not their name), at
    most 5 MB and 40 megapixels. The pixels are copied into a new image, so EXIF
    (GPS position included) and any other metadata are left behind.
    """
    size = upload.size
    assert size is not None, "Django's upload handlers always set the size"
    if size > MAX_BYTES:
        raise ValidationError(
            _("The photo weighs %(size)s MB; the limit is 5 MB."),
            code="too_big",
            params={"size": f"{size / 1024 / 1024:.1f}"},
        )
    upload.seek(0)
    try:
        with Image.open(upload) as probe:  # reads the header, decodes nothing
            kind = probe.format
            width, height = probe.size
    except Image.DecompressionBombError:  # Pillow refuses to even open it
        raise _too_many_pixels(None) from None
    except (UnidentifiedImageError, OSError, ValueError):
        raise ValidationError(
            _("This file is not a photo we can read. Send a JPEG, PNG or WebP image."),
            code="invalid",
        ) from None
    if kind not in ACCEPTED_FORMATS:
        raise ValidationError(
            _("Photos must be JPEG, PNG or WebP images."), code="format"
        )
    if width * height > MAX_PIXELS:
        raise _too_many_pixels(width * height)
    upload.seek(0)
    try:
        with Image.open(upload) as source:
            source.load()
            oriented = ImageOps.exif_transpose(source)
            clean = Image.new("RGB", oriented.size, "white")
            if oriented.mode in ("RGBA", "LA", "P"):
                rgba = oriented.convert("RGBA")
                clean.paste(rgba, mask=rgba.getchannel("A"))
            else:
                clean.paste(oriented.convert("RGB"))
    except (OSError, ValueError, Image.DecompressionBombError):
        raise ValidationError(
            _("This photo is damaged and cannot be read."), code="invalid"
        ) from None
    return ProcessedPhoto(
        photo=_encode(clean, SIZES["photo"], "photo.webp"),
        thumbnail=_encode(clean, SIZES["thumbnail"], "thumbnail.webp"),
    )
