"""Templates in overrides/ use Jinja's own syntax only: no Python method calls
(`name.split(' ')`, `d.items()`), which Zensical's template engine (MiniJinja) lacks.
Values a template needs are computed in the package and handed over as data."""

from __future__ import annotations

import re

from conftest import ROOT

TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
# `.name(`, but not Material's language macro `lang.t(...)`: a macro of an imported
# template, which MiniJinja supports, not a Python method.
METHOD_CALL = re.compile(r"(?<=[\w\])])\.(?P<method>[A-Za-z_]\w*)\s*\(")


def method_calls(template: str) -> list[str]:
    return [
        call.group(0)
        for tag in TAG.finditer(template)
        for call in METHOD_CALL.finditer(tag.group(0))
        if not tag.group(0)[: call.start()].endswith("lang")
    ]


def test_a_method_call_is_found():
    planted = "{{ (config.extra.paper.authors[0].name.split(' ')[-1]) | e }} {% for k, v in d.items() %}"
    assert method_calls(planted) == [".split(", ".items("]
    assert method_calls("{{ lang.t('source') }} {{ 'x' | url }} {{ super() }}") == []


def test_templates_call_no_python_methods():
    found = {
        path.relative_to(ROOT).as_posix(): calls
        for path in sorted((ROOT / "overrides").rglob("*.html"))
        if (calls := method_calls(path.read_text(encoding="utf-8")))
    }
    assert not found, f"templates with Python method calls (compute the value in the package instead): {found}"
