"""The application servers leave what they loaded out of the collector's walks."""

import subprocess
import sys

import pytest

from intranet import heap


@pytest.mark.parametrize("module", ["intranet.wsgi", "intranet.asgi"])
def test_the_server_modules_freeze_what_they_loaded(module):
    script = (
        f"import gc, sys, {module}; print(gc.get_freeze_count(), "
        "gc.get_threshold()[0], 'members.views' in sys.modules)"
    )
    done = subprocess.run(  # the test's settings, in a process of its own
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    frozen, threshold, views_loaded = done.stdout.split()
    assert int(frozen) > 50_000  # Django's, Wagtail's and the project's objects
    assert int(threshold) == heap.YOUNG_THRESHOLD
    assert views_loaded == "True"  # the URLconf was loaded before the freeze
