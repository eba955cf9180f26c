"""A Redis cache that fails soft.

When Redis does not answer, the site must go on: every cached value can be
computed again from the database, and the rate limits (ours and allauth's) must
still limit. `FailSoftRedisCache` is Django's `RedisCache` with short socket
time-outs and a circuit breaker: the first failure logs a warning and sends every
call, for `RETRY_AFTER` seconds, to a local-memory cache of the process; then the
next call tries Redis again, and when it answers, everything goes back to it. No
restart is needed either way.

`version(key)` and `new_version(key)` are the one way to keep values beside a
version: a cache key whose value (a random token) goes into the keys of what is
kept, so that replacing the token forgets all of it at once.

While Redis is down, throttling is kept per server process (local memory): an
attacker spreading attempts over several processes gets a few more tries, never
an unlimited number.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any
from uuid import uuid4

from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

RETRY_AFTER = 5.0  # seconds without trying Redis after a failure
TIMEOUTS = {"socket_connect_timeout": 0.25, "socket_timeout": 0.5}

# The operations of Django's cache API that reach Redis; the others (get_or_set,
# decr, the *_many helpers of BaseCache…) are built on these.
_OPERATIONS = (
    "add", "get", "set", "touch", "delete", "get_many", "has_key", "incr",
    "set_many", "delete_many", "clear",
)  # fmt: skip


class FailSoftRedisCache(RedisCache):
    def __init__(self, server: str, params: dict[str, Any]) -> None:
        params = {**params, "OPTIONS": {**TIMEOUTS, **params.get("OPTIONS", {})}}
        super().__init__(server, params)
        self._fallback = LocMemCache(f"fail-soft:{server}", params)
        self._down_until = 0.0
        self._lock = threading.Lock()

    @property
    def is_down(self) -> bool:
        return time.monotonic() < self._down_until

    def ping(self) -> bool:
        """Whether Redis itself answers now (for /health/), whatever the breaker."""
        try:
            return bool(self._cache.get_client(write=True).ping())
        except (RedisError, OSError):
            return False

    def _call(self, name: str, *args: Any, **kwargs: Any) -> Any:
        if not self.is_down:
            try:
                return getattr(super(), name)(*args, **kwargs)
            except (RedisError, OSError) as error:
                with self._lock:
                    if not self.is_down:
                        logger.warning(
                            "Redis cache unavailable (%s); local memory for %.0f s",
                            error, RETRY_AFTER,
                        )  # fmt: skip
                    self._down_until = time.monotonic() + RETRY_AFTER
        return getattr(self._fallback, name)(*args, **kwargs)


def _fail_soft(name: str) -> Callable[..., Any]:
    def operation(self: FailSoftRedisCache, *args: Any, **kwargs: Any) -> Any:
        return self._call(name, *args, **kwargs)

    operation.__name__ = name
    return operation


for _name in _OPERATIONS:
    setattr(FailSoftRedisCache, _name, _fail_soft(_name))


def version(key: str, known: str | None = None) -> str:
    """The version kept at `key` (`known`: what the caller already read there),
    made when there is none; two processes that race agree on the first one."""
    if known is not None:
        return known
    known = cache.get(key)
    if known is None:
        made = uuid4().hex
        cache.add(key, made, None)
        known = cache.get(key, made)
    return known


def new_version(key: str) -> None:
    """Replace the version at `key`: what was kept under the old one is forgotten."""
    cache.set(key, uuid4().hex, None)
