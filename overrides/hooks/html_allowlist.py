"""Stop the build when a page of docs/ renders to anything outside the edition's HTML
allowlist: event attributes, scripts, foreign images or styles, forms, redirects...

The rule and its allowlist are `qarabagh_edition.rules.html_allowlist` (nh3 decides),
shared with `scripts/lint`; this adapter hands it the build's Markdown extensions.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from qarabagh_edition.rules.cache_trust import committed_cache_files
from qarabagh_edition.rules.html_allowlist import check_pages

CACHE_DIR = ".cache/html-allowlist"  # pages found clean, by source: not rendered twice


def on_pre_build(config, **kwargs):
    root = Path(config.config_file_path).resolve().parent
    docs_dir = Path(config.docs_dir).relative_to(root).as_posix()
    problems = committed_cache_files(root)  # before trusting .cache/ at all
    if problems:
        raise PluginError("A cache is part of the repository:\n" + "\n".join(problems))
    problems = check_pages(root, docs_dir, config.markdown_extensions, config.mdx_configs, root / CACHE_DIR)
    if problems:
        raise PluginError("HTML not allowed in a page:\n" + "\n".join(problems))
