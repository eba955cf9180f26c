"""Backups of the database and the uploaded media, and putting one back.

`take()` writes one folder per backup under `BACKUP_DIR`, named by its time in
UTC (`sohosolo-2026-12-06T215408Z`). It is written as `.partial-<name>` and renamed
once complete, so a folder with that name is a whole backup. It holds:

- the database, consistent while the site writes: SQLite's online backup API (one
  read transaction) then gzip, as `database.sqlite3.gz`; or `pg_dump -Fc` (one
  snapshot, compressed) as `database.pgdump`;
- `media.tar.gz`: `MEDIA_ROOT`, read after the database, so that every file the
  database names was complete before it was read (uploads are written before
  their row is committed);
- `manifest.json`: the date, the database vendor, the migrations applied, the size
  and SHA-256 of each file, and whether it is encrypted.

With `BACKUP_KEY` (a Fernet key) each file is encrypted as it is written, never
whole in memory: `<name>.enc` is a run of frames, each a length (4 bytes) and a
Fernet token (AES-128-CBC with HMAC-SHA256; stored without its base64) over 1 MiB.
Each chunk carries its number and the last one a mark, so a frame lost, repeated,
moved or cut off is refused. The manifest carries a token of a known text: a wrong
key is told before anything is touched.

`restore()` checks the manifest, the key and every checksum, refuses a database or
a media folder that is not empty (unless forced), then puts the database back
(`pg_restore --no-owner` in one transaction, or SQLite's backup API the other way)
and unpacks the media. A backup holds neither the secret key nor the environment
file: the README (« Backups ») says what else to keep.
"""

import base64
import errno
import gzip
import hashlib
import io
import json
import os
import re
import shutil
import sqlite3
import struct
import subprocess
import tarfile
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import IO, Any, cast

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone
from django.utils.translation import gettext as _

FORMAT = 1
MANIFEST = "manifest.json"
PARTIAL = ".partial-"
NAME = re.compile(r"^sohosolo-(\d{4}-\d{2}-\d{2}T\d{6}Z)(-\d+)?$")
CHUNK = 1 << 20  # plaintext per encrypted frame, and the size of every copy's reads
KEY_CHECK = b"sohosolo backup"
_LENGTH = struct.Struct(">I")
_HEAD = struct.Struct(">Q?")  # the chunk's number, and whether it is the last
_DISK_FULL = (errno.ENOSPC, errno.EDQUOT)


class BackupError(Exception):
    """What stopped a backup or a restoration, in words for the operator."""


@dataclass(frozen=True)
class Backup:
    path: Path
    created: datetime

    @property
    def name(self) -> str:
        return self.path.name


@dataclass
class Restored:
    backup: Path
    manifest: dict[str, Any]
    # Migrations the code has and the backup lacks (run `migrate`), and the reverse
    # (a backup of newer code).
    to_apply: list[tuple[str, str]] = field(default_factory=list)
    unknown: list[tuple[str, str]] = field(default_factory=list)


# --- Keys ---------------------------------------------------------------------------


def new_key() -> str:
    """A fresh key for DJANGO_BACKUP_KEY."""
    return Fernet.generate_key().decode()


def _fernet(key: str) -> Fernet:
    try:
        return Fernet(key.encode())
    except ValueError as error:
        raise BackupError(
            _(
                "DJANGO_BACKUP_KEY is not a valid key (32 bytes in URL-safe base64): "
                "`manage.py backup --new-key` prints one."
            )
        ) from error


# --- Files: sealed (encrypted) when there is a key, counted as written --------------


class _Sink(io.RawIOBase):
    """A new file of the backup (owner only), with its size and SHA-256."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        self._file = os.fdopen(descriptor, "wb")
        self.digest = hashlib.sha256()
        self.size = 0

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self._file.write(data)
        self.digest.update(data)
        size = memoryview(data).nbytes
        self.size += size
        return size

    def finish(self) -> dict[str, Any]:
        self._file.flush()
        os.fsync(self._file.fileno())
        self.close()
        return {"bytes": self.size, "sha256": self.digest.hexdigest()}

    def close(self) -> None:
        if hasattr(self, "_file"):  # not when opening it failed
            self._file.close()
        super().close()


class _Sealing(io.RawIOBase):
    """Encrypts what is written, one numbered frame per CHUNK bytes."""

    def __init__(self, sink: _Sink, fernet: Fernet) -> None:
        super().__init__()
        self._sink, self._fernet = sink, fernet
        self._buffer = bytearray()
        self._number = 0

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self._buffer += data
        while len(self._buffer) > CHUNK:  # the last frame is sealed by finish()
            self._seal(bytes(self._buffer[:CHUNK]), last=False)
            del self._buffer[:CHUNK]
        return memoryview(data).nbytes

    def _seal(self, data: bytes, *, last: bool) -> None:
        token = self._fernet.encrypt(_HEAD.pack(self._number, last) + data)
        raw = base64.urlsafe_b64decode(token)
        self._sink.write(_LENGTH.pack(len(raw)))
        self._sink.write(raw)
        self._number += 1

    def finish(self) -> dict[str, Any]:
        self._seal(bytes(self._buffer), last=True)
        self._buffer.clear()
        self.close()
        return self._sink.finish()


class _Opening(io.RawIOBase):
    """Reads what _Sealing wrote, refusing frames out of order or missing."""

    def __init__(self, raw: IO[bytes], fernet: Fernet, name: str) -> None:
        super().__init__()
        self._raw, self._fernet, self._name = raw, fernet, name
        self._chunk = memoryview(b"")
        self._number = 0
        self._last = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self._chunk:
            if self._last:
                if self._raw.read(1):
                    raise self._damaged()
                return 0
            self._next()
        size = min(len(buffer), len(self._chunk))
        buffer[:size] = self._chunk[:size]
        self._chunk = self._chunk[size:]
        return size

    def _next(self) -> None:
        head = self._raw.read(_LENGTH.size)
        raw = self._raw.read(_LENGTH.unpack(head)[0]) if len(head) == 4 else b""
        if not raw:
            raise self._damaged()
        try:
            plain = self._fernet.decrypt(base64.urlsafe_b64encode(raw))
        except InvalidToken as error:
            raise self._damaged() from error
        number, self._last = _HEAD.unpack_from(plain)
        if number != self._number:
            raise self._damaged()
        self._number += 1
        self._chunk = memoryview(plain)[_HEAD.size :]

    def _damaged(self) -> BackupError:
        return BackupError(
            _("%(file)s is damaged (cut short or altered): it cannot be restored.")
            % {"file": self._name}
        )


class _Output:
    """One file of a backup being written."""

    def __init__(self, path: Path, fernet: Fernet | None) -> None:
        self.name = path.name
        self._sink = _Sink(path)
        self._sealing = _Sealing(self._sink, fernet) if fernet else None
        self.stream: io.RawIOBase = self._sealing or self._sink

    def finish(self) -> dict[str, Any]:
        return (self._sealing or self._sink).finish()


@contextmanager
def _reading(path: Path, fernet: Fernet | None) -> Iterator[IO[bytes]]:
    with open(path, "rb") as raw:
        if fernet is None:
            yield raw
        else:
            yield cast(
                IO[bytes], io.BufferedReader(_Opening(raw, fernet, path.name), CHUNK)
            )


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as source:
        while block := source.read(CHUNK):
            digest.update(block)
    return digest.hexdigest()


def _packing(stream: IO[bytes] | io.RawIOBase, level: int) -> gzip.GzipFile:
    return gzip.GzipFile(fileobj=stream, mode="wb", compresslevel=level, mtime=0)


# --- PostgreSQL's tools -------------------------------------------------------------


def _program(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupError(
            _(
                "%(program)s was not found: install PostgreSQL's client tools of the "
                "server's version (on Debian: apt-get install postgresql-client)."
            )
            % {"program": name}
        )
    return found


def _pg_environment() -> dict[str, str]:
    """libpq's variables for the site's database: the password never on a
    command line, where any user of the machine could read it."""
    database = connection.settings_dict
    options = database.get("OPTIONS") or {}
    values = {
        "PGHOST": database.get("HOST"),
        "PGPORT": database.get("PORT"),
        "PGUSER": database.get("USER"),
        "PGPASSWORD": database.get("PASSWORD"),
        "PGDATABASE": database.get("NAME"),
        "PGSSLMODE": options.get("sslmode"),
        "PGSSLROOTCERT": options.get("sslrootcert"),
        "PGSSLCERT": options.get("sslcert"),
        "PGSSLKEY": options.get("sslkey"),
        "PGPASSFILE": options.get("passfile"),
        "PGSERVICE": options.get("service"),
    }
    environment = dict(os.environ)
    environment.update({name: str(value) for name, value in values.items() if value})
    return environment


def _failed(program: str, errors: IO[bytes]) -> BackupError:
    errors.seek(0)
    said = errors.read().decode(errors="replace").strip()
    return BackupError(
        _("%(program)s failed: %(error)s") % {"program": program, "error": said}
    )


def _dump_postgresql(output: _Output) -> None:
    command = [_program("pg_dump"), "--format=custom", "--no-password"]
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=errors, env=_pg_environment()
        )
        assert process.stdout is not None
        try:
            while block := process.stdout.read(CHUNK):
                output.stream.write(block)
        except BaseException:
            process.kill()
            process.wait()
            raise
        finally:
            process.stdout.close()
        if process.wait() != 0:
            raise _failed("pg_dump", errors)


def _restore_postgresql(source: IO[bytes]) -> None:
    command = [
        _program("pg_restore"),
        "--no-owner",
        "--no-privileges",
        "--single-transaction",  # all or nothing: a failure leaves it empty
        "--exit-on-error",
        "--no-password",
        "--dbname",
        str(connection.settings_dict["NAME"]),
    ]
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=errors,
            stderr=errors,
            env=_pg_environment(),
        )
        assert process.stdin is not None
        try:
            while block := source.read(CHUNK):
                process.stdin.write(block)
            process.stdin.close()
        except BrokenPipeError:
            pass  # it stopped reading: its own message says why
        except BaseException:
            process.kill()
            process.wait()
            raise
        if process.wait() != 0:
            raise _failed("pg_restore", errors)


# --- SQLite -------------------------------------------------------------------------


def _dump_sqlite(output: _Output, workdir: Path) -> None:
    if connection.in_atomic_block:  # SQLite would answer "locked" forever
        raise RuntimeError("A backup cannot be taken inside a transaction.")
    copy = workdir / "database.sqlite3"
    connection.ensure_connection()
    target = sqlite3.connect(copy)
    try:
        # All pages in one step, inside one read transaction: a consistent copy
        # while the site goes on writing (WAL).
        connection.connection.backup(target)
    finally:
        target.close()
    with open(copy, "rb") as source, _packing(output.stream, 6) as packed:
        shutil.copyfileobj(source, packed, CHUNK)
    copy.unlink()


def _restore_sqlite(source: IO[bytes]) -> None:
    name = str(connection.settings_dict["NAME"])
    in_memory = cast(Any, connection).is_in_memory_db()  # the tests' database
    on_disk = None if in_memory else Path(name).parent
    descriptor, copy = tempfile.mkstemp(suffix=".sqlite3", dir=on_disk)
    try:
        with os.fdopen(descriptor, "wb") as out, gzip.GzipFile(fileobj=source) as gz:
            shutil.copyfileobj(gz, out, CHUNK)
        connection.ensure_connection()
        origin = sqlite3.connect(copy)
        try:
            origin.backup(connection.connection)
        finally:
            origin.close()
    finally:
        Path(copy).unlink(missing_ok=True)


# --- Media --------------------------------------------------------------------------


def _media_root() -> Path:
    return Path(settings.MEDIA_ROOT)


def _pack_media(output: _Output, skip: Path) -> int:
    root, count = _media_root(), 0
    with (
        # Photos are compressed already: the fastest level gains as much.
        _packing(output.stream, 1) as packed,
        tarfile.open(fileobj=packed, mode="w|", format=tarfile.PAX_FORMAT) as tar,
    ):
        for folder, folders, files in os.walk(root):
            here = Path(folder)
            folders[:] = sorted(f for f in folders if (here / f).resolve() != skip)
            for name in sorted(files):
                path = here / name
                try:
                    tar.add(path, arcname=str(path.relative_to(root)), recursive=False)
                except FileNotFoundError:
                    continue  # deleted since the walk listed it
                count += 1
    return count


def _media_files() -> bool:
    root = _media_root()
    return root.exists() and any(not p.is_dir() for p in root.rglob("*"))


def _empty_media() -> None:
    root = _media_root()
    if root.exists():
        for child in root.iterdir():
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            else:
                child.unlink()


def _unpack_media(source: IO[bytes]) -> None:
    root = _media_root()
    root.mkdir(parents=True, exist_ok=True)
    with (
        gzip.GzipFile(fileobj=source) as unpacked,
        tarfile.open(fileobj=unpacked, mode="r|") as tar,
    ):
        tar.extractall(root, filter="data")  # nothing outside MEDIA_ROOT


# --- The database, whatever its vendor ----------------------------------------------


def _tables() -> list[Any]:
    with connection.cursor() as cursor:
        return list(connection.introspection.get_table_list(cursor))


def _empty_database() -> None:
    """Drop everything the site created (SQLite's copy replaces the whole file
    anyway): on PostgreSQL the `public` schema, with its tables, and the functions,
    text search configurations and extensions the migrations added, which the
    dump creates again."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("DROP SCHEMA IF EXISTS public CASCADE")
        cursor.execute("CREATE SCHEMA public")


def _applied_migrations() -> dict[str, list[str]]:
    applied: dict[str, list[str]] = {}
    for app, name in sorted(MigrationRecorder(connection).applied_migrations()):
        applied.setdefault(app, []).append(name)
    return applied


def _database_file() -> str:
    if connection.vendor == "postgresql":
        return "database.pgdump"
    return "database.sqlite3.gz"


# --- Taking, listing and rotating -----------------------------------------------------


def backup_dir() -> Path:
    return Path(settings.BACKUP_DIR)


@contextmanager
def _disk_full(folder: Path, message: str) -> Iterator[None]:
    try:
        yield
    except OSError as error:
        if error.errno not in _DISK_FULL:
            raise
        raise BackupError(message % {"folder": folder}) from error
    except sqlite3.OperationalError as error:
        if getattr(error, "sqlite_errorcode", None) != sqlite3.SQLITE_FULL:
            raise
        raise BackupError(message % {"folder": folder}) from error


def take() -> tuple[Backup, dict[str, Any]]:
    """Write a whole backup (database, then media, then manifest) and return it;
    on any failure nothing of it is left."""
    folder = backup_dir()
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    # Left by a run that died: no other one runs (the command holds the lock).
    for stale in folder.glob(f"{PARTIAL}*"):
        shutil.rmtree(stale, ignore_errors=True)
    key = settings.BACKUP_KEY
    fernet = _fernet(key) if key else None
    created = timezone.now().astimezone(UTC).replace(microsecond=0)
    name = f"sohosolo-{created:%Y-%m-%dT%H%M%SZ}"
    taken = 1
    while (folder / name).exists() or (folder / f"{PARTIAL}{name}").exists():
        taken += 1
        name = f"sohosolo-{created:%Y-%m-%dT%H%M%SZ}-{taken}"
    partial = folder / f"{PARTIAL}{name}"
    suffix = ".enc" if fernet else ""
    message = _(
        "The disk holding %(folder)s is full: this backup was not kept. Free some "
        "space, or keep fewer backups (--keep-daily, --keep-weekly)."
    )
    try:
        with _disk_full(folder, message):
            partial.mkdir(mode=0o700)
            files: dict[str, Any] = {}
            migrations = _applied_migrations()
            database = _Output(partial / (_database_file() + suffix), fernet)
            if connection.vendor == "postgresql":
                _dump_postgresql(database)
            else:
                _dump_sqlite(database, partial)
            files[database.name] = database.finish()
            media = _Output(partial / ("media.tar.gz" + suffix), fernet)
            count = _pack_media(media, skip=folder.resolve())
            files[media.name] = media.finish()
            encryption = fernet and {
                "scheme": "fernet-frames",
                "chunk": CHUNK,
                "check": fernet.encrypt(KEY_CHECK).decode(),  # tells a wrong key
            }
            manifest = {
                "format": FORMAT,
                "created": created.isoformat(),
                "database": {"vendor": connection.vendor, "file": database.name},
                "media": {"file": media.name, "files": count},
                "migrations": migrations,
                "files": files,
                "encryption": encryption,
            }
            out = _Output(partial / MANIFEST, None)
            out.stream.write(json.dumps(manifest, indent=2).encode())
            out.finish()
            os.rename(partial, folder / name)
            _sync(folder)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return Backup(path=folder / name, created=created), manifest


def _sync(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def listing(folder: Path | None = None) -> list[Backup]:
    """The whole backups in `folder` (BACKUP_DIR), oldest first; anything else
    there (a partial backup, other files) is not one of them."""
    folder = folder or backup_dir()
    found = []
    for path in folder.iterdir() if folder.is_dir() else []:
        matched = NAME.match(path.name)
        if matched and (path / MANIFEST).is_file():
            created = datetime.strptime(matched[1] + "+0000", "%Y-%m-%dT%H%M%SZ%z")
            found.append(Backup(path=path, created=created))
    return sorted(found, key=lambda b: (b.created, len(b.name), b.name))


def _day(moment: datetime) -> date:
    return timezone.localtime(moment).date()


def _week(moment: datetime) -> tuple[int, int]:
    year, week, _weekday = _day(moment).isocalendar()
    return year, week


def to_keep(backups: Iterable[Backup], *, daily: int, weekly: int) -> set[Backup]:
    """The newest backup of each of the last `daily` days that have one, and of
    each of the last `weekly` weeks (Paris time); the newest one always."""
    newest_first = sorted(
        backups, key=lambda b: (b.created, len(b.name), b.name), reverse=True
    )
    kept = set(newest_first[:1])
    for count, period in ((daily, _day), (weekly, _week)):
        seen: set[object] = set()
        for backup in newest_first:
            when = period(backup.created)
            if when in seen:
                continue
            if len(seen) == count:
                break
            seen.add(when)
            kept.add(backup)
    return kept


def rotate(*, daily: int, weekly: int, folder: Path | None = None) -> list[Backup]:
    """Delete the backups `to_keep` does not keep; return them."""
    backups = listing(folder)
    kept = to_keep(backups, daily=daily, weekly=weekly)
    removed = [backup for backup in backups if backup not in kept]
    for backup in removed:
        shutil.rmtree(backup.path)
    return removed


# --- Restoring ----------------------------------------------------------------------


def find(reference: str) -> Path:
    """A backup given as a folder, as a name in BACKUP_DIR, or `latest`."""
    if reference == "latest":
        backups = listing()
        if not backups:
            raise BackupError(
                _("There is no backup in %(folder)s.") % {"folder": backup_dir()}
            )
        return backups[-1].path
    path = Path(reference)
    if not path.is_dir() and (backup_dir() / reference).is_dir():
        path = backup_dir() / reference
    if not (path / MANIFEST).is_file():
        raise BackupError(
            _("%(path)s is not a backup (a folder holding manifest.json).")
            % {"path": path}
        )
    return path


def _manifest(path: Path) -> dict[str, Any]:
    try:
        manifest = json.loads((path / MANIFEST).read_text())
    except ValueError as error:
        raise BackupError(
            _("The manifest of %(path)s cannot be read.") % {"path": path}
        ) from error
    if manifest.get("format") != FORMAT:
        raise BackupError(
            _("%(path)s was written by another version of this command.")
            % {"path": path}
        )
    return manifest


def _opening_key(manifest: dict[str, Any]) -> Fernet | None:
    encryption = manifest.get("encryption")
    if not encryption:
        return None
    if not settings.BACKUP_KEY:
        raise BackupError(
            _(
                "This backup is encrypted: set DJANGO_BACKUP_KEY to the key it was "
                "made with."
            )
        )
    fernet = _fernet(settings.BACKUP_KEY)
    try:
        fernet.decrypt(encryption["check"].encode())
    except InvalidToken as error:
        raise BackupError(
            _(
                "DJANGO_BACKUP_KEY does not open this backup: it was made with "
                "another key."
            )
        ) from error
    return fernet


def _verify(path: Path, manifest: dict[str, Any]) -> None:
    for name, expected in manifest["files"].items():
        file = path / name
        if Path(name).name != name or not file.is_file():
            raise BackupError(
                _("%(file)s is missing from the backup: nothing was restored.")
                % {"file": file}
            )
        if _sha256(file) != expected["sha256"]:
            raise BackupError(
                _(
                    "%(file)s does not match its checksum: the backup is damaged, "
                    "nothing was restored."
                )
                % {"file": file}
            )


def _migration_gap(applied: dict[str, list[str]]) -> tuple[list, list]:
    on_disk = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    in_backup = {(app, name) for app, names in applied.items() for name in names}
    return sorted(on_disk - in_backup), sorted(in_backup - on_disk)


def restore(*, path: Path, force: bool = False) -> Restored:
    """Put a backup back into this site's database and MEDIA_ROOT, which must be
    empty unless `force` (then what they hold is replaced). The key and every
    checksum are checked before anything is touched."""
    manifest = _manifest(path)
    vendor = manifest["database"]["vendor"]
    if vendor != connection.vendor:
        raise BackupError(
            _("This backup holds a %(backup)s database; this site runs on %(site)s.")
            % {"backup": vendor, "site": connection.vendor}
        )
    fernet = _opening_key(manifest)
    _verify(path, manifest)
    tables = _tables()
    if tables and not force:
        raise BackupError(
            _(
                "The database is not empty (tables: %(count)d): restore into an empty "
                "database, or add --force to replace what it holds."
            )
            % {"count": len(tables)}
        )
    if _media_files() and not force:
        raise BackupError(
            _(
                "The media folder %(folder)s is not empty: restore into an empty "
                "folder, or add --force to replace what it holds."
            )
            % {"folder": _media_root()}
        )
    message = _(
        "The disk is full (%(folder)s): the restoration stopped half-way. Free some "
        "space and run it again with --force."
    )
    with _disk_full(_media_root(), message):
        if force:
            _empty_database()
        with _reading(path / manifest["database"]["file"], fernet) as source:
            if vendor == "postgresql":
                _restore_postgresql(source)
            else:
                _restore_sqlite(source)
        if force:
            _empty_media()
        with _reading(path / manifest["media"]["file"], fernet) as source:
            _unpack_media(source)
    to_apply, unknown = _migration_gap(manifest["migrations"])
    return Restored(backup=path, manifest=manifest, to_apply=to_apply, unknown=unknown)
