"""The element each page's first paint waits for (why: qarabagh_edition.pages.first_paint)."""
from __future__ import annotations

from qarabagh_edition.pages.first_paint import first_paint_anchor


def on_page_context(context, page, **kwargs):
    context["first_paint_anchor"] = first_paint_anchor(page.content or "")
    return context
