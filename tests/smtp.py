"""A small SMTP server for tests, started in a thread: plain, STARTTLS or TLS from
the first byte (with a certificate made for the test), recording logins and
messages. `hold` keeps every DATA answer back until it is set, so that a client
can be caught in the middle of sending."""

import base64
import datetime
import socketserver
import ssl
import threading
from email import message_from_bytes
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID


def _certificate(tmp_path) -> tuple[Path, Path]:
    """A self-signed certificate for localhost."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(hours=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.DNSName("localhost")]), critical=False
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_file, key_file


class _Session(socketserver.BaseRequestHandler):
    """Just enough ESMTP: EHLO, STARTTLS, AUTH PLAIN/LOGIN, MAIL, RCPT, DATA."""

    def handle(self):
        server: FakeSMTP = self.server  # type: ignore[assignment]
        sock = self.request
        reader = sock.makefile("rb")
        encrypted = server.implicit_tls

        def reply(line: str) -> None:
            sock.sendall(line.encode() + b"\r\n")

        reply("220 localhost fake ESMTP")
        while line := reader.readline():
            command = line.decode().rstrip("\r\n")
            verb = command.split(" ", 1)[0].upper()
            if verb in ("EHLO", "HELO"):
                if server.starttls and not encrypted:
                    reply("250-localhost")
                    reply("250 STARTTLS")
                else:
                    reply("250-localhost")
                    reply("250 AUTH PLAIN LOGIN")
            elif verb == "STARTTLS":
                reply("220 go ahead")
                sock = server.context.wrap_socket(sock, server_side=True)
                reader = sock.makefile("rb")
                encrypted = True
            elif verb == "AUTH":
                words = command.split()
                if words[1].upper() == "PLAIN":
                    _, user, password = base64.b64decode(words[2]).split(b"\0")
                else:  # LOGIN
                    reply("334 VXNlcm5hbWU6")
                    user = base64.b64decode(reader.readline().strip())
                    reply("334 UGFzc3dvcmQ6")
                    password = base64.b64decode(reader.readline().strip())
                server.logins.append((user.decode(), password.decode(), encrypted))
                reply("235 ok")
            elif verb == "DATA":
                reply("354 end with .")
                data = b""
                while (chunk := reader.readline()) != b".\r\n":
                    data += chunk
                server.messages.append((message_from_bytes(data), encrypted))
                server.data_seen.set()
                server.hold.wait(timeout=60)
                reply("250 queued")
            elif verb == "QUIT":
                reply("221 bye")
                break
            else:  # MAIL, RCPT, RSET, NOOP
                reply("250 ok")
        reader.close()
        if sock is not self.request:
            sock.close()  # the STARTTLS socket (the server closes the plain one)


class FakeSMTP(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, context=None, *, starttls=False, implicit_tls=False):
        self.context, self.starttls, self.implicit_tls = context, starttls, implicit_tls
        self.logins: list[tuple[str, str, bool]] = []
        self.messages: list = []
        self.data_seen = threading.Event()  # a message arrived
        self.hold = threading.Event()  # cleared: messages wait for their answer
        self.hold.set()
        super().__init__(("127.0.0.1", 0), _Session)

    def get_request(self):
        sock, address = super().get_request()
        if self.implicit_tls:
            sock = self.context.wrap_socket(sock, server_side=True)
        return sock, address


@pytest.fixture
def smtp_server(tmp_path):
    cert_file, key_file = _certificate(tmp_path)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_file, key_file)
    started = []

    def start(**options) -> FakeSMTP:
        server = FakeSMTP(context, **options)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        started.append(server)
        return server

    start.cert_file = cert_file  # type: ignore[attr-defined]
    yield start
    for server in started:
        server.hold.set()
        server.shutdown()
        server.server_close()
