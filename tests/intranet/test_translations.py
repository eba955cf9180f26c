"""French is the default language: its catalog must be complete and current."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
CATALOG = ROOT / "locale" / "fr" / "LC_MESSAGES" / "django.po"
APPS = [path.name for path in ROOT.iterdir() if (path / "apps.py").exists()]
SOURCES = ["intranet", "templates", "manage.py", *APPS]


def msgids(path: Path) -> set[str]:
    return {entry.msgid for entry in polib.pofile(str(path)) if not entry.obsolete}


def test_french_catalog_is_complete():
    catalog = polib.pofile(str(CATALOG))
    assert [e.msgid for e in catalog.untranslated_entries()] == []
    assert [e.msgid for e in catalog.fuzzy_entries()] == []


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="needs GNU gettext")
def test_french_catalog_has_every_string_of_the_code(tmp_path):
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name)
        else:
            shutil.copy(source, tmp_path / name)
    (tmp_path / "locale" / "fr" / "LC_MESSAGES").mkdir(parents=True)
    shutil.copy(CATALOG, tmp_path / "locale" / "fr" / "LC_MESSAGES" / "django.po")
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "fr", "--no-obsolete"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        env={"PATH": "/usr/bin:/bin", "DJANGO_VAR_DIR": str(tmp_path / "var")},
    )
    fresh = tmp_path / "locale" / "fr" / "LC_MESSAGES" / "django.po"
    missing = msgids(fresh) - msgids(CATALOG)
    assert missing == set(), "run `make messages` and translate the new strings"
