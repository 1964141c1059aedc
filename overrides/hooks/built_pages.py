"""Every page's content, as the template will get it, against the edition's HTML
allowlist (qarabagh_edition.rules.built_pages; nh3 decides): what the glossary, the
timeline, the bibliography or the record put into a page is judged like what a
contributor writes. Refused markup is taken out and reported; --strict stops the build.
"""
from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.plugins import event_priority

from qarabagh_edition.rules.built_pages import check_content_kept, source_files

log = logging.getLogger("mkdocs.hooks.built_pages")
CACHE_DIR = ".cache/built-pages"  # contents found clean, by hash: not parsed twice


@event_priority(-1000)  # last: the content as every other hook has left it
def on_page_content(html, page, config, **kwargs):
    root = Path(config.config_file_path).resolve().parent
    own = Path(config.docs_dir) / page.file.src_uri
    source = own.relative_to(root).as_posix() if own.is_file() else None
    verdict = check_content_kept(html, page.url or "/", lambda: source_files(root, source), root / CACHE_DIR)
    for problem in verdict.problems:
        log.error(problem)
    return verdict.content
