"""Daphne answers a request line or a header that is too long.

Daphne reads HTTP with Twisted, whose line reader drops the connection without a
word when a line passes 16 KB (a 1 MB query string, say): the browser shows a
network error. Here it answers 414 (the request line) or 431 (a header) first, as
nginx and gunicorn do. `intranet.asgi` installs it when Twisted is running.
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
