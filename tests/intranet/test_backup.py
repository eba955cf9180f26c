"""Backups proved by restoring (`manage.py backup` and `restore`, intranet/backups.py).

A backup taken while another thread writes members, posts, comments, chat and forum
messages, answers and photos is restored by the `restore` command in a fresh process
(the settings of another site) into an empty database and an empty media folder,
and read back there: all that existed before the backup is there, nothing that came
after, and the counters agree with the rows (one snapshot). On SQLite the source is
a file in WAL mode, as in production; on PostgreSQL the test creates and drops a
database of its own.
Then: rotation, encryption and keys, damaged backups, a database that is not empty,
a full disk, a missing pg_dump, two copies at once.
"""

import errno
import hashlib
import io
import json
import os
import sqlite3
import subprocess
import sys
import threading
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import quote
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, connections
from django.db.models import Count, Max
from django.utils import translation
from PIL import Image
from wagtail.models import Page

from activity import services as feed
from activity.models import Comment, FeedPost
from chat import services as chat
from chat.models import Message, Room
from events import services as events
from events.models import Rsvp
from forums import services as forums
from forums.models import Post as ForumPost
from forums.models import Topic
from intranet import backups, ratelimit
from members import services as members
from members.models import Profile, User
from tests.factories import (
    CategoryFactory,
    EventPageFactory,
    NewsPageFactory,
    UserFactory,
)
from tests.intranet.test_locks import held_elsewhere
from tests.intranet.test_settings import ROOT, VARIABLES

PARIS = ZoneInfo("Europe/Paris")
KINDS = ["members", "pages", "posts", "comments", "chat", "forum", "answers"]
ON_POSTGRESQL = connection.vendor == "postgresql"


@pytest.fixture(autouse=True)
def _backups_in_tmp(settings, tmp_path):
    settings.BACKUP_DIR = tmp_path / "backups"
    settings.BACKUP_KEY = ""


def photo(n: int = 0) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (n * 37 % 256, 120, 40)).save(buffer, "JPEG")
    return SimpleUploadedFile(f"photo{n}.jpg", buffer.getvalue(), "image/jpeg")


def snapshot() -> dict:
    """What the database holds, with the media files it names (their SHA-256, or
    None when missing), and its counters against its rows. Read here and, after a
    restoration, in a fresh process."""

    def rows(queryset, field):
        return {str(pk): value for pk, value in queryset.values_list("pk", field)}

    media = Path(settings.MEDIA_ROOT)
    names = [post.image.name for post in FeedPost.objects.exclude(image="")]
    for profile in Profile.objects.exclude(photo=""):
        names += [profile.photo.name, profile.photo_thumbnail.name]
    rooms = Room.objects.annotate(count=Count("messages"), top=Max("messages__seq"))
    topics = Topic.objects.annotate(count=Count("posts"))
    return {
        "members": rows(User.objects, "email"),
        "pages": rows(Page.objects, "title"),
        "posts": rows(FeedPost.objects, "body"),
        "comments": rows(Comment.objects, "body"),
        "chat": rows(Message.objects, "body"),
        "forum": rows(ForumPost.objects, "body"),
        "answers": rows(Rsvp.objects, "status"),
        "files": {
            name: hashlib.sha256((media / name).read_bytes()).hexdigest()
            if (media / name).is_file()
            else None
            for name in names
        },
        "rooms": [[r.last_seq, r.count, r.top or 0] for r in rooms],
        "topics": [[t.reply_count + 1, t.count] for t in topics],
    }


def _network():
    author = UserFactory(first_name="Camille", last_name="Laborde")
    members.profile_update(user=author, fields={}, skills=[], photo=photo())
    NewsPageFactory(title="La fibre arrive à Lectoure")
    event = EventPageFactory(title="Afterwork de décembre")
    room = chat.network_room_create(name="Général")
    topic = forums.topic_create(
        author=author, category=CategoryFactory(), title="Covoiturage", body="Qui ?"
    )
    return SimpleNamespace(event=event, room=room, topic=topic)


def _write(network, connect, rounds: list[int], stop: threading.Event, errors: list):
    """One round after another until `stop`: a new member who posts (a photo every
    third time), comments, writes in the chat and the forum, and answers."""
    try:
        connect()
        with ratelimit.suspended():
            n = 0
            while not stop.is_set():
                member = UserFactory()
                post = feed.post_create(
                    author=member,
                    body=f"Publication n°{n}",
                    image=photo(n) if n % 3 == 0 else None,
                    image_alt="Le marché d'Auch",
                )
                feed.comment_create(post=post, author=member, body=f"Réponse n°{n}")
                chat.message_post(room=network.room, author=member, body=f"Salut {n}")
                forums.post_create(author=member, topic=network.topic, body=f"Oui {n}")
                events.rsvp_set(event=network.event, user=member, going=True)
                n += 1
                rounds.append(n)
    except BaseException as error:  # told to the test below
        errors.append(error)
    finally:
        connections.close_all()


@contextmanager
def _connected_to(name: str):
    """This thread's default connection on another database file."""
    original = connections["default"]
    swapped = original.__class__({**original.settings_dict, "NAME": name}, "default")
    connections["default"] = swapped
    try:
        yield
    finally:
        swapped.close()
        connections["default"] = original


def _database_url(name: str) -> str:
    db = connection.settings_dict
    if not ON_POSTGRESQL:
        return f"sqlite:///{name}"
    user = quote(db["USER"] or "", safe="")
    password = f":{quote(db['PASSWORD'], safe='')}" if db["PASSWORD"] else ""
    host = f"{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
    return f"postgres://{user}{password}@{host}/{name}"


@pytest.fixture
def source_and_target(tmp_path, transactional_db):
    """(how a thread connects to the source database, the empty target's URL)."""
    if ON_POSTGRESQL:
        target = f"{connection.settings_dict['NAME']}_restored"
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{target}" WITH (FORCE)')
            cursor.execute(f'CREATE DATABASE "{target}" TEMPLATE template0')
        try:
            yield (lambda: None), _database_url(target)
        finally:
            with connection.cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{target}" WITH (FORCE)')
        return
    # The in-memory test database copied into a file, used in WAL mode as the
    # site does, by this thread and the writer's.
    source = str(tmp_path / "db.sqlite3")
    connection.ensure_connection()
    copy = sqlite3.connect(source)
    connection.connection.backup(copy)
    copy.close()

    wrapper, base = connections["default"].__class__, connection.settings_dict

    def connect():
        connections["default"] = wrapper({**base, "NAME": source}, "default")

    with _connected_to(source):
        yield connect, _database_url(str(tmp_path / "restored.sqlite3"))


def _in_a_fresh_process(tmp_path, database_url, *command):
    env = {k: v for k, v in os.environ.items() if k not in VARIABLES}
    env.update(
        DJANGO_SETTINGS_MODULE="intranet.settings",
        DJANGO_VAR_DIR=str(tmp_path / "elsewhere"),
        DJANGO_BACKUP_DIR=str(settings.BACKUP_DIR),
        DJANGO_BACKUP_KEY=settings.BACKUP_KEY,
        MEDIA_ROOT=str(tmp_path / "restored-media"),
        DATABASE_URL=database_url,
    )
    return subprocess.run(
        [sys.executable, *command],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


PROBE = (
    "import django, json, sys; django.setup(); "
    "from django.core.management import call_command; "
    "from tests.intranet.test_backup import snapshot; "
    "call_command('restore', 'latest', stdout=sys.stderr); "
    "print(json.dumps(snapshot()))"
)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_backup_taken_during_writes_comes_back_whole(
    tmp_path, settings, source_and_target
):
    connect, target = source_and_target
    settings.BACKUP_KEY = backups.new_key()  # the production path: encrypted
    network = _network()
    rounds, stop, errors = [], threading.Event(), []
    writer = threading.Thread(
        target=_write, args=(network, connect, rounds, stop, errors)
    )
    writer.start()
    try:
        while len(rounds) < 3 and writer.is_alive():
            stop.wait(0.05)
        before = snapshot()
        out = io.StringIO()
        call_command("backup", stdout=out)
        after = snapshot()
    finally:
        stop.set()
        writer.join(60)
    assert errors == [] and len(rounds) >= 3
    assert "encrypted" in out.getvalue() or "chiffrée" in out.getvalue()

    restored = _in_a_fresh_process(tmp_path, target, "-c", PROBE)
    assert restored.returncode == 0, restored.stderr
    assert "Restored sohosolo-" in restored.stderr or "restaurée" in restored.stderr
    back = json.loads(restored.stdout)

    assert any(
        len(after[kind]) > len(before[kind]) for kind in KINDS
    )  # written meanwhile
    for kind in KINDS:  # all that was there before, nothing that came after
        assert before[kind].items() <= back[kind].items() <= after[kind].items(), kind
    assert len(back["members"]) >= len(before["members"]) >= 4
    assert "Publication n°0" in back["posts"].values()
    assert "La fibre arrive à Lectoure" in back["pages"].values()
    assert "Salut 0" in back["chat"].values() and "Oui 0" in back["forum"].values()
    # one snapshot: each room's last place is its number of messages, each
    # topic's counter its number of posts
    assert back["rooms"] and all(
        seq == count == top for seq, count, top in back["rooms"]
    )
    assert back["topics"] and all(replies == n for replies, n in back["topics"])
    # every file the restored database names is there, byte for byte
    assert len(back["files"]) >= 3 and None not in back["files"].values()
    assert back["files"].items() <= after["files"].items()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_restore_refuses_a_database_that_is_not_empty_and_force_replaces_it(member):
    kept = feed.post_create(
        author=member, body="Avant", image=photo(), image_alt="Le marché"
    )
    image = Path(settings.MEDIA_ROOT) / kept.image.name
    content = image.read_bytes()
    call_command("backup", stdout=io.StringIO())
    later = feed.post_create(author=member, body="Après")
    image.unlink()
    with translation.override("en"), pytest.raises(CommandError) as refused:
        call_command("restore", "latest")
    assert "The database is not empty" in str(refused.value)
    assert "--force" in str(refused.value)
    assert FeedPost.objects.filter(pk=later.pk).exists()  # untouched

    out = io.StringIO()
    call_command("restore", "latest", "--force", stdout=out)
    assert not FeedPost.objects.filter(pk=later.pk).exists()
    assert FeedPost.objects.get(pk=kept.pk).body == "Avant"
    assert image.read_bytes() == content


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_wrong_key_or_a_damaged_file_is_refused_before_anything(member, settings):
    settings.BACKUP_KEY = key = backups.new_key()
    feed.post_create(author=member, body="Un secret", image=photo(), image_alt="x")
    call_command("backup", stdout=io.StringIO())
    [backup] = backups.listing()
    files = sorted(p.name for p in backup.path.iterdir())
    database = "database.pgdump.enc" if ON_POSTGRESQL else "database.sqlite3.gz.enc"
    assert files == [database, "manifest.json", "media.tar.gz.enc"]
    cases = [
        (backups.new_key(), "does not open this backup"),
        ("", "This backup is encrypted: set DJANGO_BACKUP_KEY"),
        ("not-a-key", "is not a valid key"),
    ]
    for wrong, said in cases:
        settings.BACKUP_KEY = wrong
        with translation.override("en"), pytest.raises(CommandError, match=said):
            call_command("restore", backup.name, "--force")
    settings.BACKUP_KEY = key  # the right key, a damaged file
    media = backup.path / "media.tar.gz.enc"
    blob = bytearray(media.read_bytes())
    blob[len(blob) // 2] ^= 1
    media.write_bytes(bytes(blob))
    with translation.override("en"), pytest.raises(CommandError) as refused:
        call_command("restore", str(backup.path), "--force")
    assert "media.tar.gz.enc does not match its checksum" in str(refused.value)
    assert FeedPost.objects.get().body == "Un secret"  # nothing was touched


@pytest.mark.parametrize("size", [0, 1, 999, 1000, 1001, 3500])
def test_encryption_round_trip_frame_by_frame(tmp_path, monkeypatch, size):
    monkeypatch.setattr(backups, "CHUNK", 1000)
    key = backups._fernet(backups.new_key())
    data = os.urandom(size)
    output = backups._Output(tmp_path / "file.enc", key)
    output.stream.write(data)
    record = output.finish()
    sealed = (tmp_path / "file.enc").read_bytes()
    assert record == {
        "bytes": len(sealed),
        "sha256": hashlib.sha256(sealed).hexdigest(),
    }
    assert len(data) < 16 or data[:16] not in sealed  # not in clear
    with backups._reading(tmp_path / "file.enc", key) as source:
        assert source.read() == data


def _frames(blob: bytes) -> list[bytes]:
    frames = []
    while blob:
        size = int.from_bytes(blob[:4], "big") + 4
        frames.append(blob[:size])
        blob = blob[size:]
    return frames


def test_frames_cut_off_moved_or_altered_are_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(backups, "CHUNK", 100)
    key = backups._fernet(backups.new_key())
    output = backups._Output(tmp_path / "file.enc", key)
    output.stream.write(os.urandom(350))
    output.finish()
    frames = _frames((tmp_path / "file.enc").read_bytes())
    assert len(frames) == 4
    altered = bytearray(frames[1])
    altered[40] ^= 1
    for damaged in [
        frames[:-1],  # cut off
        [frames[0], frames[2], frames[1], frames[3]],  # moved
        [frames[0], bytes(altered), *frames[2:]],  # altered
        [*frames, frames[3]],  # something after the last
    ]:
        (tmp_path / "damaged.enc").write_bytes(b"".join(damaged))
        with (
            translation.override("en"),
            pytest.raises(backups.BackupError, match="is damaged"),
            backups._reading(tmp_path / "damaged.enc", key) as source,
        ):
            source.read()


def _at(day: int, month: int, hour: int) -> backups.Backup:
    moment = datetime(2026, month, day, hour, 30, tzinfo=PARIS)
    name = f"sohosolo-{moment.astimezone(ZoneInfo('UTC')):%Y-%m-%dT%H%M%SZ}"
    return backups.Backup(path=Path(name), created=moment)


def test_rotation_keeps_the_newest_of_the_last_days_and_weeks():
    start = datetime(2026, 10, 1, tzinfo=PARIS)
    every_night = [
        _at(d.day, d.month, 2) for d in (start + timedelta(n) for n in range(67))
    ]
    assert every_night[-1].created.date().isoformat() == "2026-12-06"  # a Sunday
    today = [_at(6, 12, 14), _at(6, 12, 20)]
    kept = backups.to_keep(every_night + today, daily=7, weekly=5)
    days = [(6, 12, 20), (5, 12, 2), (4, 12, 2), (3, 12, 2), (2, 12, 2), (1, 12, 2)]
    days += [(30, 11, 2)]
    weeks = [(29, 11, 2), (22, 11, 2), (15, 11, 2), (8, 11, 2)]  # last Sundays
    assert kept == {_at(*when) for when in days + weeks}
    assert backups.to_keep(today, daily=0, weekly=0) == {today[-1]}  # the newest


@pytest.mark.django_db
def test_rotation_touches_only_whole_backups_of_its_own(settings):
    folder = settings.BACKUP_DIR
    names = [
        "sohosolo-2026-12-01T013000Z",
        "sohosolo-2026-12-02T013000Z",
        "sohosolo-2026-12-02T013000Z-2",  # two in the same second
    ]
    for name in names:
        (folder / name).mkdir(parents=True)
        (folder / name / "manifest.json").write_text("{}")
    others = ["sohosolo-2026-11-01T013000Z", "notes", ".partial-sohosolo-x"]
    for name in others:  # without a manifest, or not named like a backup
        (folder / name).mkdir()
    removed = backups.rotate(daily=1, weekly=0)
    assert [b.name for b in removed] == names[:2]
    assert sorted(p.name for p in folder.iterdir()) == sorted([names[2], *others])


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_full_disk_is_told_and_leaves_nothing(monkeypatch, settings):
    def full(self, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backups._Sink, "write", full)
    with translation.override("en"), pytest.raises(CommandError) as refused:
        call_command("backup")
    assert f"The disk holding {settings.BACKUP_DIR} is full" in str(refused.value)
    assert list(settings.BACKUP_DIR.iterdir()) == []


def test_a_missing_pg_dump_is_told_in_french_and_english(monkeypatch):
    monkeypatch.setattr(backups.shutil, "which", lambda name: None)
    with translation.override("en"), pytest.raises(backups.BackupError) as english:
        backups._program("pg_dump")
    assert str(english.value).startswith("pg_dump was not found: install")
    with translation.override("fr"), pytest.raises(backups.BackupError) as french:
        backups._program("pg_dump")
    assert str(french.value).startswith("pg_dump est introuvable")


@pytest.mark.django_db
def test_a_second_copy_is_told_and_writes_nothing(settings):
    out = io.StringIO()
    with held_elsewhere("backup"):
        call_command("backup", stdout=out)
        call_command("restore", "latest", stdout=out)
    assert out.getvalue() == (
        "backup: already running, skipped.\nrestore: already running, skipped.\n"
    )
    assert not settings.BACKUP_DIR.exists()
