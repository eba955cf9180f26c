"""The main pages on a phone over a weak rural link (issue #22): bytes and time to
`load`, first visit and second visit (service worker warm).

    .venv/bin/python bench/phone.py              # the demo in the bench's var dir
    .venv/bin/python bench/phone.py --var var    # an existing demo (make run's)

The site runs as `make run` serves it: daphne, the embedded default (SQLite, the
production settings: DEBUG off, WhiteNoise over a `collectstatic`), in
`--var` (default /tmp/sohosolo-bench-phone-var, migrated and seeded with the demo
when empty). Between it and Debian's Chromium sits a link of our own
(`Link`, below): 1 Mbit/s each way shared by every connection, and 150 ms each
way (300 ms round trip), for every byte, TCP handshakes and the service worker's
own requests included (DevTools' throttling would skip the worker's).

A plain demo member (in a committee and its chat room) is signed in with a
session made by Django's SessionStore. For each of the 12 main pages:
- first visit: a new browser context (no HTTP cache, no service worker) opens
  the page; the figures are the bytes received (compressed, headers included)
  for the HTML, CSS and JavaScript, the same for everything, and the time from
  navigation start to the end of `load` (Navigation Timing);
- second visit: in the same context, once the service worker is active (it
  stored the shell when it installed), the same page is opened again; the bytes
  are those that crossed the link both ways (the page comes from the network,
  the style sheet and scripts from the worker's store).
Each page is requested once straight from the server first, so that the figures
are the link's and not a cold server's.
Goals: at most 60 KB of HTML + CSS + JS on a first visit; at most 1.5 s to
`load` on a second one. The figures of three runs are in the README.
"""

import argparse
import asyncio
import http.client
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intranet.settings")

RATE = 1_000_000 / 8  # bytes a second, each way
ONE_WAY = 0.150  # seconds
GOAL_BYTES = 60 * 1024
GOAL_WARM = 1.5
CODE = {"document", "stylesheet", "script"}


class Link:
    """A TCP relay that delays and limits what crosses it, like a slow line: each
    direction is one pipe of RATE bytes a second shared by every connection, and
    every chunk arrives ONE_WAY seconds after it has gone through the pipe."""

    def __init__(self, upstream_port: int) -> None:
        self.upstream_port = upstream_port
        self.port = _free_port()
        self.free_at = {"down": 0.0, "up": 0.0}
        self.carried = {"down": 0, "up": 0}  # bytes, for the figures
        self.loop = asyncio.new_event_loop()
        self.ready = threading.Event()
        threading.Thread(target=self._run, daemon=True).start()
        self.ready.wait(10)

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)

        async def start() -> None:
            await asyncio.start_server(self._client, "127.0.0.1", self.port)
            self.ready.set()

        self.loop.run_until_complete(start())
        self.loop.run_forever()

    async def _client(self, reader, writer) -> None:
        await asyncio.sleep(2 * ONE_WAY)  # SYN, SYN-ACK: the handshake's round trip
        up_reader, up_writer = await asyncio.open_connection(
            "127.0.0.1", self.upstream_port
        )
        await asyncio.gather(
            self._pipe(reader, up_writer, "up"),
            self._pipe(up_reader, writer, "down"),
        )

    async def _pipe(self, reader, writer, direction: str) -> None:
        queue: asyncio.Queue = asyncio.Queue()

        async def deliver() -> None:
            while True:
                due, data = await queue.get()
                await asyncio.sleep(max(0.0, due - time.monotonic()))
                if data is None:
                    writer.close()
                    return
                writer.write(data)
                await writer.drain()

        delivery = asyncio.ensure_future(deliver())
        try:
            while True:
                data = await reader.read(16384)
                now = time.monotonic()
                if not data:
                    queue.put_nowait((now + ONE_WAY, None))
                    break
                self.carried[direction] += len(data)
                start = max(now, self.free_at[direction])
                self.free_at[direction] = start + len(data) / RATE
                queue.put_nowait((self.free_at[direction] + ONE_WAY, data))
        except ConnectionError:
            queue.put_nowait((time.monotonic(), None))
        await delivery


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def prepare(var: Path) -> dict[str, str]:
    env = {**os.environ, "DJANGO_VAR_DIR": str(var)}
    env.pop("DATABASE_URL", None)  # the embedded default
    env.pop("REDIS_URL", None)
    env.pop("DJANGO_DEBUG", None)
    var.mkdir(parents=True, exist_ok=True)
    manage = [sys.executable, str(ROOT / "manage.py")]
    for command in (["migrate", "--noinput", "-v0"],
                    ["collectstatic", "--noinput", "-v0"],
                    ["seed_demo", "--if-empty"]):  # fmt: skip
        subprocess.run([*manage, *command], env=env, check=True, cwd=ROOT)
    return env


def choose_pages() -> tuple[object, list[tuple[str, str]]]:
    """A plain member of a committee with a chat room, and the 12 main pages."""
    from django.db.models import Count
    from django.utils import timezone

    from chat.models import Room
    from committees.models import CommitteeMembership
    from events.models import EventIndexPage, EventPage
    from forums.models import Topic

    membership = (
        CommitteeMembership.objects.filter(
            role=CommitteeMembership.Role.MEMBER,
            user__is_staff=False,
            committee__chat_room__isnull=False,
        )
        .select_related("user", "committee")
        .order_by("pk")
        .first()
    )
    member, committee = membership.user, membership.committee
    room = Room.objects.filter(committee=committee).first()
    event = (
        EventPage.objects.live()
        .filter(start__gt=timezone.now())
        .order_by("start")
        .first()
    )
    topic = (
        Topic.objects.filter(category__committee=None)
        .annotate(size=Count("posts"))
        .filter(size__lte=20)
        .order_by("-size", "pk")
        .first()
    )
    agenda = EventIndexPage.objects.live().order_by("depth", "path").first()
    return member, [
        ("dashboard", "/"),
        ("my feed", "/fil/"),
        ("news", "/actualites/"),
        ("forums", "/forums/"),
        (f"a topic ({topic.size} messages)", f"/forums/sujets/{topic.pk}/"),
        ("agenda", agenda.get_url()),
        ("a meetup", event.get_url()),
        ("committees", "/comites/"),
        (f"committee {committee.title}", committee.get_url()),
        ("directory", "/membres/"),
        ("notifications", "/notifications/"),
        ("chat room", f"/discussions/{room.pk}/"),
    ]


def session_cookie(member) -> tuple[str, str]:
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session[SESSION_KEY] = str(member.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = member.get_session_auth_hash()
    session.create()
    return settings.SESSION_COOKIE_NAME, session.session_key


def warm_up(port: int, pages, cookie: str) -> None:
    """Each page once, straight to the server: the figures are the link's, not
    those of a server's first request (its caches, its templates)."""
    for _name, path in pages:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        connection.request("GET", path, headers={"Cookie": cookie, "Host": "localhost"})
        connection.getresponse().read()
        connection.close()


def visit(page, path: str, link: "Link") -> dict:
    """Open `path`; the bytes received by kind and the time to the end of load."""
    responses = []

    def seen(response) -> None:
        responses.append(response)

    page.on("response", seen)
    before = link.carried["down"] + link.carried["up"]
    page.goto(path, wait_until="load", timeout=120_000)
    wire = link.carried["down"] + link.carried["up"] - before
    page.remove_listener("response", seen)
    code = total = from_worker = 0
    for response in responses:
        request = response.request
        if response.from_service_worker:
            from_worker += 1
        try:
            sizes = request.sizes()
        except Exception:  # noqa: BLE001 - a response the page dropped
            continue
        size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
        total += size
        if request.resource_type in CODE:
            code += size
    timing = page.evaluate(
        "() => { const n = performance.getEntriesByType('navigation')[0];"
        " return n.loadEventEnd - n.startTime; }"
    )
    return {
        "code": code,
        "total": total,
        "wire": wire,
        "load": timing / 1000,
        "from_worker": from_worker,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--var", default="/tmp/sohosolo-bench-phone-var", help="DJANGO_VAR_DIR"
    )
    parser.add_argument("--chromium", default=os.environ.get("CHROMIUM_PATH", ""))
    args = parser.parse_args()
    var = Path(args.var).resolve()
    env = prepare(var)
    os.environ["DJANGO_VAR_DIR"] = str(var)
    for name in ("DATABASE_URL", "REDIS_URL", "DJANGO_DEBUG"):
        os.environ.pop(name, None)

    import django

    django.setup()
    member, pages = choose_pages()
    cookie_name, cookie_value = session_cookie(member)

    port = _free_port()
    server = subprocess.Popen(
        [str(Path(sys.executable).with_name("daphne")), "-b", "127.0.0.1",
         "-p", str(port), "intranet.asgi:application"],
        env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), 0.2).close()
                break
            except OSError:
                time.sleep(0.2)
        warm_up(port, pages, f"{cookie_name}={cookie_value}")
        link = Link(port)
        print(f"\nAs {member.email}, over 1 Mbit/s each way and 300 ms round trip "
              f"(daphne, SQLite, production settings)\n")  # fmt: skip
        print(f"{'page':<28} {'1st HTML+CSS+JS':>16} {'1st all':>9} "
              f"{'1st load':>9} {'2nd wire':>9} {'2nd load':>9}")  # fmt: skip
        rows = measure(link, pages, cookie_name, cookie_value, args.chromium)
    finally:
        server.terminate()
        server.wait(10)
    worst_code = max(row[1]["code"] for row in rows)
    worst_warm = max(row[2]["load"] for row in rows)
    print(f"\nlargest first visit: {worst_code / 1024:.1f} KB of HTML + CSS + JS "
          f"(goal ≤ {GOAL_BYTES // 1024} KB); slowest second visit: "
          f"{worst_warm:.2f} s (goal ≤ {GOAL_WARM} s)")  # fmt: skip


def measure(link: Link, pages, cookie_name, cookie_value, chromium: str) -> list:
    from playwright.sync_api import sync_playwright

    base = f"http://localhost:{link.port}"
    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium or "/usr/bin/chromium",
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking"],
        )  # fmt: skip
        for name, path in pages:
            context = browser.new_context(
                base_url=base, locale="fr-FR", viewport={"width": 375, "height": 800}
            )
            context.add_cookies([{"name": cookie_name, "value": cookie_value,
                                  "domain": "localhost", "path": "/"}])  # fmt: skip
            page = context.new_page()
            first = visit(page, path, link)
            # The worker installed during the first visit (storing the shell).
            page.evaluate("navigator.serviceWorker.ready.then(() => true)")
            second = visit(page, path, link)
            context.close()
            rows.append((name, first, second))
            print(f"{name[:28]:<28} {first['code'] / 1024:>13.1f} KB "
                  f"{first['total'] / 1024:>6.1f} KB {first['load']:>7.2f} s "
                  f"{second['wire'] / 1024:>6.1f} KB {second['load']:>7.2f} s",
                  flush=True)  # fmt: skip
        browser.close()
    return rows


if __name__ == "__main__":
    main()
