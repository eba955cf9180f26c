"""Addresses of the many items of a page at the cost of one `reverse` per route:
a page of 50 chat messages or 20 forum messages links each to its author, its
reaction, its edit… and `reverse` is the dearest part of `{% url %}`."""

from collections.abc import Callable

from intranet.links import reverse


def of(name: str) -> Callable[[int], str]:
    """`reverse(name, args=[pk])` for any pk of a route whose one argument is an
    `<int:pk>`: the address of pk 0 with the pk in its place."""
    before, zero, after = reverse(name, args=[0]).rpartition("/0/")
    if not zero:
        raise ValueError(f"{name}: no /<pk>/ part in its address")
    return lambda pk: f"{before}/{pk}/{after}"
