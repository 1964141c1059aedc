"""Fail the build when a permanent paragraph ID is missing, duplicated or unknown.

Every paragraph, list item, quotation and heading of a reading page ends with its
ID (`{: #social-12 }`), which attr_list turns into its HTML anchor. IDs are the
site's public URLs, so the build stops, naming `file:line`, when one is missing,
used twice, has no published original in `published/`, or has vanished from docs/.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from qarabagh_edition.published_layer import ContentError, check_ids, load_layer, load_pages


def on_pre_build(config, **kwargs):
    # Checked before any page is rendered, over the whole site at once, because a
    # duplicate or a deleted ID is a fact about two pages, not one.
    root = Path(config.config_file_path).resolve().parent
    docs_dir = Path(config.docs_dir).relative_to(root).as_posix()
    try:
        layer = load_layer(root)
    except ContentError as error:
        raise PluginError(_report(error.problems)) from None
    pages, problems = load_pages(root, docs_dir)
    problems += check_ids(pages, layer)
    if problems:
        raise PluginError(_report(problems))


def _report(problems: list[str]) -> str:
    count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
    return f"paragraph IDs: {count}:\n" + "\n".join(problems)
