"""`EMAIL_URL`: every scheme the README lists sends a real message through
`django.core.mail`, in a fresh process that reads the settings from the
environment. SMTP goes to a small server (tests/smtp.py: plain, STARTTLS and
TLS from the first byte, with a certificate made for the test)."""

import os
import subprocess
import sys
from email import message_from_bytes
from pathlib import Path

import pytest

from intranet.email_url import parse_email_url
from tests.intranet.test_settings import ROOT, VARIABLES

SEND = """
import django
django.setup()
from django.conf import settings
from django.core.mail import send_mail
print(settings.EMAIL_BACKEND, settings.EMAIL_PORT, flush=True)
send_mail("Réunion de jeudi", "Le comité se réunit à Auch.", None, ["ana@example.org"])
"""


def send_one(
    tmp_path, email_url: str, *, may_fail=False, **extra
) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in VARIABLES}
    env.update(
        DJANGO_SETTINGS_MODULE="intranet.settings",
        DJANGO_VAR_DIR=str(tmp_path),
        EMAIL_URL=email_url,
        **extra,
    )
    done = subprocess.run(
        [sys.executable, "-c", SEND],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    if done.returncode and not may_fail:
        raise AssertionError(done.stderr)
    return done


# The parsing


@pytest.mark.parametrize(
    "url, backend, host, port, tls, ssl_",
    [
        ("consolemail://", "console", "localhost", 25, False, False),
        ("smtp://smtp.internal", "smtp", "smtp.internal", 25, False, False),
        ("smtp+tls://u:p@smtp.internal", "smtp", "smtp.internal", 587, True, False),
        ("smtp+ssl://u:p@smtp.internal", "smtp", "smtp.internal", 465, False, True),
        ("smtps://u:p@smtp.internal", "smtp", "smtp.internal", 465, False, True),
        (
            "smtp+tls://u:p@smtp.internal:2525",
            "smtp",
            "smtp.internal",
            2525,
            True,
            False,
        ),
        (
            "SMTP+SSL://u:p@smtp.internal:10465",
            "smtp",
            "smtp.internal",
            10465,
            False,
            True,
        ),
    ],
)
def test_schemes_give_backend_port_and_encryption(url, backend, host, port, tls, ssl_):
    found = parse_email_url(url, var_dir=Path("/srv/var"))
    assert found["EMAIL_BACKEND"] == f"django.core.mail.backends.{backend}.EmailBackend"
    assert (found["EMAIL_HOST"], found["EMAIL_PORT"]) == (host, port)
    assert (found["EMAIL_USE_TLS"], found["EMAIL_USE_SSL"]) == (tls, ssl_)


def test_user_and_password_are_percent_decoded():
    found = parse_email_url(
        "smtp+tls://intranet%40sohosolo.fr:p%40ss%2Fw%3Ard%25@smtp.example.org",
        var_dir=Path("/srv/var"),
    )
    assert found["EMAIL_HOST_USER"] == "intranet@sohosolo.fr"
    assert found["EMAIL_HOST_PASSWORD"] == "p@ss/w:rd%"


@pytest.mark.parametrize(
    "url, path",
    [
        ("filemail:///srv/sohosolo/mail", "/srv/sohosolo/mail"),
        ("filemail://", "/srv/var/mail"),
        ("filemail://outbox", "/srv/var/outbox"),
        ("filemail://outbox/today", "/srv/var/outbox/today"),
    ],
)
def test_file_mail_directory_is_absolute_or_under_var(url, path):
    found = parse_email_url(url, var_dir=Path("/srv/var"))
    assert found["EMAIL_BACKEND"].endswith("filebased.EmailBackend")
    assert found["EMAIL_FILE_PATH"] == path


def test_an_unknown_scheme_stops_the_start_up():
    with pytest.raises(ValueError, match="smpt"):
        parse_email_url("smpt://smtp.example.org", var_dir=Path("/srv/var"))


# Sending through the settings module


def test_console_prints_the_message(tmp_path):
    out = send_one(tmp_path, "consolemail://").stdout
    assert out.startswith("django.core.mail.backends.console.EmailBackend")
    assert "To: ana@example.org" in out


def test_file_mail_writes_one_file_per_message(tmp_path):
    outbox = tmp_path / "outbox"
    send_one(tmp_path, f"filemail://{outbox}")
    (written,) = outbox.iterdir()
    message = message_from_bytes(written.read_bytes().split(b"\n" + b"-" * 79)[0])
    assert message["To"] == "ana@example.org"
    assert "Auch" in message.get_payload(decode=True).decode()


def test_file_mail_without_a_path_writes_under_var(tmp_path):
    send_one(tmp_path, "filemail://")
    assert len(list((tmp_path / "mail").iterdir())) == 1


def test_smtp_sends_with_percent_decoded_credentials(tmp_path, smtp_server):
    server = smtp_server()
    port = server.server_address[1]
    send_one(tmp_path, f"smtp://intranet%40sohosolo.fr:p%40ss%2Fw%3A@127.0.0.1:{port}")
    assert server.logins == [("intranet@sohosolo.fr", "p@ss/w:", False)]
    ((message, encrypted),) = server.messages
    assert message["To"] == "ana@example.org"
    assert encrypted is False


@pytest.mark.parametrize(
    "scheme, options",
    [("smtp+tls", {"starttls": True}), ("smtp+ssl", {"implicit_tls": True})],
    ids=["starttls", "implicit-tls"],
)
def test_smtp_over_tls_logs_in_and_sends_encrypted(
    tmp_path, smtp_server, scheme, options
):
    server = smtp_server(**options)
    port = server.server_address[1]
    # The client checks the certificate against the system's trust store: the
    # test's own certificate stands in for it.
    send_one(
        tmp_path,
        f"{scheme}://mailer:s3cr%2B%26t@localhost:{port}",
        SSL_CERT_FILE=str(smtp_server.cert_file),
    )
    assert server.logins == [("mailer", "s3cr+&t", True)]
    ((message, encrypted),) = server.messages
    assert message["Subject"] == "=?utf-8?q?R=C3=A9union_de_jeudi?="
    assert encrypted is True


def test_smtp_refuses_a_server_it_cannot_trust(tmp_path, smtp_server):
    server = smtp_server(implicit_tls=True)
    port = server.server_address[1]
    done = send_one(tmp_path, f"smtp+ssl://mailer:pw@localhost:{port}", may_fail=True)
    assert done.returncode == 1
    assert "CERTIFICATE_VERIFY_FAILED" in done.stderr
    assert server.messages == []
