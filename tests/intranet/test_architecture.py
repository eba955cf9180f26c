"""The architecture, checked: apps depend downwards only (the layers written in
pyproject.toml, checked by import-linter), and no import that crosses apps hides
inside a function. See docs/architecture.md."""

import ast
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
APPS = CONFIG["root_packages"]

#: Function-local imports across apps that stay, each with its reason.
ALLOWED_LOCAL_IMPORTS: dict[tuple[str, str], str] = {}


def test_apps_depend_downwards_only():
    linter = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run(
        [linter, "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _local_imports(path: Path):
    """(line, module) of each import inside a function or method of `path`."""

    def visit(node, inside):
        for child in ast.iter_child_nodes(node):
            nested = inside or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            if inside and isinstance(child, ast.Import):
                yield from ((child.lineno, alias.name) for alias in child.names)
            elif inside and isinstance(child, ast.ImportFrom) and not child.level:
                yield child.lineno, child.module or ""
            yield from visit(child, nested)

    yield from visit(ast.parse(path.read_text()), False)


def test_no_import_across_apps_hides_in_a_function():
    hidden = []
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            for line, module in _local_imports(path):
                other = module.split(".")[0]
                where = str(path.relative_to(ROOT))
                if other in APPS and other != app:
                    if (where, module) not in ALLOWED_LOCAL_IMPORTS:
                        hidden.append(f"{where}:{line} imports {module}")
    assert hidden == [], "import it at the top of the module (if it is below)"


def test_the_checker_sees_a_hidden_import(tmp_path):
    """The walk above finds an import in a nested function (it can fail)."""
    probe = tmp_path / "probe.py"
    probe.write_text("def f():\n    def g():\n        from home import models\n")
    assert list(_local_imports(probe)) == [(3, "home")]


def _public_functions(path: Path):
    for node in ast.parse(path.read_text()).body:
        if isinstance(node, ast.FunctionDef) and not node.name.startswith("_"):
            yield node


def test_services_and_selectors_take_keyword_arguments():
    """What other modules call reads the same everywhere: `rsvp_set(event=…)`."""
    positional = [
        f"{path.relative_to(ROOT)}: {function.name}"
        for app in APPS
        for name in ("services.py", "selectors.py")
        if (path := ROOT / app / name).exists()
        for function in _public_functions(path)
        if function.args.posonlyargs or function.args.args
    ]
    assert positional == [], "put `*,` first in their parameters"
