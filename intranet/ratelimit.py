"""Rate limits, counted in the cache (Redis in production) in fixed windows.

One implementation for every limit of the site: posts, comments, forum messages,
chat messages, the newcomer form, invitations.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import NamedTuple

from django.core.cache import cache

_suspended = False


class Rate(NamedTuple):
    limit: int  # uses…
    window: int  # …per this many seconds


def spend(key: str, rate: Rate) -> bool:
    """Count one use of `key` in the current window; False once more than
    `rate.limit` uses were counted in it (this one is counted all the same)."""
    if _suspended:
        return True
    key = f"rate:{key}"
    cache.add(key, 0, rate.window)
    try:
        used = cache.incr(key)
    except ValueError:  # the window ended between the two calls
        cache.set(key, 1, rate.window)
        used = 1
    return used <= rate.limit


@contextmanager
def suspended() -> Iterator[None]:
    """No limit inside the block: for bulk writes by the operator (the demo seed),
    never for a request."""
    global _suspended
    previous, _suspended = _suspended, True
    try:
        yield
    finally:
        _suspended = previous
