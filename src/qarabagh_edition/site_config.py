"""The parts of `mkdocs.yml` the edition's checks need, read without a site engine.

`scripts/lint` judges pages the way the build renders them, so it needs the build's
Markdown extensions; any engine that reads mkdocs.yml gets the same list.
"""

from __future__ import annotations

from pathlib import Path

import yaml

# MkDocs (and ProperDocs) always add these to the configured extensions.
BUILTIN_EXTENSIONS = ["toc", "tables", "fenced_code"]


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml's engine-specific tags (`!ENV`, `!!python/name:`) as plain values."""


def _any_tag(loader: _TolerantLoader, suffix: str, node: yaml.Node):
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)


_TolerantLoader.add_multi_constructor("!", _any_tag)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _any_tag)


def read(root: Path) -> dict:
    return yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}


def markdown_extensions(root: Path) -> tuple[list[str], dict]:
    """(extension names, their settings) as the build uses them."""
    names: list[str] = []
    settings: dict = {}
    for item in read(root).get("markdown_extensions") or []:
        if isinstance(item, dict):
            for name, options in item.items():
                names.append(name)
                if options:
                    settings[name] = options
        else:
            names.append(str(item))
    for builtin in BUILTIN_EXTENSIONS:
        if builtin not in names:
            names.append(builtin)
    return names, settings


def docs_dir(root: Path) -> str:
    return str(read(root).get("docs_dir") or "docs")


def nav_titles(nav) -> dict[str, str]:
    """Page file -> its title in mkdocs.yml's nav."""
    titles: dict[str, str] = {}
    for item in nav or []:
        for title, value in item.items() if isinstance(item, dict) else []:
            if isinstance(value, str):
                titles[value] = title
            else:
                titles.update(nav_titles(value))
    return titles
