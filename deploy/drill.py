#!/usr/bin/env python3
"""The production layout, started on this machine from the files in `deploy/` and
driven from outside (CI runs it after the test suite; about 2 minutes).

    .venv/bin/python deploy/drill.py

It renders `deploy/` with an environment file of its own (PostgreSQL database
`sohosolo_drill`, Redis database 9, unprivileged ports), migrates and seeds the
demo, starts gunicorn (2 workers) and two daphne with the `ExecStart` lines of the
rendered systemd units, and nginx (installed with apt when missing) with the
rendered site and a self-signed certificate. Then, through nginx only: the smoke
test's checks (health, HTTPS redirect, login, compressed pages, static caching,
chat), a 5 MB photo posted and served to members only, the two members' sockets
on different daphne processes, one daphne killed while its member sends, every
message received once and in order after the socket reconnected to the other,
and `/health/` naming the dead one. It stops everything it started, even on
failure. Exit status: the number of failed checks.
"""

from __future__ import annotations

import asyncio
import io
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack, suppress
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import requests  # noqa: E402

from deploy import smoke_test as smoke  # noqa: E402
from deploy.render import read_env  # noqa: E402

PYTHON = sys.executable
DATABASE = "sohosolo_drill"
POSTGRES = os.environ.get("DRILL_POSTGRES", "postgres://postgres@127.0.0.1:5432")
REDIS = os.environ.get("DRILL_REDIS", "redis://127.0.0.1:6379/9")
GUNICORN, DAPHNE, HTTP, HTTPS = 8600, (8611, 8612), 8680, 8643
BASE = f"https://localhost:{HTTPS}"
# DRILL_REUSE=1 keeps the database between runs (while working on the drill).
REUSE = os.environ.get("DRILL_REUSE") == "1"


STARTED = time.monotonic()


def step(text: str) -> None:
    print(f"\n== {text} ({time.monotonic() - STARTED:.0f} s)", flush=True)


def run(command: list[str], env: dict | None = None, **kwargs) -> None:
    subprocess.run(command, check=True, env=env, cwd=ROOT, **kwargs)


def environment_file(folder: Path) -> Path:
    """The drill's EnvironmentFile, as the README's example with local values."""
    values = {
        "DATABASE_URL": f"{POSTGRES}/{DATABASE}",
        "REDIS_URL": REDIS,
        "EMAIL_URL": "consolemail://",
        "DJANGO_SECRET_KEY": "drill-" + os.urandom(24).hex(),
        "DJANGO_BASE_URL": BASE,
        "DJANGO_ALLOWED_HOSTS": "localhost",
        "DJANGO_CSRF_TRUSTED_ORIGINS": BASE,
        "DJANGO_HTTPS": "1",
        "DJANGO_HSTS_SECONDS": "3600",
        "DJANGO_TRUSTED_PROXY_COUNT": "1",
        "DJANGO_VAR_DIR": str(folder / "var"),
        "MEDIA_ROOT": str(folder / "media"),
        "SOHOSOLO_SERVER_NAME": "localhost",
        "SOHOSOLO_USER": os.environ.get("USER", "root"),
        "SOHOSOLO_ROOT": str(ROOT),
        "SOHOSOLO_GUNICORN": f"127.0.0.1:{GUNICORN}",
        "SOHOSOLO_GUNICORN_WORKERS": "2",
        "SOHOSOLO_DAPHNE_PORTS": " ".join(map(str, DAPHNE)),
        "SOHOSOLO_HTTP_PORT": str(HTTP),
        "SOHOSOLO_HTTPS_PORT": str(HTTPS),
        "SOHOSOLO_TLS_CERT": str(folder / "tls.crt"),
        "SOHOSOLO_TLS_KEY": str(folder / "tls.key"),
        "SOHOSOLO_LOG_DIR": str(folder / "log"),
    }
    path = folder / "sohosolo.env"
    path.write_text("".join(f"{key}={shlex.quote(v)}\n" for key, v in values.items()))
    return path


def exec_start(unit: Path, instance: str = "") -> list[str]:
    """A rendered unit's command, as systemd would start it."""
    for line in unit.read_text().splitlines():
        if line.startswith("ExecStart="):
            return shlex.split(line.removeprefix("ExecStart=").replace("%i", instance))
    raise ValueError(f"{unit}: no ExecStart")


class Layout:
    """The processes of one server, stopped whatever happens."""

    def __init__(self, folder: Path, env: dict[str, str], stack: ExitStack) -> None:
        self.folder, self.env, self.stack = folder, env, stack
        self.units = folder / "rendered" / "systemd"
        self.daphne: dict[int, subprocess.Popen] = {}

    def start(self, name: str, command: list[str]) -> subprocess.Popen:
        log = open(self.folder / "log" / f"{name}.log", "ab")  # noqa: SIM115
        process = subprocess.Popen(
            command, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT
        )
        self.stack.callback(log.close)
        self.stack.callback(stop, process)
        return process

    def start_daphne(self, port: int) -> None:
        unit = self.units / "sohosolo-daphne@.service"
        self.daphne[port] = self.start(f"daphne-{port}", exec_start(unit, str(port)))

    def nginx(self) -> None:
        if not shutil.which("nginx"):
            run(["apt-get", "install", "-y", "-qq", "nginx-light"],
                env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})  # fmt: skip
        temp = self.folder / "nginx"
        temp.mkdir()
        conf = self.folder / "nginx.conf"
        conf.write_text(
            f"pid {temp}/nginx.pid;\nerror_log {self.folder}/log/nginx.log warn;\n"
            "worker_processes 1;\nevents { worker_connections 1024; }\n"
            "http {\n    include /etc/nginx/mime.types;\n"
            f"    client_body_temp_path {temp}/body;\n"
            f"    proxy_temp_path {temp}/proxy;\n"
            f"    fastcgi_temp_path {temp}/fastcgi;\n"
            f"    uwsgi_temp_path {temp}/uwsgi;\n    scgi_temp_path {temp}/scgi;\n"
            f"    include {self.folder}/rendered/nginx/sohosolo.conf;\n}}\n"
        )
        run(["nginx", "-t", "-q", "-c", str(conf)])
        self.start("nginx", ["nginx", "-c", str(conf), "-g", "daemon off;"])


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_for(url: str, seconds: float = 60) -> None:
    """Until `url` answers 200 (as the site's own name)."""
    import requests

    deadline = time.monotonic() + seconds
    while True:
        with suppress(requests.RequestException):
            answer = requests.get(
                url, timeout=2, verify=False, headers={"Host": "localhost"}
            )
            if answer.status_code == 200:
                return
        if time.monotonic() > deadline:
            raise TimeoutError(url)
        time.sleep(0.3)


def sockets_on(port: int) -> int:
    """Established connections to a local port (nginx's, for the sockets)."""
    listed = subprocess.run(
        ["ss", "-Htn", "state", "established", f"( sport = :{port} )"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return len(listed.splitlines())


def photo() -> bytes:
    """A PNG just under the 5 MB the post form takes (noise does not compress)."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.frombytes("RGB", (1270, 1270), os.urandom(1270 * 1270 * 3)).save(
        buffer, "PNG", compress_level=1
    )
    return buffer.getvalue()


def two_members(env: dict[str, str]) -> tuple[str, str, str]:
    """Two demo members and their password."""
    script = (
        "from members.demo import DEMO_PASSWORD; from members.models import User; "
        "emails = User.objects.filter(is_active=True, is_staff=False, "
        "profile__isnull=False).order_by('pk').values_list('email', flat=True)[:2]; "
        "print(*emails, DEMO_PASSWORD)"
    )
    out = (
        subprocess.run(
            [PYTHON, "manage.py", "shell", "--no-imports", "-c", script],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        .stdout.splitlines()[-1]
        .split()
    )
    return out[0], out[1], out[2]


async def failover(report: smoke.Report, layout: Layout, member, peer) -> None:
    context = smoke.ssl_context(verify=False)
    room = await smoke.conversation(report, member, peer, context)
    if room is None:
        return
    first = await smoke.open_tab(member, room, context)
    # The daphne that holds the first member's socket: it is killed below.
    victim = max(DAPHNE, key=sockets_on)
    second = await smoke.open_tab(peer, room, context)
    tabs = first, second
    try:
        spread = {port: sockets_on(port) for port in DAPHNE}
        report.check(
            "the two sockets on different daphne processes",
            sorted(spread.values()) == [1, 1],
            str(spread),
        )
        await smoke.exchange(report, first, second, "chat across two daphne")
        layout.daphne[victim].send_signal(signal.SIGKILL)
        layout.daphne[victim].wait()
        health = requests.get(f"{BASE}/health/", verify=False, timeout=5)
        report.check(
            "/health/ names the dead daphne",
            health.status_code == 503
            and health.json().get("websocket", {}).get(str(victim)) == "error",
            health.text,
        )
        connections = first.connections
        await smoke.exchange(
            report, first, second, "sent while its daphne died: all arrive", count=5
        )
        report.check(
            "the socket reconnected through nginx to the other daphne",
            first.connections > connections and sockets_on(victim) == 0,
            f"{first.connections} connections",
        )
        layout.start_daphne(victim)
        wait_for(f"http://127.0.0.1:{victim}/health/")
        report.check(
            "/health/ is back to 200 with the daphne restarted",
            requests.get(f"{BASE}/health/", verify=False).status_code == 200,
        )
    finally:
        for tab in tabs:
            tab.stop()
        await asyncio.sleep(0.2)
    smoke.delete_messages(report, member, first)


def upload(report: smoke.Report, member) -> None:
    image = photo()
    posted = member.post(
        "/fil/publier/",
        {"body": "Le drill de production publie une photo.", "image_alt": "Du bruit"},
        files={"image": ("bruit.png", image, "image/png")},
    )
    feed = member.get("/fil/reseau/").text
    found = re.search(r'src="(/media/[^"]+)"', feed)
    report.check(
        f"a photo of {len(image) / 1e6:.1f} MB posted through nginx",
        posted.ok and found is not None,
        f"{posted.status_code}",
    )
    if found:
        smoke.check_media_behind_login(report, member, found.group(1))


def production_layout(stack: ExitStack) -> Layout:
    """Everything started, each stop registered on `stack`."""
    folder = Path(tempfile.mkdtemp(prefix="sohosolo-drill-"))
    folder.chmod(0o755)  # nginx's workers (www-data) read the static files
    stack.callback(shutil.rmtree, folder, ignore_errors=True)
    (folder / "log").mkdir()
    env_file = environment_file(folder)
    env = {**os.environ, **read_env(env_file)}
    env.pop("DJANGO_DEBUG", None)
    env.pop("DJANGO_SETTINGS_MODULE", None)

    step("render deploy/ and a self-signed certificate")
    run([PYTHON, "deploy/render.py", "--env", str(env_file),
         "--out", str(folder / "rendered")], stdout=subprocess.DEVNULL)  # fmt: skip
    run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=localhost", "-keyout", str(folder / "tls.key"),
         "-out", str(folder / "tls.crt")], stderr=subprocess.DEVNULL)  # fmt: skip

    step("database, static files, demo")
    postgres = ["psql", f"{POSTGRES}/postgres", "-qc"]
    drop = [*postgres, f"DROP DATABASE IF EXISTS {DATABASE}"]
    if not REUSE:
        run(drop)
        run([*postgres, f"CREATE DATABASE {DATABASE}"])
        stack.callback(subprocess.run, drop, check=False)
    run(["redis-cli", "-u", REDIS, "flushdb"], stdout=subprocess.DEVNULL)
    for command in (["migrate", "--noinput"], ["collectstatic", "--noinput"],
                    ["seed_demo", "--if-empty"], ["check", "--deploy",
                    "--fail-level", "WARNING"]):  # fmt: skip
        run([PYTHON, "manage.py", *command, "-v", "0"], env=env)

    step("gunicorn, two daphne, nginx")
    layout = Layout(folder, env, stack)
    layout.start("gunicorn", exec_start(layout.units / "sohosolo-gunicorn.service"))
    for port in DAPHNE:
        layout.start_daphne(port)
    layout.nginx()
    wait_for(f"http://127.0.0.1:{GUNICORN}/health/")
    for port in DAPHNE:
        wait_for(f"http://127.0.0.1:{port}/health/")
    wait_for(f"{BASE}/health/")
    return layout


def main() -> None:
    import urllib3

    urllib3.disable_warnings()
    report = smoke.Report()
    with ExitStack() as stack:
        layout = production_layout(stack)
        step("from outside, through nginx")
        user, other, password = two_members(layout.env)
        smoke.check_health(report, BASE, verify=False)
        smoke.check_https_redirect(report, BASE, HTTP)
        member = smoke.Member(BASE, verify=False)
        peer = smoke.Member(BASE, verify=False)
        if report.check("log in", member.log_in(user, password)) and report.check(
            "the other account logs in", peer.log_in(other, password)
        ):
            smoke.check_pages(report, member)
            upload(report, member)
            asyncio.run(failover(report, layout, member, peer))
        if report.failed:
            for log in sorted((layout.folder / "log").iterdir()):
                print(f"\n--- {log.name} (end)\n{log.read_text()[-3000:]}")
    print(f"\n{len(report.failed)} check(s) failed; {time.monotonic() - STARTED:.0f} s")
    sys.exit(len(report.failed))


if __name__ == "__main__":
    main()
