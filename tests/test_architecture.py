"""The shape of the house, checked: the edition's logic is a package that imports no site
engine; the build's stages are called from one module, in order, which keeps no state and
puts nothing on sys.path; no module is over 300 lines; mkdocs-bibtex is reached through
one module."""

from __future__ import annotations

import ast
import subprocess
import sys

from conftest import ROOT

PACKAGE = ROOT / "src" / "qarabagh_edition"
HOOKS = ROOT / "overrides" / "hooks"
ENGINES = {"mkdocs", "properdocs", "material", "mkdocs_bibtex", "zensical"}
MAX_MODULE_LINES = 300


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
    modules = sorted(
        ".".join(p.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(".__init__")
        for p in PACKAGE.rglob("*.py")
    )
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {sorted(ENGINES)!r}))"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]", f"engine modules loaded by the package: {done.stdout}"


def test_the_build_is_one_module_listed_in_mkdocs_yml():
    import yaml

    listed = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_IgnoreTags)["hooks"]
    assert listed == ["overrides/hooks/edition.py"], listed
    assert sorted(p.name for p in HOOKS.glob("*.py")) == ["edition.py"]


class _IgnoreTags(__import__("yaml").SafeLoader):
    """mkdocs.yml's !ENV tags, read as plain values."""


_IgnoreTags.add_multi_constructor("!", lambda loader, suffix, node: None)


def test_no_module_is_over_300_lines():
    # Every Python module of the package, the engine adapters and the hooks (issue 25).
    too_long = {
        p.relative_to(ROOT).as_posix(): n
        for p in sorted([*(ROOT / "src").rglob("*.py"), *(ROOT / "overrides").rglob("*.py")])
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert not too_long, f"modules over {MAX_MODULE_LINES} lines (one concern per module): {too_long}"


def test_the_build_keeps_no_module_state_and_touches_no_sys_path():
    for path in sorted(HOOKS.glob("*.py")):
        source = path.read_text(encoding="utf-8")
        assert "sys.path" not in source, f"{path.name} changes sys.path"
        tree = ast.parse(source)
        assigned = [
            (node.targets[0] if isinstance(node, ast.Assign) else node.target, node.value)
            for node in tree.body
            if isinstance(node, (ast.Assign, ast.AnnAssign))
        ]
        # A mutable value under a lower-case name at module level is state kept between events.
        state = [
            target.id
            for target, value in assigned
            if isinstance(target, ast.Name)
            and isinstance(value, (ast.Dict, ast.List, ast.Set, ast.Call))
            and not target.id.isupper()
            and "getLogger" not in ast.unparse(value)
        ]
        assert not state, f"{path.name} keeps state between events: {state}"
        assert "global " not in source


def test_mkdocs_bibtex_is_reached_through_one_module():
    users = [
        p.relative_to(ROOT).as_posix()
        for p in sorted([*HOOKS.glob("*.py"), *(ROOT / "src").rglob("*.py")])
        if "mkdocs_bibtex" in imported_modules(p)
        or ".registry" in p.read_text(encoding="utf-8")
        or 'plugins.get("bibtex")' in p.read_text(encoding="utf-8")
    ]
    assert users == ["src/qarabagh_mkdocs/bibtex.py"]
