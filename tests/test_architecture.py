"""The shape issue 14 asks for, checked: the edition's logic is a package that imports no
site engine; each MkDocs hook is a small adapter that imports the package, not another
hook, and puts nothing on sys.path; mkdocs-bibtex is reached through one module."""
from __future__ import annotations

import ast
import subprocess
import sys

from conftest import ROOT

PACKAGE = ROOT / "src" / "qarabagh_edition"
HOOKS = ROOT / "overrides" / "hooks"
ENGINES = {"mkdocs", "properdocs", "material", "mkdocs_bibtex", "zensical"}
MAX_HOOK_LINES = 80


def imported_modules(path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


def engine_imports(path) -> set[str]:
    return {name for name in imported_modules(path) if name.split(".")[0] in ENGINES}


def test_engine_imports_are_found():
    planted = ROOT / "tests" / "golden" / "planted_engine_import.py"
    planted.write_text("from mkdocs.plugins import event_priority\nimport properdocs.config\n", encoding="utf-8")
    try:
        assert engine_imports(planted) == {"mkdocs.plugins", "properdocs.config"}
    finally:
        planted.unlink()


def test_the_package_imports_no_site_engine():
    found = {p.relative_to(ROOT).as_posix(): engine_imports(p) for p in sorted(PACKAGE.rglob("*.py"))}
    assert not {k: v for k, v in found.items() if v}


def test_importing_every_module_of_the_package_loads_no_engine():
    modules = sorted(".".join(p.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(".__init__")
                     for p in PACKAGE.rglob("*.py"))
    script = ("import importlib, sys\n"
              f"for name in {modules!r}: importlib.import_module(name)\n"
              f"print(sorted(m for m in sys.modules if m.split('.')[0] in {sorted(ENGINES)!r}))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]", f"engine modules loaded by the package: {done.stdout}"


def test_hooks_are_small_adapters():
    too_long = {p.name: n for p in sorted(HOOKS.glob("*.py"))
                if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_HOOK_LINES}
    assert not too_long, f"hooks over {MAX_HOOK_LINES} lines (move the logic into src/qarabagh_edition): {too_long}"


def test_hooks_import_no_other_hook_and_touch_no_sys_path():
    hooks = {p.stem for p in HOOKS.glob("*.py")}
    for path in sorted(HOOKS.glob("*.py")):
        source = path.read_text(encoding="utf-8")
        assert "sys.path" not in source, f"{path.name} changes sys.path"
        assert not imported_modules(path) & hooks, f"{path.name} imports another hook"


def test_mkdocs_bibtex_is_reached_through_one_module():
    users = [p.relative_to(ROOT).as_posix() for p in sorted([*HOOKS.glob("*.py"), *(ROOT / "src").rglob("*.py")])
             if "mkdocs_bibtex" in imported_modules(p) or ".registry" in p.read_text(encoding="utf-8")
             or 'plugins.get("bibtex")' in p.read_text(encoding="utf-8")]
    assert users == ["src/qarabagh_mkdocs/bibtex.py"]
