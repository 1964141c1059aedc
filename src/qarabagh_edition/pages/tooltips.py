"""The `title` of the edition's own small marks, moved to `data-tooltip` for the
edition's one tooltip.

With `content.tooltips` on, Material sets up a tooltip for every element with a `title`
when the page loads, and measures each against the page to place it: the whole paper
on one page has some 260 of these marks (a "¶" permalink on every heading, the
footnotes' "↩" links, the editorial headings' badges), and setting them up was the
longest task of its start. The edition's tooltip script (assets/javascripts/tooltips.js)
shows a `data-tooltip` instead, on the first hover or focus, with one element for the
whole page.

Only these marks, known by their class: any other `title` (an abbreviation's expansion,
Material's "Edit this page" button, whose title is its only name) stays for Material.
A permalink or back-link shows only a symbol: its tooltip text is also its accessible
name (`aria-label`), which the `title` had given it as a description.
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
