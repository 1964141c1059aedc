"""Make the paper's bibliographic record (`published/paper.yml`) available to templates.

The record is kept once, as data; the landing page's title block and (later) the
citation tags are rendered from it instead of being retyped in Markdown.
"""
from __future__ import annotations

from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError

REQUIRED = ("title", "authors", "journal", "publisher", "issn", "year", "volume", "issue", "pages", "url")


def on_config(config, **kwargs):
    path = Path(config.config_file_path).resolve().parent / "published" / "paper.yml"
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    missing = [key for key in REQUIRED if key not in record]
    if missing:
        raise PluginError(f"published/paper.yml:1: the record lacks {', '.join(missing)} (add them)")
    first, _, last = str(record["pages"]).partition("-")
    record["first_page"], record["last_page"] = first, last
    config.extra["paper"] = record
    return config
