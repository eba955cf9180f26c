"""Daphne answers a request line or a header that is too long, and leaves request
bodies to Django.

Daphne reads HTTP with Twisted, whose line reader drops the connection without a
word when a line passes 16 KB (a 1 MB query string, say): the browser shows a
network error. Here it answers 414 (the request line) or 431 (a header) first, as
nginx and gunicorn do. `intranet.asgi` installs it when Twisted is running.

Twisted also parses a multipart body into arguments of its own before Daphne hands
the body to Django, and refuses with a bare 400 (never reaching Django, nor the
access log) a body it cannot split: an empty form, as Wagtail's editing-session
ping sends (`FormData` of a form with no field set), so the admin's « someone else
is editing » notice never worked under Daphne. Daphne never reads those arguments:
Django parses the body.
"""

from __future__ import annotations

from typing import Any


def _answer(status: bytes, text: bytes) -> bytes:
    return (
        b"HTTP/1.1 " + status + b"\r\n"
        b"Content-Type: text/plain; charset=utf-8\r\n"
        b"Connection: close\r\n"
        b"Content-Length: " + str(len(text)).encode() + b"\r\n\r\n" + text
    )


TOO_LONG_LINE = _answer(
    b"414 URI Too Long",
    b"Adresse trop longue. / This address is too long.\n",
)
TOO_LONG_HEADER = _answer(
    b"431 Request Header Fields Too Large",
    "En-tête trop long. / A header is too long.\n".encode(),
)


def answer_long_lines() -> None:
    from twisted.web.http import HTTPChannel

    def line_length_exceeded(self: Any, line: bytes) -> None:
        first_line = getattr(self, "_HTTPChannel__first_line", 1)
        self.transport.write(TOO_LONG_LINE if first_line else TOO_LONG_HEADER)
        self.transport.loseConnection()

    HTTPChannel.lineLengthExceeded = line_length_exceeded  # type: ignore[method-assign]


def leave_bodies_to_django() -> None:
    from daphne.http_protocol import WebRequest

    if getattr(WebRequest, "_sohosolo_bodies_left", False):
        return
    original = WebRequest.__init__

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        self._parsePOSTFormSubmission = False

    WebRequest.__init__ = __init__
    WebRequest._sohosolo_bodies_left = True
