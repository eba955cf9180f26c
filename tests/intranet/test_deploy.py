"""The production layout as files: `deploy/render.py` fills every value (the
drill, `deploy/drill.py`, starts what it writes; `check --deploy` with the
production values is in test_settings.py)."""

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
