"""The data of the browser's speed test: incompressible bytes to download, a
sink for the uploads. Every size is capped here, whatever the browser asks.

The download is one file of random bytes (`file_path()`, written once), read
from its start up to the asked `Range`. In production nginx sends it
(`X-Accel-Redirect` to its internal `/_debit/` location, see
`deploy/nginx/sohosolo.conf`): Django only checks the member and the rate.
"""

import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings

# The largest transfer either way: a 2 s transfer up to 130 Mb/s; faster lines
# make several transfers in the time the page allows.
MAX_DOWNLOAD_BYTES = 32 * 1024 * 1024
MAX_UPLOAD_BYTES = 16 * 1024 * 1024
CHUNK = 256 * 1024
FILE_NAME = "donnees.bin"
_RANGE = re.compile(r"^bytes=(\d{1,12})-(\d{0,12})$")


def file_path() -> Path:
    """The download file, written once (atomically: two first requests at once
    both find a whole file)."""
    folder = Path(settings.VAR_DIR) / "speedtest"
    path = folder / FILE_NAME
    if path.exists() and path.stat().st_size == MAX_DOWNLOAD_BYTES:
        return path
    folder.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".donnees-")
    try:
        with os.fdopen(handle, "wb") as out:
            for _ in range(MAX_DOWNLOAD_BYTES // CHUNK):
                out.write(os.urandom(CHUNK))
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def asked_range(header: str) -> tuple[int, int] | None:
    """(first, last) byte of a `Range: bytes=first-last` header, within the file;
    None for no or another kind of range (the whole file is sent)."""
    found = _RANGE.match(header.strip())
    if not found:
        return None
    first = int(found[1])
    last = int(found[2]) if found[2] else MAX_DOWNLOAD_BYTES - 1
    last = min(last, MAX_DOWNLOAD_BYTES - 1)
    if first > last:
        return None
    return first, last


def read(path: Path, first: int, last: int) -> Iterator[bytes]:
    """The bytes first..last of the file, a chunk at a time."""
    left = last - first + 1
    with path.open("rb") as handle:
        handle.seek(first)
        while left > 0:
            chunk = handle.read(min(CHUNK, left))
            if not chunk:
                return
            left -= len(chunk)
            yield chunk


def drain(stream, length: int) -> int:
    """Read and forget up to `length` bytes of the request body (already capped
    by the caller); how many came."""
    received = 0
    while received < length:
        chunk = stream.read(min(64 * 1024, length - received))
        if not chunk:
            break
        received += len(chunk)
    return received
