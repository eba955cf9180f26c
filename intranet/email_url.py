"""`EMAIL_URL` read into Django's e-mail settings (imported by the settings module,
so standard library only).

- `consolemail://`: printed to the console (the default);
- `filemail:///abs/dir`: one file per message in that directory (`filemail://` alone
  is `var/mail`, a relative `filemail://mail` is under `var/`);
- `memorymail://` (kept in memory, for tests), `dummymail://` (dropped);
- `smtp://user:pw@host`: plain SMTP, port 25 by default;
- `smtp+tls://user:pw@host`: SMTP with STARTTLS, port 587 by default;
- `smtp+ssl://…` or `smtps://…`: SMTP over TLS from the first byte, port 465.

User and password are percent-decoded (`%40` for `@`, `%2F` for `/`, `%3A` for `:`).
"""

from pathlib import Path
from urllib.parse import unquote, urlsplit

BACKENDS = {
    "consolemail": "django.core.mail.backends.console.EmailBackend",
    "filemail": "django.core.mail.backends.filebased.EmailBackend",
    "memorymail": "django.core.mail.backends.locmem.EmailBackend",
    "dummymail": "django.core.mail.backends.dummy.EmailBackend",
}
SMTP = "django.core.mail.backends.smtp.EmailBackend"
# scheme: (default port, STARTTLS, implicit TLS)
SMTP_SCHEMES = {
    "smtp": (25, False, False),
    "smtp+tls": (587, True, False),
    "smtp+ssl": (465, False, True),
    "smtps": (465, False, True),
}


def parse_email_url(url: str, *, var_dir: Path) -> dict:
    """The `EMAIL_*` settings an `EMAIL_URL` stands for; raises `ValueError` for a
    scheme it does not know, so that a typo stops the start-up."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    settings: dict = {
        "EMAIL_HOST": "localhost",
        "EMAIL_PORT": 25,
        "EMAIL_HOST_USER": "",
        "EMAIL_HOST_PASSWORD": "",
        "EMAIL_USE_TLS": False,
        "EMAIL_USE_SSL": False,
    }
    if scheme in SMTP_SCHEMES:
        port, tls, ssl = SMTP_SCHEMES[scheme]
        settings.update(
            EMAIL_BACKEND=SMTP,
            EMAIL_HOST=parts.hostname or "localhost",
            EMAIL_PORT=parts.port or port,
            EMAIL_HOST_USER=unquote(parts.username or ""),
            EMAIL_HOST_PASSWORD=unquote(parts.password or ""),
            EMAIL_USE_TLS=tls,
            EMAIL_USE_SSL=ssl,
        )
        return settings
    if scheme not in BACKENDS:
        known = ", ".join([*BACKENDS, *SMTP_SCHEMES])
        raise ValueError(f"EMAIL_URL: unknown scheme {scheme!r} (known: {known})")
    settings["EMAIL_BACKEND"] = BACKENDS[scheme]
    if scheme == "filemail":
        # filemail:///srv/mail is absolute; filemail://mail (netloc "mail") and
        # filemail:// are under var/.
        path = unquote(parts.netloc + parts.path)
        settings["EMAIL_FILE_PATH"] = str(var_dir / (path or "mail"))
    return settings
