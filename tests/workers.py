"""The settings every test process changes for the whole session: the test run's
own (conftest) and its Daphne children's. No model is imported here: the children
read this before Django is set up."""

import os
import re


def session_settings(settings) -> dict:
    """Through override_settings, so that cached storages and hashers are reset
    (templates use {% static %} and tests do not run collectstatic first)."""
    return {
        "CACHES": _cache_of_this_worker(settings.CACHES),
        "CHANNEL_LAYERS": _layer_of_this_worker(settings.CHANNEL_LAYERS),
        "PASSWORD_HASHERS": ["django.contrib.auth.hashers.MD5PasswordHasher"],
        "STORAGES": {
            **settings.STORAGES,
            "staticfiles": {
                "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
            },
        },
    }


def _worker() -> str:
    return os.environ.get("PYTEST_XDIST_WORKER", "gw0")


def _layer_of_this_worker(layers):
    """Redis publish/subscribe channels are shared by all of Redis's databases:
    each xdist worker's groups get a prefix of their own."""
    config = layers["default"].get("CONFIG")
    if config is None:
        return layers
    prefix = f"{config['prefix']}-{_worker()}"
    return {"default": {**layers["default"], "CONFIG": {**config, "prefix": prefix}}}


def _cache_of_this_worker(caches):
    """Each xdist worker gets a Redis database of its own: tests clear the cache
    (FLUSHDB), which must not wipe another worker's login counters."""
    location = caches["default"].get("LOCATION", "")
    found = re.match(r"(redis://[^/]+)/(\d+)$", location)
    if not found:
        return caches
    number = (int(found[2]) - int(_worker()[2:])) % 16
    return {"default": {**caches["default"], "LOCATION": f"{found[1]}/{number}"}}
