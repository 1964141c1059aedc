"""The one YAML loader for what contributors write: data/, bib/*.yml, published/ and the
front matter of pages.

It refuses what PyYAML would accept silently or dangerously:
- a key given twice in one mapping (PyYAML keeps the last and drops the first unseen);
- anchors and aliases (`&a`, `*a`, and the merges `<<: *a` built on them). An alias is a
  reference, not a copy: ten nested aliases make a 40-byte file that expands to a billion
  values in whatever walks the data afterwards ("billion laughs"). None of the project's
  files needs them, so they are refused from the parser's events, before any value is
  made from them.

Problems are `file:line: what is wrong (how to fix)`, raised as ContentError.
"""

from __future__ import annotations

import yaml

from qarabagh_edition.errors import ContentError

_FAST = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: 10x faster


def _not_valid(error: yaml.MarkedYAMLError, shown: str, first_line: int) -> Exception:
    mark = error.problem_mark
    line = (mark.line if mark else 0) + first_line
    return ContentError([f"{shown}:{line}: not valid YAML: {error.problem} (check indentation and quotes)"])


def reference_problems(text: str, shown: str, first_line: int = 1) -> list[str]:
    """`file:line` for every anchor and alias of `text` (its first line is `first_line`
    of the file), read from the parser's events: nothing is built from them."""
    problems = []
    try:
        for event in yaml.parse(text, Loader=_FAST):
            if getattr(event, "anchor", None) is not None:
                line = event.start_mark.line + first_line
                what = "an alias" if isinstance(event, yaml.AliasEvent) else "an anchor"
                problems.append(
                    f"{shown}:{line}: {what} ('{'*' if what == 'an alias' else '&'}{event.anchor}'): "
                    "YAML anchors and aliases are not accepted (write the value out in full; a "
                    "text value starting with '*' or '&' goes in quotes)"
                )
    except yaml.MarkedYAMLError as error:
        raise _not_valid(error, shown, first_line) from None
    return problems


class StrictLoader(_FAST):
    """Refuses a key given twice; with `with_lines`, every mapping gets a `__lines__`
    entry (key -> line), for messages that point at a key."""

    shown = "?"
    first_line = 1
    with_lines = False


def _mapping_once(loader: StrictLoader, node: yaml.MappingNode) -> dict:
    first: dict = {}
    for key_node, _ in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            raise ContentError(
                [
                    f"{loader.shown}:{key_node.start_mark.line + loader.first_line}: a list or "
                    "mapping cannot be a key (write a word before the ':')"
                ]
            )
        line = key_node.start_mark.line + loader.first_line
        if key_node.tag == "tag:yaml.org,2002:merge":
            raise ContentError([f"{loader.shown}:{line}: '<<' (a YAML merge) is not accepted (write the keys out)"])
        key = loader.construct_object(key_node)
        if key in first:
            raise ContentError(
                [f"{loader.shown}:{line}: '{key}' is given twice (first at line {first[key]}; keep one of the two)"]
            )
        first[key] = line
    mapping = loader.construct_mapping(node, deep=True)
    if loader.with_lines:
        mapping["__lines__"] = first
    return mapping


StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_once)


def compose(text: str, shown: str, first_line: int = 1):
    """The document's node tree (for the lines of list items), after the same refusals."""
    problems = reference_problems(text, shown, first_line)
    if problems:
        raise ContentError(problems)
    try:
        return yaml.compose(text, Loader=_FAST)
    except yaml.MarkedYAMLError as error:
        raise _not_valid(error, shown, first_line) from None


def load(text: str, shown: str, first_line: int = 1, with_lines: bool = False):
    """The data of `text`, shown in messages as `shown` (its first line being `first_line`)."""
    return load_node(text, shown, first_line, with_lines)[1]


def load_node(text: str, shown: str, first_line: int = 1, with_lines: bool = False):
    """(root node, data) of `text`: the node gives the lines of list items."""
    problems = reference_problems(text, shown, first_line)
    if problems:
        raise ContentError(problems)
    loader = StrictLoader(text)
    loader.shown, loader.first_line, loader.with_lines = shown, first_line, with_lines
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    except yaml.MarkedYAMLError as error:
        raise _not_valid(error, shown, first_line) from None
    finally:
        loader.dispose()
