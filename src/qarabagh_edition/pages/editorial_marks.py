"""The short "Editorial" badge in a page's table of contents, beside each heading the
editors added to the paper (`## Text { #id .editorial }`; the heading's own badge is
written by markdown.editorial_badges).

The table of contents is data the engine keeps beside the page (its titles are HTML
there), not part of the page's content: the badge is added to it, for the headings that
the page's final Markdown (generated parts included) marks `.editorial`, as
reading_page.parse_page, the rules' parser, reads them.
"""

from __future__ import annotations

from qarabagh_edition.reading_page import parse_page

TOC_BADGE = ' <span class="editorial-badge editorial-badge--toc">Editorial</span>'


def editorial_headings(markdown: str) -> set[str]:
    """The IDs of the headings `markdown` marks `.editorial`."""
    blocks, _ = parse_page(markdown, "")  # problems are the rules' to report
    return {b.id for b in blocks if b.kind == "heading" and b.id and "editorial" in b.classes}


def mark_contents(items, editorial: set[str]) -> None:
    """Add the short badge to the titles of `items` (a table of contents: items with
    `id`, `title`, `children`) whose ID is in `editorial`."""
    for item in items or []:
        if item.id in editorial and TOC_BADGE not in item.title:
            item.title += TOC_BADGE
        mark_contents(item.children, editorial)
