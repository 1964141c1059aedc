"""A page's front matter, read exactly as MkDocs reads it (mkdocs.utils.meta.get_data),
so that what the rules take for settings, and skip as text, is what the site takes.

MkDocs reads two forms: a YAML mapping between `---` lines at the very top (anything
else there, a list, a YAML error, a `---` not in the first column, stays the page's
Markdown, shown to readers), and, without those lines, MultiMarkdown's `key: value`
lines at the top of the page, up to the first blank line or other line. Both are
mirrored here, not imported: the edition's code does not import the site engine
(tests/test_front_matter.py holds the two to the same answers).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

YAML_BLOCK = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)
MULTIMARKDOWN_KEY = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
MULTIMARKDOWN_MORE = re.compile(r"^([ ]{4}|\t)(\s*)(?P<value>.*)")
_SAFE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # MkDocs' loader


@dataclass
class FrontMatter:
    data: dict = field(default_factory=dict)
    lines: int = 0  # lines of the source it takes: the page's Markdown starts after them
    key_lines: dict = field(default_factory=dict)  # top-level key -> its line (1-based)


def read(source: str) -> FrontMatter:
    """The front matter of a page's source, as MkDocs reads it (empty when there is none)."""
    match = YAML_BLOCK.match(source)
    if match:
        try:
            data = yaml.load(match.group(1), _SAFE)
        except Exception:  # MkDocs: not front matter, the page's Markdown
            return FrontMatter()
        if not isinstance(data, dict):
            return FrontMatter()
        return FrontMatter(data, match.group(0).count("\n"), _yaml_key_lines(match.group(1)))
    data: dict = {}
    key_lines: dict = {}
    key = None
    lines = source.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    taken = 0
    for number, line in enumerate(lines, start=1):
        if line.strip() == "":
            break
        found = MULTIMARKDOWN_KEY.match(line)
        if found:
            key = found.group("key").lower().strip()
            value = found.group("value").strip()
            data[key] = f"{data[key]} {value}" if key in data else value
            key_lines.setdefault(key, number)
        elif MULTIMARKDOWN_MORE.match(line) and key:
            data[key] += " " + MULTIMARKDOWN_MORE.match(line).group("value").strip()
        else:
            break
        taken = number
    return FrontMatter(data, taken, key_lines) if data else FrontMatter()


def _yaml_key_lines(text: str) -> dict:
    try:
        node = yaml.compose(text, _SAFE)
    except Exception:
        return {}
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {str(key.value): key.start_mark.line + 2 for key, _ in node.value}  # +1: 1-based, +1: the '---' line
