"""The main pages as a member sees them, beside a bare Django page (issue #19).

    .venv/bin/python bench/pages.py                    # the demo (1×), 10 s a page
    .venv/bin/python bench/pages.py --scale 10         # grow to 10× first, then measure
    .venv/bin/python bench/pages.py --scale 100 --explain --seconds 15
    .venv/bin/python bench/pages.py --scale 100 --no-load   # grow only

Data: a PostgreSQL database of the bench's own (`DATABASE_URL`, default
`sohosolo_bench_pages`, created when missing), migrated and seeded with the demo
(`seed_demo`) once. `--scale N` then grows it to N× the demo with bulk SQL
(`INSERT … SELECT … generate_series`): copy k of every demo member (user, profile,
committee membership), and copy k of every feed post, comment, actstream action,
forum topic and message, chat message, notification and meetup answer, each copy
30 days × k older than the demo (chat messages excepted, see below). Copies keep
the demo's ids + k × a stride (recorded in the table `bench_pages_scale` with the
scale reached), so `--scale 10` then `--scale 100` adds only copies 10 to 99.
Authors of copied posts, topics and messages are the copies of the demo's authors;
notifications stay with their recipients (each member gets N× the history); chat
messages go into the same rooms, after the demo's, numbered on (`seq` + k × the
room's demo length, `last_seq` updated), and read markers move to the same
message's last copy, so unread counts stay those of the demo. The Wagtail page tree
is left as it is. VACUUM ANALYZE follows.

Pages: gunicorn, 2 sync workers, with the production settings (`DJANGO_DEBUG`
unset, WhiteNoise over a `collectstatic` into the bench's `DJANGO_VAR_DIR`,
default /tmp/sohosolo-bench-pages-var; `REDIS_URL` is passed on if set, else each
worker has its local-memory cache) and `bench/pages_settings.py`, which adds
`/bench-bare/` (50 users from the ORM through a small template, behind the same
middleware) to the project's URLs. A plain demo member (not staff, in a committee,
in chat rooms) is logged in through a session made with Django's SessionStore. For
each page, 2 client threads (keep-alive `http.client`) request it for `--seconds`
in `--rounds` slices (default 3), each right after a slice of the bare page half
as long (each slice after a warm-up: 1 s, then 0.5 s): the page's ratio is the
median of its slices' ratios to the bare slice beside them, so that a machine whose
speed swings during the bench (this shared one does, by half, in bursts of a few
seconds) compares each page with the bare page of the same moment, and one burst
moves one slice, not the figure. `spread` gives the lowest and highest slice
ratios. The bare page's row gives the mean of its slices.

Figures per page:
- `req`: requests done in the time, `p50`/`p99`: latency in ms seen by the client;
- `CPU ms`: user+system CPU of the gunicorn workers (/proc/<pid>/stat) per request,
  over all the page's slices; `× bare`: the median of the slices' ratios to the bare
  page, and `spread` their range;
- `PG ms`: CPU of the PostgreSQL backends that serve the workers, per request
  (the bench keeps the workers' connections open for good, `CONN_MAX_AGE=None`,
  where production reopens them every 60 s, so that no backend ends mid-count);
- `queries` and `DB ms`: from a request of the page rendered in the bench's own
  process (the same settings, warm; the median of 3 by DB time), every query timed
  through `connection.execute_wrapper` (the time includes the round trip), and the
  `slowest ms` of them;
- `KB` and `gz KB`: the response raw and gzipped (level 6; the servers do not
  compress HTML).
`--explain` prints, for each page, `EXPLAIN (ANALYZE, BUFFERS)` of its slowest
SELECT (run in a transaction that is rolled back).

The machine has 2 cores: the bench's client threads share them with gunicorn and
PostgreSQL, so latencies include some queueing; CPU per request does not.
"""

import argparse
import gzip
import http.client
import os
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.pages_settings"
os.environ.setdefault(
    "DATABASE_URL", "postgres://postgres@127.0.0.1:5432/sohosolo_bench_pages"
)
os.environ.setdefault("DJANGO_VAR_DIR", "/tmp/sohosolo-bench-pages-var")
os.environ.pop("DJANGO_DEBUG", None)

SHIFT_DAYS = 30  # copy k is k × this older than the demo
TICK = os.sysconf("SC_CLK_TCK")


# --- Data -----------------------------------------------------------------------------


def prepare_data() -> None:
    from django.core.management import call_command
    from django.db import connection, transaction

    call_command("migrate", verbosity=0)
    call_command("seed_demo", if_empty=True, verbosity=0)
    with transaction.atomic(), connection.cursor() as cursor:
        _strides(cursor)  # the demo as seeded: its largest ids
        cursor.execute(
            "SELECT coalesce(last_analyze, last_autoanalyze) IS NULL "
            "FROM pg_stat_user_tables WHERE relname = 'chat_message'"
        )
        never_analyzed = cursor.fetchone()[0]
    if never_analyzed:
        analyze()
    call_command("collectstatic", interactive=False, verbosity=0)  # new files too


# Tables grown, in the order they are copied (foreign keys are deferred).
GROWN = [
    "members_user",
    "members_profile",
    "members_committeemembership",
    "activity_feedpost",
    "activity_comment",
    "forums_topic",
    "forums_post",
    "actstream_action",
    "chat_message",
    "activity_notification",
    "events_rsvp",
]


def _columns(cursor, table: str) -> list[str]:
    cursor.execute(
        "SELECT column_name FROM information_schema.columns "
        "WHERE table_name = %s AND is_generated = 'NEVER' ORDER BY ordinal_position",
        [table],
    )
    return [name for (name,) in cursor.fetchall()]


def _strides(cursor) -> dict[str, tuple[int, int]]:
    """Per table (demo's largest id B, stride S > B): copy k of row id is id + k·S."""
    cursor.execute(
        "CREATE TABLE IF NOT EXISTS bench_pages_scale "
        "(name text PRIMARY KEY, base bigint NOT NULL, stride bigint NOT NULL)"
    )
    cursor.execute("SELECT name, base, stride FROM bench_pages_scale")
    known = {name: (base, stride) for name, base, stride in cursor.fetchall()}
    if "scale" not in known:
        for table in GROWN:
            cursor.execute(f"SELECT coalesce(max(id), 0) FROM {table}")
            (base,) = cursor.fetchone()
            stride = 10 ** (len(str(base)) + 1)
            cursor.execute(
                "INSERT INTO bench_pages_scale VALUES (%s, %s, %s)",
                [table, base, stride],
            )
            known[table] = (base, stride)
        cursor.execute("INSERT INTO bench_pages_scale VALUES ('scale', 1, 0)")
        known["scale"] = (1, 0)
    return known


def grow(scale: int) -> None:
    """Copy the demo until the database holds `scale` times it (see the docstring)."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction

    from activity.models import Comment, FeedPost
    from forums.models import Post, Topic
    from members.models import User

    with transaction.atomic(), connection.cursor() as cursor:
        known = _strides(cursor)
        reached = known["scale"][0]
        if scale <= reached:
            print(f"data at {reached}× the demo", flush=True)
            return
        first, last = reached, scale - 1  # the copies k to add
        base = {table: known[table][0] for table in GROWN}
        stride = {table: known[table][1] for table in GROWN}
        shift = f"g.k * interval '{SHIFT_DAYS} days'"

        def mapped(column: str, table: str) -> str:
            # A reference to a demo row goes to that row's copy k.
            return (
                f"CASE WHEN t.{column} <= {base[table]} "
                f"THEN t.{column} + g.k * {stride[table]} ELSE t.{column} END"
            )

        def copy(table: str, overrides: dict[str, str], where: str = "TRUE") -> None:
            started = time.monotonic()
            columns = _columns(cursor, table)
            values = {name: f't."{name}"' for name in columns}
            values["id"] = f"t.id + g.k * {stride[table]}"
            values.update(overrides)
            names = ", ".join(f'"{name}"' for name in columns)
            cursor.execute(
                f"INSERT INTO {table} ({names}) "
                f"SELECT {', '.join(values[name] for name in columns)} "
                f"FROM {table} t CROSS JOIN generate_series(%s::int, %s::int) AS g(k) "
                f"WHERE t.id <= {base[table]} AND {where}",
                [first, last],
            )
            rows = cursor.rowcount
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT max(id) FROM {table}))"
            )
            print(f"  {table}: +{rows} rows "
                  f"({time.monotonic() - started:.1f} s)", flush=True)  # fmt: skip

        print(f"growing from {reached}× to {scale}×…", flush=True)
        user = mapped("user_id", "members_user")
        copy("members_user", {
            "email": "'b' || g.k || '.' || t.email",
            "is_superuser": "false", "is_staff": "false", "last_login": "NULL",
            "date_joined": f"t.date_joined - {shift}",
        })  # fmt: skip
        copy(
            "members_profile", {"user_id": user}, f"t.user_id <= {base['members_user']}"
        )
        copy("members_committeemembership",
             {"user_id": user, "role": "'member'", "is_editor": "false"},
             f"t.user_id <= {base['members_user']}")  # fmt: skip
        written = {
            "author_id": mapped("author_id", "members_user"),
            "hidden_by_id": "NULL",
            "created_at": f"t.created_at - {shift}",
        }
        copy("activity_feedpost", written)
        post = mapped("post_id", "activity_feedpost")
        copy("activity_comment", {**written, "post_id": post})
        copy("forums_topic", {
            **written,
            "last_post_at": f"t.last_post_at - {shift}",
            "last_post_id": mapped("last_post_id", "forums_post"),
        })  # fmt: skip
        copy("forums_post",
             {**written, "topic_id": mapped("topic_id", "forums_topic")})  # fmt: skip

        # actstream's generic references, by content type.
        types = {
            ContentType.objects.get_for_model(model).pk: table
            for model, table in (
                (User, "members_user"),
                (FeedPost, "activity_feedpost"),
                (Comment, "activity_comment"),
                (Topic, "forums_topic"),
                (Post, "forums_post"),
            )
        }

        def generic(prefix: str) -> str:
            column = f"t.{prefix}_object_id"
            cases = " ".join(
                f"WHEN t.{prefix}_content_type_id = {pk} THEN CASE "
                f"WHEN {column}::bigint <= {base[table]} "
                f"THEN ({column}::bigint + g.k * {stride[table]})::text "
                f"ELSE {column} END"
                for pk, table in types.items()
            )
            return f"CASE {cases} ELSE {column} END"

        copy("actstream_action", {
            "actor_object_id": generic("actor"),
            "action_object_object_id": generic("action_object"),
            "target_object_id": generic("target"),
            "timestamp": f't."timestamp" - {shift}',
        })  # fmt: skip

        # Chat: the same rooms, after the demo's messages, numbered on. Unread
        # counts need nothing more than `last_seq` and the markers (chat.selectors);
        # search's trigram index (chat migration 0009) is built again after the
        # copy, faster than row by row.
        cursor.execute("DROP INDEX IF EXISTS chat_message_folded_trgm")
        cursor.execute(
            "CREATE TEMP TABLE bench_room_length ON COMMIT DROP AS "
            "SELECT room_id, max(seq) AS length FROM chat_message "
            f"WHERE id <= {base['chat_message']} GROUP BY room_id"
        )
        copy("chat_message", {
            "seq": "t.seq + g.k * (SELECT length FROM bench_room_length r "
                   "WHERE r.room_id = t.room_id)",
            "key": "CASE WHEN t.key = '' THEN '' ELSE t.key || '.' || g.k END",
        })  # fmt: skip
        cursor.execute(
            "UPDATE chat_room SET last_seq = m.last FROM "
            "(SELECT room_id, max(seq) AS last FROM chat_message GROUP BY room_id) m "
            "WHERE m.room_id = chat_room.id"
        )
        # Check the deferred foreign keys now: PostgreSQL builds no index on a
        # table with pending trigger events.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute(
            "CREATE INDEX chat_message_folded_trgm ON chat_message "
            "USING gin (folded gin_trgm_ops)"
        )
        message = base["chat_message"], stride["chat_message"]
        cursor.execute(
            "UPDATE chat_readmarker SET last_read_id = "
            "last_read_id %% %s + %s * %s WHERE last_read_id > 0 "
            "AND last_read_id %% %s BETWEEN 1 AND %s",
            [message[1], last, message[1], message[1], message[0]],
        )
        copy("activity_notification", {
            "created_at": f"t.created_at - {shift}",
            "read_at": f"coalesce(t.read_at, t.created_at) - {shift}",
            "digest_id": "NULL",
        })  # fmt: skip
        copy("events_rsvp", {
            "user_id": user,
            "created_at": f"t.created_at - {shift}",
            "updated_at": f"t.updated_at - {shift}",
        }, f"t.user_id <= {base['members_user']}")  # fmt: skip
        cursor.execute(
            "UPDATE bench_pages_scale SET base = %s WHERE name = 'scale'", [scale]
        )
    analyze()


def analyze() -> None:
    """What autovacuum does on a database in use, done now (it may be off, and is
    slow to come): statistics for the planner, and a VACUUM, without which the
    rows copied in bulk wait in the GIN indexes' pending lists (every full-text
    and trigram search then scans them: 12 ms rather than 2 for a forum topic's
    title at 100 ×) and index-only scans visit the table."""
    from django.db import connection

    started = time.monotonic()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    print(f"VACUUM ANALYZE ({time.monotonic() - started:.1f} s)", flush=True)


def scale_reached() -> int:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass('bench_pages_scale')")
        if cursor.fetchone()[0] is None:
            return 1
        cursor.execute("SELECT base FROM bench_pages_scale WHERE name = 'scale'")
        row = cursor.fetchone()
        return row[0] if row else 1


# --- The member and the pages ---------------------------------------------------------


def choose_pages() -> tuple[object, list[tuple[str, str]]]:
    """A plain demo member, and the pages to measure as (name, path)."""
    from django.db.models import Count

    from chat.selectors import my_rooms
    from committees.models import CommitteeMembership
    from events.models import EventPage
    from forums.models import Topic
    from members.models import User

    demo = User.objects.filter(pk__lte=_base("members_user"))
    # A plain member: not staff, in one committee as a member, the one whose
    # committee has the most members (the busiest committee page and room).
    plain = CommitteeMembership.objects.filter(
        user__in=demo.filter(is_staff=False, is_superuser=False),
        role=CommitteeMembership.Role.MEMBER,
        is_editor=False,
    ).exclude(user__committee_memberships__role__in=["referent", "elected"])
    busiest = (
        CommitteeMembership.objects.values("committee")
        .annotate(size=Count("pk"))
        .order_by("-size", "committee")
    )
    committees = [row["committee"] for row in busiest]
    membership = min(
        plain.select_related("user", "committee"),
        key=lambda m: (committees.index(m.committee_id), m.user_id),
    )
    member, committee = membership.user, membership.committee
    room = (
        my_rooms(user=member)
        .annotate(size=Count("messages"))
        .order_by("-size", "pk")
        .first()
    )
    other = (
        demo.filter(committee_memberships__committee=committee, is_staff=False)
        .exclude(pk=member.pk)
        .order_by("pk")
        .first()
    )
    event = (
        EventPage.objects.live()
        .public()
        .annotate(answers=Count("rsvps"))
        .order_by("-answers", "pk")
        .first()
    )
    topic = (
        Topic.objects.filter(pk__lte=_base("forums_topic"), category__committee=None)
        .annotate(size=Count("posts"))
        .filter(size__lte=25)
        .order_by("-size", "pk")
        .first()
    )
    pages = [
        ("bare Django page", "/bench-bare/"),
        ("dashboard", "/"),
        (f"committee {committee.title}", committee.get_url()),
        ("search « fibre »", "/recherche/?q=fibre"),
        ("directory", "/membres/"),
        ("/fil/", "/fil/"),
        (f"chat room {room.pk}", f"/discussions/{room.pk}/"),
        (f"profile {other.pk}", f"/membres/{other.pk}/"),
        (f"meetup {event.pk}", event.get_url()),
        (f"forum topic ({topic.size} msgs)", f"/forums/sujets/{topic.pk}/"),
        ("/notifications/", "/notifications/"),
    ]
    return member, pages


def _base(table: str) -> int:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass('bench_pages_scale')")
        if cursor.fetchone()[0] is not None:
            cursor.execute(
                "SELECT base FROM bench_pages_scale WHERE name = %s", [table]
            )
            row = cursor.fetchone()
            if row:
                return row[0]
        cursor.execute(f"SELECT coalesce(max(id), 0) FROM {table}")
        return cursor.fetchone()[0]


def session_cookie(member) -> str:
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session[SESSION_KEY] = str(member.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = member.get_session_auth_hash()
    session.create()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


class Timed:
    """Every query of the bench's own connection, with its time (execute_wrapper)."""

    def __init__(self) -> None:
        self.queries: list[tuple[float, str, object]] = []

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.queries.append((time.perf_counter() - started, sql, params))


WARM_RUNS = 7


def in_process(path: str, cookie: str) -> tuple[int, Timed]:
    """A warm request of the page in this process, its queries timed."""
    from django.db import connection
    from django.test import Client

    name, value = cookie.split("=", 1)
    client = Client(HTTP_HOST="127.0.0.1")
    client.cookies[name] = value
    # Warm: caches, templates, and each statement prepared and past PostgreSQL's
    # five plans for its values, as on a connection the servers have used a while.
    for _ in range(WARM_RUNS):
        client.get(path)
    runs = []
    for _ in range(3):
        timed = Timed()
        with connection.execute_wrapper(timed):
            response = client.get(path)
        runs.append(timed)
    runs.sort(key=lambda timed: sum(query[0] for query in timed.queries))
    return response.status_code, runs[1]  # the median of 3


def explain(timed: Timed) -> str:
    from django.db import connection, transaction

    selects = [q for q in timed.queries if q[1].lstrip().upper().startswith("SELECT")]
    if not selects:
        return "(no SELECT)"
    duration, sql, params = max(selects, key=lambda q: q[0])
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
        plan = "\n".join(line for (line,) in cursor.fetchall())
        transaction.set_rollback(True)
    return f"-- {duration * 1000:.1f} ms in the page\n{sql}\n{plan}"


# --- Load -----------------------------------------------------------------------------


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def cpu_seconds(pids: list[int]) -> dict[int, float]:
    """User + system CPU seconds of each process still there."""
    seconds = {}
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        seconds[pid] = (int(fields[11]) + int(fields[12])) / TICK  # utime, stime
    return seconds


def cpu_used(before: dict[int, float], after: dict[int, float]) -> float:
    """CPU used between two readings (a process born in between counts whole)."""
    return sum(used - before.get(pid, 0) for pid, used in after.items())


class Gunicorn:
    def __init__(self) -> None:
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> "Gunicorn":
        binary = Path(sys.executable).with_name("gunicorn")
        self.process = subprocess.Popen(
            [str(binary), "--workers", "2", "--worker-class", "sync",
             "--bind", f"127.0.0.1:{self.port}", "--log-level", "warning",
             "intranet.wsgi:application"],
            cwd=ROOT, env=os.environ.copy(),
        )  # fmt: skip
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if len(self.workers()) == 2:
                try:
                    self.request("/health/", "")
                    return self
                except OSError:
                    pass
            time.sleep(0.3)
        raise RuntimeError("gunicorn did not start")

    def __exit__(self, *exc) -> None:
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(30)

    def workers(self) -> list[int]:
        pid = self.process.pid
        try:
            children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        except FileNotFoundError:
            return []
        return [int(child) for child in children]

    def request(self, path: str, cookie: str) -> tuple[int, bytes]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            connection.request("GET", path, headers={"Cookie": cookie})
            response = connection.getresponse()
            return response.status, response.read()
        finally:
            connection.close()


def postgres_backends() -> list[int]:
    """The PostgreSQL processes serving this database, the bench's own excepted."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        return [pid for (pid,) in cursor.fetchall()]


def load(
    server: Gunicorn, path: str, cookie: str, seconds: float, warmup: float = 1.0
) -> dict:
    """2 client threads on the page: `warmup` seconds, then `seconds` measured."""
    latencies: list[float] = []
    statuses: set[int] = set()
    lock = threading.Lock()
    phase = {"measure": False, "stop": False}

    def client() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
        headers = {"Cookie": cookie, "Accept-Encoding": "identity"}
        while not phase["stop"]:
            started = time.perf_counter()
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            response.read()
            elapsed = time.perf_counter() - started
            if response.will_close:
                connection.close()
            if phase["measure"] and not phase["stop"]:
                with lock:
                    latencies.append(elapsed)
                    statuses.add(response.status)
        connection.close()

    threads = [threading.Thread(target=client) for _ in range(2)]
    for thread in threads:
        thread.start()
    time.sleep(warmup)
    workers = server.workers()
    cpu, pg = cpu_seconds(workers), cpu_seconds(postgres_backends())
    phase["measure"] = True
    started = time.monotonic()
    time.sleep(seconds)
    phase["stop"] = True
    elapsed = time.monotonic() - started
    cpu = cpu_used(cpu, cpu_seconds(workers))
    pg = cpu_used(pg, cpu_seconds(postgres_backends()))
    for thread in threads:
        thread.join()
    return {
        "latencies": latencies,
        "elapsed": elapsed,
        "cpu_seconds": cpu,
        "pg_seconds": pg,
        "statuses": statuses,
    }


def figures_of(runs: list[dict]) -> dict:
    """The figures of a page over its slices: rates and latencies of all their
    requests, CPU per request over all of them."""
    latencies = [latency for run in runs for latency in run["latencies"]]
    count = len(latencies) or 1
    ordered = sorted(latencies) or [0.0]
    return {
        "requests": len(latencies),
        "rate": len(latencies) / sum(run["elapsed"] for run in runs),
        "p50": 1000 * statistics.median(ordered),
        "p99": 1000 * ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))],
        "cpu": 1000 * sum(run["cpu_seconds"] for run in runs) / count,
        "pg": 1000 * sum(run["pg_seconds"] for run in runs) / count,
        "statuses": set().union(*(run["statuses"] for run in runs)),
    }


def cpu_per_request(run: dict) -> float:
    return run["cpu_seconds"] / (len(run["latencies"]) or 1)


# --- Main -----------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=int, default=1, help="grow to N× the demo")
    parser.add_argument("--seconds", type=float, default=10, help="per page")
    parser.add_argument("--rounds", type=int, default=3, help="slices a page")
    parser.add_argument("--explain", action="store_true")
    parser.add_argument("--no-load", action="store_true", help="grow only")
    parser.add_argument("--only", default="", help="pages whose name contains this")
    args = parser.parse_args()

    import django

    django.setup()
    from bench.faults import ensure_database

    ensure_database()
    prepare_data()
    grow(args.scale)
    if args.no_load:
        return
    from django.db import connection

    member, pages = choose_pages()
    if args.only:
        pages = pages[:1] + [p for p in pages[1:] if args.only in p[0]]
    cookie = session_cookie(member)
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM members_user")
        (members,) = cursor.fetchone()
    print(f"\n{scale_reached()}× the demo: {members} members; measuring as "
          f"{member.email} (id {member.pk}), {args.seconds:g} s a page, "
          f"2 clients, gunicorn 2 sync workers\n", flush=True)  # fmt: skip

    static = {}
    plans = {}
    for name, path in pages:
        status, timed = in_process(path, cookie)
        static[name] = {
            "status": status,
            "queries": len(timed.queries),
            "db": 1000 * sum(q[0] for q in timed.queries),
            "slowest": 1000 * max((q[0] for q in timed.queries), default=0),
        }
        if args.explain:
            plans[name] = explain(timed)
        connection.close()  # the bench's connection: not a worker's

    results = {}
    bare_runs = []
    (bare_name, bare_path), measured = pages[0], pages[1:]
    with Gunicorn() as server:
        for name, path in measured:
            runs, ratios = [], []
            for round_ in range(args.rounds):
                warmup = 0.5 if round_ else 1.0
                share = args.seconds / args.rounds
                bare_runs.append(load(server, bare_path, cookie, share / 2, warmup))
                runs.append(load(server, path, cookie, share, warmup))
                ratios.append(
                    cpu_per_request(runs[-1]) / cpu_per_request(bare_runs[-1])
                )
            status, body = server.request(path, cookie)
            figures = figures_of(runs)
            figures.update(size=len(body), gzip=len(gzip.compress(body, 6)))
            figures.update(status=status, ratio=statistics.median(ratios))
            figures.update(spread=(min(ratios), max(ratios)))
            results[name] = figures
            connection.close()
            print(f"  {name}: {figures['requests']} requests, × bare "
                  + ", ".join(f"{ratio:.1f}" for ratio in ratios),
                  flush=True)  # fmt: skip
        status, body = server.request(bare_path, cookie)
    bare = figures_of(bare_runs)
    bare.update(size=len(body), gzip=len(gzip.compress(body, 6)), ratio=1.0)
    bare.update(spread=(1.0, 1.0))
    results = {bare_name: bare, **results}
    head = ("page", "HTTP", "req", "req/s", "p50", "p99", "CPU ms", "× bare",
            "spread", "PG ms", "queries", "DB ms", "slowest ms", "KB",
            "gz KB")  # fmt: skip
    print("\n| " + " | ".join(head) + " |")
    print("| --- | " + " | ".join("--:" for _ in head[1:]) + " |")
    for name, figures in results.items():
        fixed = static[pages[0][0] if name.startswith("bare") else name]
        statuses = "/".join(str(s) for s in sorted(figures["statuses"] or {0}))
        row = (
            name,
            statuses,
            f"{figures['requests']:.0f}",
            f"{figures['rate']:.1f}",
            f"{figures['p50']:.0f}",
            f"{figures['p99']:.0f}",
            f"{figures['cpu']:.1f}",
            f"{figures['ratio']:.1f}",
            "–".join(f"{ratio:.1f}" for ratio in figures["spread"]),
            f"{figures['pg']:.1f}",
            f"{fixed['queries']}",
            f"{fixed['db']:.1f}",
            f"{fixed['slowest']:.1f}",
            f"{figures['size'] / 1024:.1f}",
            f"{figures['gzip'] / 1024:.1f}",
        )
        print("| " + " | ".join(row) + " |")
    print(
        "\nCPU ms and PG ms: per request, gunicorn workers and PostgreSQL backends;"
        " queries, DB ms, slowest: a warm request in the bench's process."
    )
    for name, plan in plans.items():
        print(f"\n=== {name}: slowest query\n{plan}")


if __name__ == "__main__":
    main()
