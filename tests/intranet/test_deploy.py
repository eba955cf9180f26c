"""The production layout as files: `deploy/render.py` fills every value, and
`check --deploy` is clean with the documented production values, with TLS
terminated in front and over plain HTTP on purpose."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "deploy" / "sohosolo.env.example"


def render(tmp_path: Path, extra: str = "") -> Path:
    env_file = tmp_path / "sohosolo.env"
    env_file.write_text(EXAMPLE.read_text() + extra)
    out = tmp_path / "rendered"
    subprocess.run(
        [
            sys.executable,
            ROOT / "deploy" / "render.py",
            "--env",
            env_file,
            "--out",
            out,
        ],
        check=True,
        capture_output=True,
    )
    return out


def test_render_fills_every_value(tmp_path):
    out = render(tmp_path, "SOHOSOLO_DAPHNE_PORTS=9101 9102 9103\n")
    files = list(out.rglob("*"))
    for path in (p for p in files if p.is_file()):
        assert "{{" not in path.read_text(), path
    nginx = (out / "nginx" / "sohosolo.conf").read_text()
    assert re.findall(r"server 127\.0\.0\.1:(\d+) max_fails", nginx) == [
        "9101",
        "9102",
        "9103",
    ]
    assert "client_max_body_size 25m;" in nginx
    assert "/srv/sohosolo/var/static/" in nginx
    target = (out / "systemd" / "sohosolo.target").read_text()
    assert "sohosolo-daphne@9103.service" in target
    timers = {p.stem for p in (out / "systemd").glob("*.timer")}
    services = {p.stem for p in (out / "systemd").glob("*.service")}
    assert timers <= services  # every timer starts a service of its name
    assert all(f"{timer}.timer" in target for timer in timers)


def test_render_refuses_a_bad_port_list(tmp_path):
    with pytest.raises(subprocess.CalledProcessError) as refused:
        render(tmp_path, "SOHOSOLO_DAPHNE_PORTS=81o1\n")
    assert b"SOHOSOLO_DAPHNE_PORTS" in refused.value.stderr


def check_deploy(tmp_path: Path, **values: str) -> subprocess.CompletedProcess:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "SOHOSOLO_"))
    }
    env.update(
        DJANGO_SECRET_KEY="x" * 60 + "production-like-secret-key-for-the-check",
        DJANGO_ALLOWED_HOSTS="intranet.example.org",
        DJANGO_CSRF_TRUSTED_ORIGINS="https://intranet.example.org",
        DJANGO_VAR_DIR=str(tmp_path / "var"),
        DJANGO_SETTINGS_MODULE="intranet.settings",
        **values,
    )
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )


@pytest.mark.parametrize(
    "values",
    [
        {"DJANGO_HTTPS": "1", "DJANGO_HSTS_SECONDS": "3600"},
        {"DJANGO_HTTPS": "1", "DJANGO_HSTS_SECONDS": "31536000"},
        {"DJANGO_HTTPS": "0"},
    ],
    ids=["tls-in-front", "tls-in-front-hsts-a-year", "plain-http-chosen"],
)
def test_check_deploy_is_clean_with_the_documented_values(tmp_path, values):
    checked = check_deploy(tmp_path, **values)
    assert checked.returncode == 0, checked.stderr
    assert "no issues" in checked.stdout


def test_check_deploy_still_warns_when_https_is_left_unsaid(tmp_path):
    checked = check_deploy(tmp_path)
    assert checked.returncode != 0
    assert "security.W008" in checked.stderr
