"""The `title` of the edition's own marks as `data-tooltip` (why: qarabagh_edition.pages.tooltips)."""
from __future__ import annotations

from mkdocs.plugins import event_priority

from qarabagh_edition.pages.tooltips import titles_as_tooltips


@event_priority(40)  # after the hooks that add titled marks (50, editorial_marks.py)
def on_page_content(html, page, **kwargs):
    return titles_as_tooltips(html)
