"""Files sent with a chat message, checked by their content (never their name):
photos as `intranet.images` checks profile photos (re-encoded, metadata left
behind, with a thumbnail); documents of a few common kinds, kept as sent."""

import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile, File
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from PIL import Image

from intranet import images
from intranet.text import printable

MAX_FILES = 4  # per message
MAX_FILE_BYTES = 10 * 1024 * 1024  # a document; photos: images.MAX_BYTES
MAX_NAME = 120
FILES_PER_HOUR = 60  # per member

#: Documents accepted, by the suffix of their name, with what their content must
#: start with and the type they are served as.
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc, .xls of old
_ZIP = b"PK\x03\x04"
DOCUMENTS = {
    ".pdf": (b"%PDF-", "application/pdf"),
    ".odt": (_ZIP, "application/vnd.oasis.opendocument.text"),
    ".ods": (_ZIP, "application/vnd.oasis.opendocument.spreadsheet"),
    ".odp": (_ZIP, "application/vnd.oasis.opendocument.presentation"),
    ".docx": (
        _ZIP,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    ".xlsx": (
        _ZIP,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    ".pptx": (
        _ZIP,
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ),
    ".doc": (_OLE, "application/msword"),
    ".xls": (_OLE, "application/vnd.ms-excel"),
    ".txt": (b"", "text/plain"),
    ".csv": (b"", "text/csv"),
}
PHOTO_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp"}


@dataclass
class Checked:
    """An upload that passed: what to store."""

    kind: str  # Attachment.Kind
    name: str
    content_type: str
    file: File
    size: int
    thumbnail: ContentFile | None = None
    width: int | None = None
    height: int | None = None


def _name(upload: UploadedFile) -> str:
    name = PurePosixPath((upload.name or "").replace("\\", "/")).name
    name = " ".join(printable(name).split())
    if len(name) > MAX_NAME:
        suffix = PurePosixPath(name).suffix[:10]
        name = name[: MAX_NAME - len(suffix)] + suffix
    return name or "fichier"


def _not_accepted() -> ValidationError:
    return ValidationError(
        _(
            "This kind of file cannot be sent. Send a photo (JPEG, PNG or WebP) or "
            "a document (PDF, text, OpenDocument, Word, Excel, PowerPoint)."
        ),
        code="file_type",
    )


def _is_photo(upload: UploadedFile) -> bool:
    upload.seek(0)
    try:
        with Image.open(upload) as probe:
            return probe.format is not None
    except Image.DecompressionBombError:
        return True  # a photo, too large: images.process_photo says so
    except Exception:  # noqa: BLE001 - anything Pillow cannot open is no photo
        return False
    finally:
        upload.seek(0)


def _photo(upload: UploadedFile, name: str) -> Checked:
    processed = images.process_photo(upload)
    with Image.open(processed.photo) as done:
        width, height = done.size
    processed.photo.seek(0)
    stem = PurePosixPath(name).stem or "photo"
    return Checked(
        kind="photo",
        name=f"{stem}.webp",
        content_type="image/webp",
        file=processed.photo,
        size=processed.photo.size,
        thumbnail=processed.thumbnail,
        width=width,
        height=height,
    )


def _document(upload: UploadedFile, name: str) -> Checked:
    suffix = PurePosixPath(name).suffix.lower()
    if suffix not in DOCUMENTS:
        raise _not_accepted()
    size = upload.size or 0
    if size > MAX_FILE_BYTES:
        raise ValidationError(
            _("« %(name)s » weighs %(size)s MB; a file has at most 10 MB."),
            code="too_big",
            params={"name": name, "size": f"{size / 1024 / 1024:.1f}"},
        )
    if size == 0:
        raise ValidationError(
            _("« %(name)s » is empty."), code="empty_file", params={"name": name}
        )
    magic, content_type = DOCUMENTS[suffix]
    upload.seek(0)
    head = upload.read(2048)
    upload.seek(0)
    if not head.startswith(magic):
        raise ValidationError(
            _("« %(name)s » is not the document its name says."),
            code="file_type",
            params={"name": name},
        )
    if magic == b"":  # text: readable as such, no binary inside
        if b"\x00" in head:
            raise _not_accepted()
        content_type += "; charset=utf-8"
    if magic == _ZIP and not zipfile.is_zipfile(upload):
        raise ValidationError(
            _("« %(name)s » is damaged and cannot be read."),
            code="file_type",
            params={"name": name},
        )
    upload.seek(0)
    return Checked(
        kind="file", name=name, content_type=content_type, file=upload, size=size
    )


def check(uploads: list[UploadedFile]) -> list[Checked]:
    """Every upload checked, or a ValidationError in the member's language that
    names the file at fault; nothing is stored here."""
    if len(uploads) > MAX_FILES:
        raise ValidationError(
            _("At most %(max)d files per message.") % {"max": MAX_FILES},
            code="too_many_files",
        )
    checked = []
    for upload in uploads:
        name = _name(upload)
        suffix = PurePosixPath(name).suffix.lower()
        if suffix in PHOTO_SUFFIXES or (suffix not in DOCUMENTS and _is_photo(upload)):
            try:
                checked.append(_photo(upload, name))
            except ValidationError as error:
                raise ValidationError(
                    _("« %(name)s »: %(reason)s")
                    % {"name": name, "reason": error.messages[0]},
                    code=error.code,
                ) from None
        else:
            checked.append(_document(upload, name))
    return checked
