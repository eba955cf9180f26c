"""Versions in the cache (`intranet.cache.version` / `new_version`): what is kept
beside a version is forgotten at once when the version is replaced."""

from django.core.cache import cache

from intranet import cache as versions

KEY = "tests:version"


def test_a_version_is_made_once_then_kept():
    first = versions.version(KEY)
    assert first and versions.version(KEY) == first
    assert cache.get(KEY) == first


def test_new_version_replaces_it():
    first = versions.version(KEY)
    versions.new_version(KEY)
    assert versions.version(KEY) not in (first, None)


def test_what_the_caller_read_is_used_as_is():
    cache.set(KEY, "kept", None)
    assert versions.version(KEY, "read-before") == "read-before"
    assert versions.version(KEY) == "kept"


def test_two_processes_racing_agree_on_the_first(monkeypatch):
    # Another process made its version between our read and our add.
    real_add = cache.add

    def add_after_the_other(key, value, timeout=None):
        real_add(key, "the-other-s", None)
        return real_add(key, value, timeout)

    monkeypatch.setattr(cache, "add", add_after_the_other)
    assert versions.version(KEY) == "the-other-s"
