"""Which element of a page the browser should wait for before its first paint.

A long section's HTML is parsed in slices; the browser may paint the first slice (the
header alone) before the text, and paint the text a moment later: in one load of four
of the longest section on a phone (CPU slowed 4x), the first paragraph, the largest
thing on the first screen, came 0.2 s after the header. `<link rel="expect" href="#id"
blocking="render">` (HTML's render-blocking "expect" link) asks the browser to wait
until that element is parsed: the first paint then has the title and the first
paragraph together. Browsers without it ignore it.
"""
from __future__ import annotations

import re

# The first paragraph with an ID: the paper's paragraphs all have one (p.social-1 ...).
FIRST_PARAGRAPH = re.compile(r'<p\b[^>]*?\sid="(?P<id>[^"]+)"')
FIRST_HEADING = re.compile(r'<h1\b[^>]*?\sid="(?P<id>[^"]+)"')


# Looked for near the start only: an element far down would hold the first paint back
# until the page is nearly all parsed.
NEAR_THE_START = 20_000  # characters of the page's content


def first_paint_anchor(content: str) -> str | None:
    """The ID the first paint should wait for: the first paragraph with an ID near the
    start, else the page's title, else none (the browser paints as it likes)."""
    start = content[:NEAR_THE_START]
    found = FIRST_PARAGRAPH.search(start) or FIRST_HEADING.search(start)
    return found["id"] if found else None
