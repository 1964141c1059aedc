"""Mark, visibly and for screen readers, every heading the editors added to the paper.

Authors' headings are plain; a heading written `## Text { #id .editorial }` gets an
"Editorial heading" badge after its text, and an "Editorial" badge in the table of
contents beside the page. Added to the rendered HTML, not to the Markdown, so the table
of contents and permanent IDs stay the heading's own.
"""
from __future__ import annotations

import re

EDITORIAL_HEADING = re.compile(r'(<h(?P<level>[1-6])\b[^>]*\bclass="[^"]*\beditorial\b[^"]*"[^>]*>)(?P<body>.*?)(</h(?P=level)>)', re.S)
# Left out of the search index (data-search-exclude): a result names the heading as the
# reader sees it written, not "... Editorial heading"; the badge is there on arrival.
BADGE = (
    '<span class="editorial-badge" data-search-exclude title="This heading was added by the editors of this edition; '
    'it is not in the published paper.">Editorial heading</span>'
)
# The same badge in the table of contents beside the page (its titles are HTML there).
TOC_BADGE = ' <span class="editorial-badge editorial-badge--toc">Editorial</span>'


def with_editorial_badges(html: str, toc) -> str:
    """`html` with the badge in each editorial heading; `toc` (the page's table of
    contents: items with `id`, `title`, `children`) gets the short badge."""
    def mark(match: re.Match) -> str:
        body = match.group("body")
        # Keep the permalink (¶) last, after the badge.
        permalink = re.search(r'<a class="headerlink".*?</a>$', body, re.S)
        if permalink:
            return match.group(1) + body[: permalink.start()] + " " + BADGE + permalink.group(0) + match.group(4)
        return match.group(1) + body + " " + BADGE + match.group(4)

    editorial = set(re.findall(r'<h[1-6]\b[^>]*\bid="([^"]+)"[^>]*\bclass="[^"]*\beditorial\b', html) +
                    re.findall(r'<h[1-6]\b[^>]*\bclass="[^"]*\beditorial\b[^"]*"[^>]*\bid="([^"]+)"', html))
    _mark_in_contents(toc, editorial)
    return EDITORIAL_HEADING.sub(mark, html)


def _mark_in_contents(items, editorial: set[str]) -> None:
    for item in items or []:
        if item.id in editorial and TOC_BADGE not in item.title:
            item.title += TOC_BADGE
        _mark_in_contents(item.children, editorial)
