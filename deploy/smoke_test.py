#!/usr/bin/env python3
"""Check a deployed intranet from outside, as its members reach it.

    .venv/bin/python deploy/smoke_test.py https://intranet.example.org \\
        --user a@example.org --peer b@example.org

(the two passwords are asked, or read from SMOKE_PASSWORD and SMOKE_PEER_PASSWORD).

It checks `/health/` (database, cache, channel layer, every daphne), that plain
HTTP is sent to HTTPS, that static files have long caching and are compressed,
that a member logs in and gets the dashboard compressed, that the uploaded files
stay behind the login, and that a chat message from one member reaches the other
through nginx's `/ws/`. It writes nothing but that message, in the two accounts'
conversation, and deletes it at the end. Each line says what was checked; the
exit status is the number of failed checks. The CI drill (`deploy/drill.py`) runs
the same checks on the production layout, and more.
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import gzip
import json
import os
import re
import ssl
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.chat_client import Tab  # noqa: E402  (the chat's rules, as the page)


@dataclass
class Report:
    failed: list[str] = field(default_factory=list)

    def check(self, what: str, ok: bool, detail: str = "") -> bool:
        print(f"{'ok  ' if ok else 'FAIL'} {what}{f' ({detail})' if detail else ''}")
        if not ok:
            self.failed.append(what)
        return ok


class Member:
    """One member's browser: a session with its cookies."""

    def __init__(self, base: str, *, verify: bool) -> None:
        self.base = base.rstrip("/") + "/"
        self.http = requests.Session()
        self.http.verify = verify
        self.http.headers["Accept-Language"] = "fr"
        self.user_id: int | None = None

    def url(self, path: str) -> str:
        return urljoin(self.base, path.lstrip("/"))

    def get(self, path: str, **kwargs) -> requests.Response:
        # `verify` on each request: requests lets REQUESTS_CA_BUNDLE override the
        # session's.
        return self.http.get(
            self.url(path), timeout=15, verify=self.http.verify, **kwargs
        )

    def post(self, path: str, data: dict, **kwargs) -> requests.Response:
        """A form sent as the page sends it: CSRF token and Referer."""
        data = {"csrfmiddlewaretoken": self.http.cookies.get("csrftoken", ""), **data}
        headers = {"Referer": self.url(path)}
        return self.http.post(
            self.url(path),
            data=data,
            headers=headers,
            timeout=60,
            verify=self.http.verify,
            **kwargs,
        )

    def log_in(self, email: str, password: str) -> bool:
        form = self.get("/")  # the login wall sends to the login form
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text)
        if not token:
            return False
        answer = self.http.post(
            form.url,
            data={
                "csrfmiddlewaretoken": token.group(1),
                "login": email,
                "password": password,
            },
            headers={"Referer": form.url},
            timeout=15,
            verify=self.http.verify,
        )
        if "sessionid" in self.http.cookies and answer.ok:
            return True
        errors = re.findall(r'class="[^"]*error[^"]*"[^>]*>\s*([^<]+)', answer.text)
        print(f"     login refused: {answer.status_code} {' '.join(errors)[:300]}")
        return False

    @property
    def cookie(self) -> str:
        return "; ".join(f"{k}={v}" for k, v in self.http.cookies.items())

    def tab(self, room: int, context: ssl.SSLContext | None) -> Tab:
        parts = urlsplit(self.base)
        scheme = "wss" if parts.scheme == "https" else "ws"
        return Tab(
            name=str(self.user_id),
            cookie=self.cookie,
            room=room,
            ports=[],
            urls=[f"{scheme}://{parts.netloc}/ws/"],
            origin=f"{parts.scheme}://{parts.netloc}",
            ssl=context if scheme == "wss" else None,
        )


def ssl_context(verify: bool) -> ssl.SSLContext:
    context = ssl.create_default_context()
    if not verify:
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    return context


# --- The checks -------------------------------------------------------------------


def check_health(report: Report, base: str, *, verify: bool) -> dict:
    answer = requests.get(urljoin(base, "/health/"), timeout=5, verify=verify)
    try:
        health = answer.json()
    except ValueError:
        health = {}
    report.check(
        "/health/: every part answers",
        answer.status_code == 200 and health.get("status") == "ok",
        json.dumps(health),
    )
    return health


def check_https_redirect(report: Report, base: str, http_port: int | None) -> None:
    parts = urlsplit(base)
    if parts.scheme != "https":
        return
    host = parts.hostname or ""
    plain = f"http://{host}{f':{http_port}' if http_port else ''}/"
    answer = requests.get(plain, allow_redirects=False, timeout=5)
    report.check(
        "plain HTTP is sent to HTTPS",
        answer.status_code in (301, 308)
        and answer.headers.get("Location", "").startswith("https://"),
        f"{answer.status_code} {answer.headers.get('Location', '')}",
    )


def check_pages(report: Report, member: Member) -> None:
    page = member.get("/", headers={"Accept-Encoding": "gzip"}, stream=True)
    raw = page.raw.read(decode_content=False)
    compressed = page.headers.get("Content-Encoding") == "gzip"
    size = len(gzip.decompress(raw)) if compressed else len(raw)
    report.check(
        "the dashboard, compressed",
        page.status_code == 200 and compressed,
        f"{page.status_code}, {len(raw):,} bytes on the wire for {size:,}",
    )
    html = (gzip.decompress(raw) if compressed else raw).decode()
    styles = re.findall(r'href="(/static/[^"]+\.css)"', html)
    if report.check("the dashboard links its style sheet", bool(styles)):
        style = member.get(styles[0], headers={"Accept-Encoding": "gzip"})
        cache = style.headers.get("Cache-Control", "")
        report.check(
            "static files: a year of caching, compressed",
            style.ok
            and "max-age=31536000" in cache
            and style.headers.get("Content-Encoding") == "gzip",
            f"{cache}; {style.headers.get('Content-Encoding')}",
        )


def check_media_behind_login(report: Report, member: Member, path: str) -> None:
    outsider = requests.get(
        member.url(path), allow_redirects=False, timeout=10, verify=member.http.verify
    )
    inside = member.get(path)
    report.check(
        "uploaded files: members only",
        outsider.status_code in (302, 403) and inside.status_code == 200,
        f"anonymous {outsider.status_code}, member {inside.status_code}",
    )


async def open_tab(member: Member, room: int, context) -> Tab:
    tab = member.tab(room, context)
    tab.runner = asyncio.ensure_future(tab.run())  # type: ignore[attr-defined]
    await tab.wait_connected()
    member.user_id = tab.user_id
    return tab


async def conversation(
    report: Report, member: Member, peer: Member, context
) -> int | None:
    """The two members' conversation (its room's id)."""
    hello = await open_tab(peer, 0, context)  # to learn the peer's id
    hello.stop()
    await hello.runner  # type: ignore[attr-defined]
    opened = member.post(f"/discussions/avec/{peer.user_id}/", {})
    found = re.search(r"/discussions/(\d+)/$", opened.url)
    if not report.check("a conversation between the two accounts", bool(found)):
        return None
    return int(found.group(1))


async def exchange(
    report: Report, sender: Tab, receiver: Tab, what: str, count: int = 1
) -> None:
    """`count` messages from one tab, each seen once, in order, by the other."""
    bodies = [f"smoke test {uuid.uuid4().hex[:8]} {n}" for n in range(count)]
    for body in bodies:
        await sender.send(body)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        seen = [body for body in receiver.bodies() if body in bodies]
        if seen == bodies and not sender.pending:
            break
        await asyncio.sleep(0.1)
    seen = [body for body in receiver.bodies() if body in bodies]
    report.check(what, seen == bodies, f"{len(seen)}/{count} received, in order")


def delete_messages(report: Report, member: Member, tab: Tab) -> None:
    deleted = [
        member.post(f"/discussions/messages/{message_id}/supprimer/", {}).ok
        for message_id in tab.acknowledged.values()
    ]
    report.check("the test messages deleted", all(deleted), f"{len(deleted)}")


async def chat(report: Report, member: Member, peer: Member, context) -> None:
    room = await conversation(report, member, peer, context)
    if room is None:
        return
    tabs = first, second = [await open_tab(m, room, context) for m in (member, peer)]
    try:
        await exchange(report, first, second, "chat through nginx's /ws/")
    finally:
        for tab in tabs:
            tab.stop()
    delete_messages(report, member, first)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("url", help="the site, e.g. https://intranet.example.org")
    parser.add_argument("--user", required=True, help="a member's e-mail address")
    parser.add_argument("--peer", required=True, help="another member's address")
    parser.add_argument("--http-port", type=int, help="plain HTTP's port if not 80")
    parser.add_argument(
        "--insecure", action="store_true", help="accept a self-signed certificate"
    )
    args = parser.parse_args()
    verify = not args.insecure
    if not verify:
        import urllib3

        urllib3.disable_warnings()
    password = os.environ.get("SMOKE_PASSWORD") or getpass.getpass(
        f"{args.user}'s password: "
    )
    peer_password = os.environ.get("SMOKE_PEER_PASSWORD") or getpass.getpass(
        f"{args.peer}'s password: "
    )
    report = Report()
    check_health(report, args.url, verify=verify)
    check_https_redirect(report, args.url, args.http_port)
    member, peer = Member(args.url, verify=verify), Member(args.url, verify=verify)
    if report.check("log in", member.log_in(args.user, password)) and report.check(
        "the other account logs in", peer.log_in(args.peer, peer_password)
    ):
        check_pages(report, member)
        asyncio.run(chat(report, member, peer, ssl_context(verify)))
    print(f"{len(report.failed)} check(s) failed" if report.failed else "all good")
    sys.exit(len(report.failed))


if __name__ == "__main__":
    main()
