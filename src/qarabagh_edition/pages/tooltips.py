"""The `title` of the edition's own small marks, moved to `data-tooltip` for the
edition's one tooltip.

Material's `content.tooltips` is off: it set up a tooltip for every element with a
`title` when the page loaded (some 260 on the whole paper on one page, the longest task
of its start), and built each one's markup from the title's text, so that a link title
written in a page ran as HTML. The edition's tooltip script (assets/javascripts/tooltips.js)
shows a `data-tooltip` instead, as text, on the first hover or focus (a browser's own
`title` tooltip shows on hover only), with one element for the whole page.

Only these marks, known by their class: any other `title` (an abbreviation's expansion,
a link's title) stays the browser's. ("Edit this page" has its `data-tooltip` from
overrides/partials/actions.html.) A permalink or back-link shows only a symbol: its
tooltip text is also its accessible name (`aria-label`), which the `title` had given it
as a description.
"""
from __future__ import annotations

import re

# One attribute: its name and, if it has one, its value (quoted or not).
NAME, VALUE = r"[^\s\"'<>/=]+", r"\"[^\"]*\"|'[^']*'|[^\s\"'<>=`]+"
ATTRIBUTE = re.compile(rf"\s+(?P<name>{NAME})(?:=(?P<value>{VALUE}))?")
# A start tag: its name, its attributes (as above) and whether it closes itself.
START_TAG = re.compile(rf"<(?P<name>[a-zA-Z][a-zA-Z0-9-]*)(?P<attributes>(?:\s+{NAME}(?:=(?:{VALUE}))?)*)\s*(?P<end>/?)>")
# The marks moved to the edition's tooltip (element, class), and those whose visible text
# is a symbol, so that the title was all a screen reader had to say.
MARKS = {("a", "headerlink"), ("a", "footnote-backref"), ("span", "editorial-badge")}
SYMBOL_LINKS = {("a", "headerlink"), ("a", "footnote-backref")}


def titles_as_tooltips(html: str) -> str:
    """`html` with the `title="…"` of each mark in MARKS written as `data-tooltip="…"` (the
    text as it was, already escaped), plus an `aria-label` on permalinks and back-links."""
    def move(tag: re.Match) -> str:
        name = tag["name"].lower()
        attributes = [(found["name"].lower(), found["value"], found[0]) for found in ATTRIBUTE.finditer(tag["attributes"])]
        names = {attribute for attribute, _, _ in attributes}
        classes = next((value.strip("\"'").split() for attribute, value, _ in attributes
                        if attribute == "class" and value), [])
        mark = next(((name, c) for c in classes if (name, c) in MARKS), None)
        if mark is None or "title" not in names or "data-tooltip" in names:
            return tag[0]
        written = []
        for attribute, value, text in attributes:
            if attribute == "title":
                written.append(f" data-tooltip={value}")
                if mark in SYMBOL_LINKS and "aria-label" not in names:
                    written.append(f" aria-label={value}")
            else:
                written.append(text)
        return f'<{tag["name"]}{"".join(written)}{tag["end"]}>'

    return START_TAG.sub(move, html)
