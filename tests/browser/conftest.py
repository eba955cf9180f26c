"""Browser tests: Debian's Chromium driven by Playwright (no `playwright install`)."""

import multiprocessing
import os
import shutil
from pathlib import Path

import pytest
from django.core.servers.basehttp import WSGIServer
from django.db import connections

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def chromium_path() -> str | None:
    return os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")


def pytest_collection_modifyitems(items):
    for item in items:
        if Path(__file__).parent in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


class _OneRequestAtATime(WSGIServer):
    """The live server on SQLite's in-memory test database. Its request threads
    would all share the test's one connection, and two threads running queries on
    one SQLite connection at once can wait on each other for ever (as Chromium
    loading a page beside an htmx request did). Served one by one instead; Django's
    server closes each response's connection when it is not threaded."""

    def __init__(self, *args, connections_override=None, **kwargs):
        super().__init__(*args, **kwargs)


@pytest.fixture(scope="session", autouse=True)
def _live_server_one_request_at_a_time_on_sqlite():
    from django.test.testcases import LiveServerThread

    if connections["default"].vendor != "sqlite":
        yield
        return
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(LiveServerThread, "server_class", _OneRequestAtATime)
        yield


@pytest.fixture
def browser(_django_db_helper):
    """One Chromium per test, started once the test database is ready.

    Playwright's sync API runs its loop in this thread: it must not outlive the
    test, or pytest-asyncio's tests and the next test's database set-up run under it.
    """
    path = chromium_path()
    if path is None:
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail("Chromium is required here (apt-get install chromium).")
        pytest.skip("Chromium is not installed: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls the
    # tests make between page actions are still plain synchronous calls.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=path, args=CHROMIUM_ARGS
            )
            yield browser
            browser.close()
            # The ORM calls made while Playwright's loop ran opened their own
            # connections; close them here, in that same context.
            connections.close_all()
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


def _child_settings() -> None:
    """In Daphne's spawned process: the test database (named by the parent, whose
    name carries the xdist worker's suffix) and the session's test settings."""
    from django.conf import settings
    from django.test import override_settings

    from tests.workers import session_settings

    settings.DATABASES["default"]["NAME"] = os.environ["SOHOSOLO_TEST_DATABASE"]
    override_settings(
        **session_settings(settings),
        ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "localhost"],
    ).enable()


class AsgiServer:
    """Daphne serving HTTP and WebSocket on the test database, in a child process
    (as Channels' live server does). The child reads the database through its own
    connections, so SQLite's in-memory test database cannot be shared: these
    tests run on PostgreSQL (as in CI)."""

    def __init__(self):
        self.port = 0
        self.process = None
        self.start()

    @property
    def url(self) -> str:
        return f"http://localhost:{self.port}"

    def start(self) -> None:
        from functools import partial

        from channels.testing.live import make_application
        from daphne.testing import DaphneProcess
        from django.contrib.staticfiles.handlers import ASGIStaticFilesHandler

        # Spawned, not forked: a fork would copy the browser driver's event loop
        # and our database connection into the child. The child sets itself up
        # from the environment, then points at the test database.
        multiprocessing.set_start_method("spawn", force=True)
        os.environ["SOHOSOLO_TEST_DATABASE"] = connections["default"].settings_dict[
            "NAME"
        ]
        self.process = DaphneProcess(
            "localhost",
            partial(make_application, static_wrapper=ASGIStaticFilesHandler),
            setup=_child_settings,
            port=self.port,
        )
        self.process.start()
        if not self.process.ready.wait(timeout=30):
            self.stop()
            pytest.fail("Daphne did not start")
        self.port = self.process.port.value

    def stop(self) -> None:
        self.process.terminate()
        self.process.join()

    def restart(self) -> None:
        """A server restart: every socket drops; the same address comes back."""
        self.stop()
        self.start()


@pytest.fixture
def asgi_server(transactional_db, settings):
    from django.db import connection

    if connection.vendor == "sqlite":
        pytest.skip("the live ASGI server needs a database it can share: PostgreSQL")
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "localhost"]
    server = AsgiServer()
    yield server
    server.stop()


@pytest.fixture
def new_page(browser, request):
    """Open pages at a given width, in French, with axe-core allowed past the CSP.
    Served by the live server (WSGI), or by Daphne when the test uses `asgi_server`."""
    contexts = []
    if "asgi_server" in request.fixturenames:
        base_url = request.getfixturevalue("asgi_server").url
    else:
        base_url = request.getfixturevalue("live_server").url

    def open_page(width=1280):
        context = browser.new_context(
            viewport={"width": width, "height": 900},
            locale="fr-FR",
            base_url=base_url,
            bypass_csp=True,  # only so that axe-core can be injected
        )
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(10_000)
        return page

    yield open_page
    for context in contexts:
        context.close()


def axe_violations(page) -> list[dict]:
    """Run axe-core (WCAG 2.1 A and AA rules) on the page and list what fails."""
    import axe_playwright_python

    script = Path(axe_playwright_python.__file__).with_name("axe.min.js")
    page.add_script_tag(path=str(script))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    return [
        {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]]}
        for v in result["violations"]
    ]
