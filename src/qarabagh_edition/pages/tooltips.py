"""A page's `title` attributes, moved to `data-tooltip` for the edition's one tooltip.

With `content.tooltips` on, Material sets up a tooltip for every element with a `title`
when the page loads, and measures each against the page to place it: the whole paper
on one page has some 260 (a "¶" permalink on every heading, the footnotes' "↩" links,
the editorial headings' badges), and setting them up was the longest task of its start.
The edition's tooltip script (assets/javascripts/tooltips.js) shows a `data-tooltip`
instead, on the first hover or focus, with one element for the whole page.

A permalink or back-link shows only a symbol: its tooltip text is also its accessible
name (`aria-label`), which the `title` had given it as a description.
"""
from __future__ import annotations

import re

# A start tag (attribute values in double quotes, as Python-Markdown and our hooks write).
START_TAG = re.compile(r'<(?P<name>[a-zA-Z][a-zA-Z0-9-]*)(?P<attributes>(?:\s+[^\s"\'<>/=]+(?:="[^"]*")?)*)\s*(?P<end>/?)>')
TITLE = re.compile(r'\stitle="(?P<text>[^"]*)"')
CLASS = re.compile(r'\sclass="(?P<names>[^"]*)"')
# Links whose visible text is a symbol, so the title was all a screen reader had to say.
SYMBOL_LINKS = {"headerlink", "footnote-backref"}


def titles_as_tooltips(html: str) -> str:
    """`html` with each start tag's `title="…"` written as `data-tooltip="…"` (the text as
    it was, already escaped), plus an `aria-label` on permalinks and footnote back-links."""
    def move(tag: re.Match) -> str:
        attributes = tag["attributes"]
        title = TITLE.search(attributes)
        if title is None or "data-tooltip=" in attributes:
            return tag[0]
        moved = attributes[: title.start()] + f' data-tooltip="{title["text"]}"' + attributes[title.end():]
        classes = CLASS.search(attributes)
        if tag["name"] == "a" and classes and SYMBOL_LINKS & set(classes["names"].split()) \
                and "aria-label=" not in attributes:
            moved += f' aria-label="{title["text"]}"'
        return f'<{tag["name"]}{moved}{tag["end"]}>'

    return START_TAG.sub(move, html)
