"""`intranet.links.reverse` and the `{% url %}` built on it answer exactly as
Django's, and forget what they kept when the URLconf changes."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory, override_settings
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver
from django.urls import reverse as django_reverse
from django.urls.converters import IntConverter, PathConverter
from django.utils import translation

from intranet import links

_SAMPLES = {IntConverter: 7, PathConverter: "un/chemin"}


def _named_patterns(patterns, namespace="", converters=None):
    """(full name, a value for each converter on the way) of every named route."""
    for entry in patterns:
        found = {**(converters or {}), **getattr(entry.pattern, "converters", {})}
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _named_patterns(entry.url_patterns, inner, found)
        elif isinstance(entry, URLPattern) and entry.name:
            values = {key: _SAMPLES.get(type(c), "abc") for key, c in found.items()}
            yield f"{namespace}{entry.name}", values


def test_every_named_route_of_the_project_reverses_as_with_django():
    checked = 0
    for name, kwargs in _named_patterns(get_resolver().url_patterns):
        try:
            expected = django_reverse(name, kwargs=kwargs or None)
        except NoReverseMatch:
            with pytest.raises(NoReverseMatch):
                links.reverse(name, kwargs=kwargs or None)
            continue
        assert links.reverse(name, kwargs=kwargs or None) == expected, name
        assert links.reverse(name, kwargs=kwargs or None) == expected, name  # kept
        checked += 1
    assert checked > 100


def test_positional_arguments_types_and_query_strings():
    assert links.reverse("members:profile_detail", args=[12]) == "/membres/12/"
    assert links.reverse("members:profile_detail", args=["12"]) == "/membres/12/"
    # A query string (a dict: no key) is reversed by Django every time.
    assert (
        links.reverse("members:directory", query={"q": ["a", "b"]})
        == "/membres/?q=a&q=b"
    )
    with pytest.raises(NoReverseMatch):
        links.reverse("members:profile_detail", args=["douze"])
    with pytest.raises(NoReverseMatch):  # every time, never kept
        links.reverse("members:profile_detail", args=["douze"])


def test_the_script_prefix_is_part_of_the_key():
    from django.urls import set_script_prefix

    assert links.reverse("members:directory") == "/membres/"
    set_script_prefix("/intranet/")
    try:
        assert links.reverse("members:directory") == "/intranet/membres/"
    finally:
        set_script_prefix("/")
    assert links.reverse("members:directory") == "/membres/"


@override_settings(ROOT_URLCONF="tests.intranet.urls_other")
def test_another_urlconf_is_another_set_of_addresses():
    assert links.reverse("members:directory") == "/ailleurs/membres/"


def test_the_url_tag_is_the_projects_everywhere():
    request = RequestFactory().get("/")
    template = Template(
        "{% url 'members:profile_detail' 5 %}|{% url 'members:directory' as d %}{{ d }}"
        "|{% url 'nulle-part' as none %}[{{ none }}]"
    )
    with translation.override("fr"):
        assert template.render(Context({"request": request})) == (
            "/membres/5/|/membres/|[]"
        )
    assert type(template.nodelist[0]).__name__ == "KeptURLNode"
    with pytest.raises(NoReverseMatch):
        Template("{% url 'nulle-part' %}").render(Context())
