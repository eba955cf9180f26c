"""Settings of the gunicorn that `bench/pages.py` starts: the intranet's production
settings, with the bench's bare page beside the project's URLs."""

from intranet.settings import *  # noqa: F403

ROOT_URLCONF = "bench.pages_urls"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
# Persistent connections: the bench reads the CPU of the PostgreSQL backends that
# serve the workers, which must not end mid-count (production reopens every 60 s).
DATABASES["default"]["CONN_MAX_AGE"] = None  # noqa: F405
