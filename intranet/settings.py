"""Settings for the Sohosolo intranet, read from the environment.

Nothing exists only in production: the embedded default (SQLite, in-memory channel
layer, local-memory cache, console e-mail) runs with no variable set, and each
variable documented in `.env.example` switches a production part on.
"""

import secrets
from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

from intranet.email_url import parse_email_url

BASE_DIR = Path(__file__).resolve().parent.parent
env = environ.Env()
if (BASE_DIR / ".env").exists():
    environ.Env.read_env(BASE_DIR / ".env", overwrite=False)
VAR_DIR = Path(env.str("DJANGO_VAR_DIR", default=str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def _development_secret_key() -> str:
    """A key generated once into var/ so that sessions survive restarts locally."""
    path = VAR_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


DEBUG = env.bool("DJANGO_DEBUG", default=False)
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="") or _development_secret_key()
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1"])
# The local ports of the WebSocket servers (daphne): /health/ asks each for its own
# health. The same variable tells deploy/render.py which daphne units and nginx
# upstream lines to write.
DAPHNE_PORTS = [int(port) for port in env.str("SOHOSOLO_DAPHNE_PORTS", "").split()]
# The address members reach the site at, for links in e-mails sent outside a request.
BASE_URL = env.str("DJANGO_BASE_URL", default="http://127.0.0.1:8000").rstrip("/")
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

# --- Applications -----------------------------------------------------------------

INSTALLED_APPS = [
    "daphne",
    # Ours first, so that our templates and translations win over the packages'.
    # In the order of their layers (see docs/architecture.md); `intranet` for its
    # commands (backup, restore).
    "intranet",
    "communes",
    "committees",
    "activity",
    "members",
    "forums",
    "events",
    "chat",
    "territory",
    "welcome",
    "missions",
    "mutualaid",
    "home",
    "wagtail.contrib.forms",
    "wagtail.contrib.table_block",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.humanize",
    "channels",
    "actstream",
    "allauth",
    "allauth.account",
    "allauth.usersessions",
    "django_htmx",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "intranet.middleware.TextGZipMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "intranet.middleware.RequestGuard",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "intranet.middleware.SiteFromCache",
    "members.middleware.MemberLanguageMiddleware",
    # After the member's language is set, so that the 403 speaks it.
    "committees.middleware.AdminAccessMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "allauth.usersessions.middleware.UserSessionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "csp.middleware.CSPMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "intranet.urls"
WSGI_APPLICATION = "intranet.wsgi.application"
ASGI_APPLICATION = "intranet.asgi.application"
SITE_ID = 1

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
            ],
            # `{% url %}` reversing through `intranet.links` (kept per process).
            "builtins": ["intranet.templatetags.url_tag"],
        },
    },
]

# --- Data ---------------------------------------------------------------------------

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}")
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets daphne's threads read while one of them writes; IMMEDIATE makes a
    # writing transaction take its lock up front instead of failing half-way.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
            "PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON;"
        ),
        "transaction_mode": "IMMEDIATE",
    }
else:
    DATABASES["default"].setdefault("CONN_MAX_AGE", 60)
    DATABASES["default"].setdefault("CONN_HEALTH_CHECKS", True)
    # The site's queries are short: PostgreSQL's JIT compilation cost them more than
    # it saved (0.9 s of the chat's room list at 100 × the demo, bench/pages.py).
    # Planning them was most of what PostgreSQL spent on a page (1 to 3 ms a query
    # for a 0.1 ms run): the values are sent apart from the SQL (server-side
    # binding), so a query of the same shape is the same statement, and psycopg
    # prepares it on its second run on a connection; PostgreSQL then plans it for
    # its values five times and keeps a generic plan when it is no worse.
    options = DATABASES["default"].setdefault("OPTIONS", {})
    options.setdefault("options", "-c jit=off")
    options.setdefault("server_side_binding", True)
    options.setdefault("prepare_threshold", 1)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "intranet.cache.FailSoftRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "sohosolo",
        }
    }
    # Pub/sub rather than RedisChannelLayer: one PUBLISH per message, fanned out in
    # each server, is the faster at every size (bench/chat_fanout.py, README).
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer",
            "CONFIG": {"hosts": [REDIS_URL], "prefix": "sohosolo"},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    CHANNEL_LAYERS = {"default": {"BACKEND": "intranet.layers.InMemoryChannelLayer"}}

# Sessions are read from the cache, written through to the database: one query less
# on every page, and a Redis outage falls back to the table (FailSoftRedisCache).
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# --- Accounts -----------------------------------------------------------------------

AUTH_USER_MODEL = "members.User"
AUTHENTICATION_BACKENDS = [
    "members.backends.PermissionsInOneQuery",  # permissions only, in one query
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "account_login"

ACCOUNT_ADAPTER = "members.adapters.AccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = False
# Failed logins are counted per address and per IP in the cache (Redis in
# production): 5 tries per address in 5 minutes, 20 per IP per minute.
ACCOUNT_RATE_LIMITS = {
    "login_failed": "20/m/ip,5/5m/key",
    "reset_password": "20/m/ip,5/m/key",
    "change_password": "5/m/user",
}

# Behind nginx every request comes from 127.0.0.1: the per-IP limits must read the
# client's address from X-Forwarded-For, as set by that one trusted proxy.
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("DJANGO_TRUSTED_PROXY_COUNT", default=0)

INVITATION_VALIDITY_DAYS = 14

# How many chat messages a member may send in 10 seconds (a tab that floods is
# refused with `rate_limited`).
CHAT_MESSAGES_PER_10_SECONDS = env.int("CHAT_MESSAGES_PER_10_SECONDS", default=20)

# The newcomer pipeline: how long a family's private link works, and how long an
# abandoned project keeps its personal data before `anonymise_projects` wipes it.
WELCOME_LINK_DAYS = env.int("WELCOME_LINK_DAYS", default=30)
WELCOME_RETENTION_DAYS = env.int("WELCOME_RETENTION_DAYS", default=365)

# --- Internationalisation -----------------------------------------------------------

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("French")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

# --- Static and media files ---------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)  # WhiteNoise warns at start-up when it is missing
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
# No form takes more (photos stop at 5 MB, with the form's own message): larger
# requests get 413 before they are read. nginx's client_max_body_size matches it.
MAX_REQUEST_BYTES = 25 * 1024 * 1024
# The broadband test's download file is sent by nginx (X-Accel-Redirect to its
# internal /_debit/ location, deploy/nginx/sohosolo.conf) rather than by Django.
SPEEDTEST_NGINX = env.bool("DJANGO_SPEEDTEST_NGINX", default=False)

# --- Backups ------------------------------------------------------------------------

# `manage.py backup` writes a folder per backup here (README « Backups »); copy them
# off the machine too.
BACKUP_DIR = Path(env.str("DJANGO_BACKUP_DIR", default=str(VAR_DIR / "backups")))
# A Fernet key (`manage.py backup --new-key`): when set, backups are encrypted with it,
# and restoring one needs it. Keep it somewhere else than the backups.
BACKUP_KEY = env.str("DJANGO_BACKUP_KEY", default="")

# --- E-mail -------------------------------------------------------------------------

# The schemes and their defaults: intranet/email_url.py (and the README).
_email = parse_email_url(
    env.str("EMAIL_URL", default="consolemail://"), var_dir=VAR_DIR
)
EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_HOST = _email["EMAIL_HOST"]
EMAIL_PORT = _email["EMAIL_PORT"]
EMAIL_HOST_USER = _email["EMAIL_HOST_USER"]
EMAIL_HOST_PASSWORD = _email["EMAIL_HOST_PASSWORD"]
EMAIL_USE_TLS = _email["EMAIL_USE_TLS"]
EMAIL_USE_SSL = _email["EMAIL_USE_SSL"]
if "EMAIL_FILE_PATH" in _email:
    EMAIL_FILE_PATH = _email["EMAIL_FILE_PATH"]
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = env.str(
    "DJANGO_DEFAULT_FROM_EMAIL", default="Sohosolo <intranet@sohosolo.localhost>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Web Push (RFC 8030, VAPID RFC 8292): both keys from `manage.py vapid_keys`. Without
# them the push choice is not offered and nothing is sent (the embedded default).
VAPID_PUBLIC_KEY = env.str("DJANGO_VAPID_PUBLIC_KEY", default="")
VAPID_PRIVATE_KEY = env.str("DJANGO_VAPID_PRIVATE_KEY", default="")
# Who push services may contact about our messages: a mailto: or https: URL.
VAPID_SUBJECT = env.str("DJANGO_VAPID_SUBJECT", default="") or (
    "mailto:" + (DEFAULT_FROM_EMAIL.rpartition("<")[2].rstrip(">") or "root@localhost")
)

# --- Security -----------------------------------------------------------------------

# DJANGO_HTTPS=1 says "TLS is terminated in front of Django" (by nginx, or any proxy
# that sets X-Forwarded-Proto): secure cookies, redirect to HTTPS, HSTS. The embedded
# default serves plain HTTP on 127.0.0.1; DJANGO_HTTPS=0 written out says a server
# is reached over plain HTTP on purpose (a closed network), and check --deploy then
# leaves the HTTPS settings to that choice.
HTTPS = env.bool("DJANGO_HTTPS", default=False)
_PLAIN_HTTP_CHOSEN = "DJANGO_HTTPS" in env.ENVIRON and not HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
# HSTS makes browsers refuse plain HTTP for that long, and cannot be taken back
# before it expires: an hour to start with, raised once HTTPS is known to work;
# sub-domains and the browsers' preload list only when asked.
SECURE_HSTS_SECONDS = env.int("DJANGO_HSTS_SECONDS", default=3600 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool(
    "DJANGO_HSTS_INCLUDE_SUBDOMAINS", default=False
)
SECURE_HSTS_PRELOAD = env.bool("DJANGO_HSTS_PRELOAD", default=False)
# check --deploy wants all three; a part the operator left off is their choice, not
# a warning (HSTS itself only when DJANGO_HSTS_SECONDS=0 is written out).
_HSTS_LEFT_OFF: list[str] = []
if _PLAIN_HTTP_CHOSEN or (
    "DJANGO_HSTS_SECONDS" in env.ENVIRON and not SECURE_HSTS_SECONDS
):
    _HSTS_LEFT_OFF.append("security.W004")
if not SECURE_HSTS_INCLUDE_SUBDOMAINS:
    _HSTS_LEFT_OFF.append("security.W005")
if not SECURE_HSTS_PRELOAD:
    _HSTS_LEFT_OFF.append("security.W021")
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# Wagtail's page preview frames the site inside the admin, on the same origin.
X_FRAME_OPTIONS = "SAMEORIGIN"
# Without TLS: the redirect to HTTPS (W008) and secure cookies (W012, W016).
_PLAIN_HTTP = ["security.W008", "security.W012", "security.W016"]
SILENCED_SYSTEM_CHECKS = [
    "security.W019",
    *_HSTS_LEFT_OFF,
    *(_PLAIN_HTTP if _PLAIN_HTTP_CHOSEN else []),
]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "style-src": ["'self'"],
        "script-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}

# --- Wagtail ------------------------------------------------------------------------

WAGTAIL_SITE_NAME = "Sohosolo"
WAGTAILADMIN_BASE_URL = BASE_URL
WAGTAIL_I18N_ENABLED = False
WAGTAIL_CONTENT_LANGUAGES = [("fr", _("French"))]
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
WAGTAIL_ALLOW_UNICODE_SLUGS = False  # ASCII addresses, easy to share
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 5 * 1024 * 1024
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # French stemming without accents (intranet.fulltext, home migration 0009):
    # "installer" finds "installation", "installés"…, "ecole" finds "École".
    WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "french_unaccent"
TAGGIT_STRIP_UNICODE_WHEN_SLUGIFYING = True  # ASCII slugs in filter URLs
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "ods", "docx", "xlsx", "txt", "csv"]

# --- Activity stream ----------------------------------------------------------------

# Decided before the first migrate: migration 0002 of actstream drops the column
# when this is off, and turning it on later fails (see shared/STACK.md).
ACTSTREAM_SETTINGS = {"USE_JSONFIELD": True}

# --- Logging ------------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.channels.server": {"level": "INFO"},
        "daphne": {"level": "WARNING"},
        # Wagtail logs every page created and every background task at INFO.
        "wagtail": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
    },
}
