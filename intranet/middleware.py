"""Requests are made safe before any view sees them (too large ones get 413, form
data and addresses that are not UTF-8 text get 400, control characters are taken
out of the fields), and pages leave gzipped."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import parse_qsl

from django.conf import settings
from django.core.exceptions import BadRequest, RequestDataTooBig
from django.http import HttpRequest, HttpResponse, QueryDict
from django.http.response import HttpResponseBase
from django.middleware.gzip import GZipMiddleware
from django.utils.datastructures import MultiValueDictKeyError
from django.utils.translation import gettext as _

from intranet import pages
from intranet.text import printable

URLENCODED = "application/x-www-form-urlencoded"
MULTIPART = "multipart/form-data"


class RequestGuard:
    """Our forms send UTF-8 text. What is not (invalid UTF-8, which Django would
    store garbled, or a NUL character in a form, which PostgreSQL refuses) is
    refused with a 400 that says so; other control characters, which nobody types,
    are removed from the query string's and the form's fields. A view that reads a
    field its form always sends, from a request that lacks it (Wagtail's
    StreamField counts, say), or a number too large for any id, answers 400 too,
    not 500."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        length = request.META.get("CONTENT_LENGTH") or ""
        if length.isdigit() and int(length) > settings.MAX_REQUEST_BYTES:
            raise RequestDataTooBig  # 413, before reading any of it
        if not _is_utf8(request.META.get("QUERY_STRING", "")):
            raise BadRequest(_("The address contains characters that are not text."))
        request.GET = _printable(request.GET)  # type: ignore[assignment]
        if request.method == "POST" and request.content_type in (URLENCODED, MULTIPART):
            if request.content_type == URLENCODED and not _is_utf8(_body(request)):
                raise BadRequest(_("The form sent characters that are not text."))
            if any(
                "\x00" in value or "\ufffd" in value  # U+FFFD: Django's "not UTF-8"
                for _name, values in request.POST.lists()
                for value in values
            ):
                raise BadRequest(_("The form sent characters that are not text."))
            request.POST = _printable(request.POST)  # type: ignore[assignment]
        return self.get_response(request)

    def process_exception(
        self, request: HttpRequest, exception: Exception
    ) -> HttpResponse | None:
        if isinstance(exception, MultiValueDictKeyError):
            raise BadRequest(
                _("The form sent is incomplete. Reload the page and try again.")
            ) from exception
        if isinstance(exception, OverflowError):  # an id beyond any database's
            raise BadRequest(_("A number sent is too large.")) from exception
        return None


COMPRESSIBLE = ("text/", "application/json", "application/javascript",
                "application/xml", "application/rss+xml", "image/svg+xml")  # fmt: skip


class TextGZipMiddleware(GZipMiddleware):
    """Pages leave compressed (a directory of 65 KB weighs 12 KB), on every server
    and behind any proxy; photos, ZIP downloads and other compressed formats are
    left as they are. Django's GZip adds random bytes against BREACH, and CSRF
    tokens are masked per request."""

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        if not response.get("Content-Type", "").startswith(COMPRESSIBLE):
            return response
        return super().process_response(request, response)


class SiteFromCache:
    """The request's Wagtail site from the cache (`intranet.pages`): `{% pageurl %}`
    in any view asks for it, and Wagtail would read it from the database once a
    request; the page links of the same request then share Wagtail's site root
    paths, kept on the request."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        pages.remember_site(request)
        return self.get_response(request)


def _body(request: HttpRequest) -> str:
    try:
        return request.body.decode("ascii")  # form encoding is ASCII, %-escaped
    except UnicodeDecodeError:
        return "%FF"  # raw bytes: not what a browser sends


def _is_utf8(encoded: str) -> bool:
    """Whether percent-decoding gives valid UTF-8."""
    try:
        parse_qsl(encoded, keep_blank_values=True, errors="strict")
    except (UnicodeDecodeError, ValueError):
        return False
    return True


def _printable(data: QueryDict) -> QueryDict:
    if not any(printable(v) != v for _name, vs in data.lists() for v in vs):
        return data
    clean = QueryDict(mutable=True)
    for name, values in data.lists():
        clean.setlist(printable(name), [printable(value) for value in values])
    clean._mutable = False
    return clean
