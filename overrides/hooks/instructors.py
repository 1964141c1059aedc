"""For instructors (qarabagh_edition.pages.instructors): each section page shows its
reading time, and the "For instructors" page is generated from the content."""
from __future__ import annotations

import re
from pathlib import Path

from mkdocs.plugins import event_priority

from qarabagh_edition.pages.instructors import INSTRUCTORS_PAGE, instructors_markdown, reading_time, section_stats


def _stats(config) -> dict[str, dict]:
    root = Path(config.config_file_path).resolve().parent
    return section_stats(root, Path(config.docs_dir).relative_to(root).as_posix(), config.nav)


def on_page_markdown(markdown, page, config, **kwargs):
    if page.file.src_uri != INSTRUCTORS_PAGE:
        return markdown
    added = instructors_markdown(_stats(config), config.site_url, config.extra.get("downloads", {}),
                                 config.extra["cite"]["chicago_base"])
    return markdown.rstrip("\n") + "\n\n" + added


@event_priority(50)  # before the whole-paper page takes the page (whole_paper.py)
def on_page_content(content, page, config, **kwargs):
    stat = _stats(config).get(page.file.src_uri)
    if not stat:
        return content
    return re.sub(r"(</h1>)", lambda m: m.group(1) + reading_time(stat), content, count=1)
