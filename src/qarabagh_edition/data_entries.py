"""The entries of the data's YAML lists (data/glossary.yml, data/timeline.yml,
data/mentions.yml), each with its line and the lines of its keys, checked for form: a
mapping per entry, lists and mappings where they belong. Problems are `file:line: what is
wrong (how to fix it)`, raised as ContentError."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from qarabagh_edition.errors import ContentError
from qarabagh_edition.rules.yaml_loader import load_node


@dataclass(frozen=True)
class Form:
    """What an entry of a data file holds: the keys it needs (named when an entry is not a
    mapping), and the keys whose values are lists or mappings; the others hold one value."""

    required: tuple[str, ...]
    lists: tuple[str, ...] = ()
    mappings: tuple[str, ...] = ()


GLOSSARY_FORM = Form(
    ("id", "name", "type", "variants", "description"),
    lists=("variants", "sources"),
    mappings=("standard", "common_words"),
)
TIMELINE_FORM = Form(("id", "date", "title", "description"), lists=("actors", "paragraphs", "sources"))
MENTIONS_FORM = Form(("paragraph", "words", "actor", "why"))


def found(value) -> str:
    """A value of the wrong kind, as a message names it."""
    if isinstance(value, dict):
        return f"a mapping ('{next(iter(value))}:')" if value else "an empty mapping"
    return "a list" if isinstance(value, list) else f"'{value}'"


def items_with_lines(path: Path, shown: str, form: Form, key: str | None = None) -> list[tuple[dict, int, dict]]:
    """The entries of a YAML list (of `key`'s list, if given), each with its line and the
    line of each of its keys. ContentError if the file is not in that form."""
    node, data = load_node(path.read_text(encoding="utf-8"), shown)  # no duplicate keys, no aliases
    if key is not None and data is not None:
        if not isinstance(data, dict):
            raise ContentError(
                [
                    f"{shown}:{node.start_mark.line + 1}: the file must be a mapping with '{key}:', "
                    f"not {found(data)} (write '{key}:' at the left margin, its entries under it)"
                ]
            )
        node = next((v for k, v in node.value if k.value == key), None)
        data = data.get(key)
    if data is None:
        return []
    what, margin = (f"'{key}'", "") if key else ("the file", " at the left margin, with no key above them")
    if not isinstance(data, list):
        raise ContentError(
            [
                f"{shown}:{node.start_mark.line + 1}: {what} must be a list of entries, not "
                f"{found(data)} (start each entry with '- '{margin})"
            ]
        )
    items, problems = [], []
    for item, item_node in zip(data, node.value):
        line = item_node.start_mark.line + 1
        if not isinstance(item, dict):
            keys = ", ".join(f"{k}:" for k in form.required[:2])
            problems.append(
                f"{shown}:{line}: an entry must be a mapping of keys ({keys}, ...), not {found(item)} "
                f"(give its keys one per line, the first after the '- ')"
            )
            continue
        lines = {str(k.value): k.start_mark.line + 1 for k, _ in item_node.value}
        for k, v in item_node.value:  # and of each element of a list: 'sources[0]'
            if isinstance(v, yaml.SequenceNode):
                lines.update({f"{k.value}[{i}]": e.start_mark.line + 1 for i, e in enumerate(v.value)})
        for name, value in item.items():
            where = f"{shown}:{lines.get(str(name), line)}"
            if value is None:
                continue  # a missing value is reported as missing, where it is required
            if name in form.lists and not isinstance(value, list):
                example = f"[{value}]" if isinstance(value, str) else "[A, B]"
                problems.append(f"{where}: '{name}' must be a list, not {found(value)} (write {name}: {example})")
            elif name in form.mappings and not isinstance(value, dict):
                problems.append(
                    f"{where}: '{name}' must be a mapping, not {found(value)} "
                    "(one 'key: value' per line, indented under it)"
                )
            elif name not in form.lists + form.mappings and isinstance(value, (list, dict)):
                problems.append(
                    f"{where}: '{name}' must be a single value, not {found(value)} "
                    f"(write it after '{name}:', on the same line)"
                )
        items.append((item, line, lines))
    if problems:
        raise ContentError(problems)
    return items
