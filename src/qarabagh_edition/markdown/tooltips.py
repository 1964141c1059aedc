"""The `title` of the edition's own small marks written as `data-tooltip`, for the
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
as a description. Last of the edition's transforms: after toc (5) and footnotes (50, 15)
have added their links.
"""

from __future__ import annotations

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

# The marks moved to the edition's tooltip (element, class): toc's permalinks and the
# footnotes' back-links, whose visible text is a symbol, so that the title was all a
# screen reader had to say. (The editorial badge is written with its data-tooltip.)
MARKS = {("a", "headerlink"), ("a", "footnote-backref")}


class TitlesAsTooltips(Treeprocessor):
    def run(self, root):
        for element in root.iter():
            mark = next(((element.tag, c) for c in element.get("class", "").split() if (element.tag, c) in MARKS), None)
            if mark is None or "title" not in element.attrib or "data-tooltip" in element.attrib:
                continue
            attributes = list(element.attrib.items())
            element.attrib.clear()
            for name, value in attributes:  # in the title's place
                if name != "title":
                    element.set(name, value)
                    continue
                element.set("data-tooltip", value)
                if not any(other == "aria-label" for other, _ in attributes):
                    element.set("aria-label", value)


class TooltipsExtension(Extension):
    def extendMarkdown(self, md):
        md.treeprocessors.register(TitlesAsTooltips(md), "edition_tooltips", 4.2)


def makeExtension(**kwargs):
    return TooltipsExtension(**kwargs)
