#!/usr/bin/env python3
"""Write the nginx site and the systemd units of this server from `deploy/`.

    python3 deploy/render.py --env /etc/sohosolo/sohosolo.env \
        --out /etc/sohosolo/rendered

reads the environment file the services use (the Django settings and the
`SOHOSOLO_*` values below), fills the `{{…}}` of `deploy/nginx/*.conf` and
`deploy/systemd/*`, and writes them under `--out` (`nginx/`, `systemd/`), ready to
be linked into /etc/nginx/sites-enabled and /etc/systemd/system. It needs only
Python's standard library, so it runs before the virtualenv exists.
"""

import argparse
import re
import shlex
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

DEFAULTS = {
    "SOHOSOLO_SERVER_NAME": "intranet.example.org",
    "SOHOSOLO_USER": "sohosolo",
    "SOHOSOLO_ROOT": str(HERE.parent),
    "SOHOSOLO_GUNICORN": "127.0.0.1:8000",
    "SOHOSOLO_GUNICORN_WORKERS": "4",
    "SOHOSOLO_DAPHNE_PORTS": "8101 8102",
    "SOHOSOLO_HTTP_PORT": "80",
    "SOHOSOLO_HTTPS_PORT": "443",
    "SOHOSOLO_LOG_DIR": "/var/log/nginx",
    "SOHOSOLO_TLS_CERT": "/etc/letsencrypt/live/{server}/fullchain.pem",
    "SOHOSOLO_TLS_KEY": "/etc/letsencrypt/live/{server}/privkey.pem",
    "DJANGO_VAR_DIR": "{root}/var",
}

# What a service may write when systemd makes the rest of the system read-only.
HARDENING = """NoNewPrivileges=yes
PrivateTmp=yes
ProtectSystem=strict
ProtectHome=yes
ReadWritePaths={writable}"""

PLACEHOLDER = re.compile(r"\{\{([A-Z_]+)\}\}")


def read_env(path: Path) -> dict[str, str]:
    """KEY=value lines as systemd's EnvironmentFile reads them (quotes allowed)."""
    values = {}
    for number, line in enumerate(path.read_text().splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        key, sep, value = line.partition("=")
        if not sep or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", key.strip()):
            sys.exit(f"{path}:{number}: expected KEY=value, found {line!r}")
        parsed = shlex.split(value, posix=True)
        values[key.strip()] = " ".join(parsed)
    return values


def settings_of(env: dict[str, str]) -> dict[str, str]:
    """Every value the templates use."""
    values = {**DEFAULTS, **env}
    server = values["SOHOSOLO_SERVER_NAME"].split()[0]
    root = values["SOHOSOLO_ROOT"]
    for key in ("SOHOSOLO_TLS_CERT", "SOHOSOLO_TLS_KEY", "DJANGO_VAR_DIR"):
        values[key] = values[key].format(server=server, root=root)
    var = values["DJANGO_VAR_DIR"]
    values.setdefault("MEDIA_ROOT", f"{var}/media")
    values["STATIC_ROOT"] = f"{var}/static"
    ports = values["SOHOSOLO_DAPHNE_PORTS"].split()
    if not ports or not all(port.isdigit() for port in ports):
        sys.exit("SOHOSOLO_DAPHNE_PORTS: one or more port numbers, e.g. '8101 8102'")
    values["SOHOSOLO_DAPHNE_SERVERS"] = "\n".join(
        f"    server 127.0.0.1:{port} max_fails=1 fail_timeout=10s;" for port in ports
    )
    values["SOHOSOLO_DAPHNE_UNITS"] = " ".join(
        f"sohosolo-daphne@{port}.service" for port in ports
    )
    https = values["SOHOSOLO_HTTPS_PORT"]
    values["SOHOSOLO_HTTPS_SUFFIX"] = "" if https == "443" else f":{https}"
    writable = {var, values["MEDIA_ROOT"], values.get("DJANGO_BACKUP_DIR", var)}
    values["SOHOSOLO_HARDENING"] = HARDENING.format(writable=" ".join(sorted(writable)))
    return values


def render(text: str, values: dict[str, str], name: str) -> str:
    missing = sorted(set(PLACEHOLDER.findall(text)) - set(values))
    if missing:
        sys.exit(f"{name}: no value for {', '.join(missing)}")
    return PLACEHOLDER.sub(lambda match: values[match.group(1)], text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--env", type=Path, required=True, help="the EnvironmentFile")
    parser.add_argument("--out", type=Path, required=True, help="where to write")
    args = parser.parse_args()
    values = settings_of(read_env(args.env))
    values["SOHOSOLO_ENV_FILE"] = str(args.env.resolve())
    for folder in ("nginx", "systemd"):
        target = args.out / folder
        target.mkdir(parents=True, exist_ok=True)
        for source in sorted((HERE / folder).iterdir()):
            text = render(source.read_text(), values, str(source))
            (target / source.name).write_text(text)
            print(target / source.name)


if __name__ == "__main__":
    main()
