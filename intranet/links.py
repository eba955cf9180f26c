"""`reverse()`, remembered per process: the one the project's code and templates use.

Django's `reverse()` looks the name up among the resolver's candidates, fills the
pattern in and checks the result against it, on every call: tens of microseconds,
and a page reverses 20 to 50 addresses (each post's own, its author's, its
reactions'; the menus; a notification's). The answer depends only on what is
asked (name, arguments, current application), the URLconf, the script prefix and
the language, so it is kept per process under all of these. A name that does not
reverse raises `NoReverseMatch` every time, as Django's does.

The project's `{% url %}` tag (`intranet.templatetags.url_tag`, a template builtin)
reverses through it; ruff refuses `django.urls.reverse` outside the tests.
"""

from functools import lru_cache
from typing import Any

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, get_urlconf
from django.urls import reverse as django_reverse
from django.utils.translation import get_language

# About 300 bytes an address: a few megabytes at most in each process.
KEPT = 20_000


def reverse(
    viewname: Any,
    urlconf: str | None = None,
    args: Any = None,
    kwargs: dict[str, Any] | None = None,
    current_app: str | None = None,
    query: Any = None,
    fragment: str | None = None,
) -> str:
    """As `django.urls.reverse`; arguments that cannot be a key (a list of values
    for a query string, an object) are reversed as Django does, every time."""
    if query is None and fragment is None:
        try:
            args = tuple(args) if args else ()
            kwargs_items = tuple(sorted(kwargs.items())) if kwargs else ()
            return _kept(
                viewname,
                args,
                kwargs_items,
                # 1, 1.0 and True are equal keys, but not the same address.
                tuple(map(type, args)) + tuple(type(v) for _k, v in kwargs_items),
                current_app,
                urlconf or get_urlconf() or settings.ROOT_URLCONF,
                get_script_prefix(),
                get_language(),
            )
        except TypeError:  # unhashable: reversed below
            pass
    return django_reverse(
        viewname, urlconf, args, kwargs, current_app, query=query, fragment=fragment
    )


@lru_cache(maxsize=KEPT)
def _kept(
    viewname: Any,
    args: tuple[Any, ...],
    kwargs: tuple[tuple[str, Any], ...],
    _types: tuple[type, ...],
    current_app: str | None,
    urlconf: str,
    _prefix: str,
    _language: str | None,
) -> str:
    return django_reverse(
        viewname, urlconf, args or None, dict(kwargs) or None, current_app
    )


def forget() -> None:
    _kept.cache_clear()


@receiver(setting_changed, dispatch_uid="intranet.links.forget")
def _urlconf_changed(*, setting: str, **kwargs: Any) -> None:
    # A test's `override_settings(ROOT_URLCONF=…)` may load another module of the
    # same name; Django forgets its resolvers then, and so does this.
    if setting == "ROOT_URLCONF":
        forget()
