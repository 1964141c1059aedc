"""A page's entries in Material's search index, kept in .cache/render/search/ and used again
while the page's HTML, table of contents, URL, title and metadata, and the search
settings, are the same (qarabagh_edition.render_cache): Material parses every page's
HTML for them on every build, `serve`'s rebuilds included. Only the parsing is skipped;
Material still writes the index. Without Material's search index, nothing is done.
(overrides/hooks/render_cache.py deletes what no build has used for a week.)"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from qarabagh_edition import render_cache


def on_pre_build(config, **kwargs):
    plugin = config.plugins.get("material/search") or config.plugins.get("search")
    index = getattr(plugin, "search_index", None)  # made anew by Material for each build
    add, entries = getattr(index, "add_entry_from_context", None), getattr(index, "entries", None)
    if not (render_cache.enabled() and callable(add) and isinstance(entries, list)):
        return
    folder = Path(config.config_file_path).resolve().parent / render_cache.FOLDER / "search"
    # What the entries depend on besides the page: the settings, and whether Material splits Chinese words.
    settings = render_cache.settings_text(
        {"index": index.config, "jieba": getattr(sys.modules.get(type(index).__module__), "jieba", None) is not None})

    def add_entry_from_context(page):
        key = render_cache.key(settings, page.url, page.content or "", json.dumps(render_cache.toc_tokens(page.toc)),
                               str(page.title), render_cache.settings_text(page.meta))
        kept = render_cache.load(folder, key)
        if kept is not None:
            index.entries.extend(kept["entries"])
            return
        before = len(index.entries)
        add(page)
        render_cache.store(folder, key, {"entries": index.entries[before:]})

    index.add_entry_from_context = add_entry_from_context
