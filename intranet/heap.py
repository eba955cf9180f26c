"""The garbage collector of a long-lived application server (issue #19).

Python's full collection walks every object the process holds: the tens of
thousands Django, Wagtail and the project's modules load at start-up, which stay
until the process ends. A chat room page paid about 8 ms a request for those walks.
`settle()`, once the application is loaded, moves them out of the collector's sight
(`gc.freeze`) and lets more objects be made between young collections: a page
makes about a hundred thousand, most freed when the request ends.
"""

import gc

from django.urls import get_resolver

YOUNG_THRESHOLD = 20_000  # Python's default is 700


def settle() -> None:
    get_resolver().url_patterns  # noqa: B018 (imports the views, else the first request does)
    gc.collect()
    gc.freeze()
    _young, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, middle, old)
