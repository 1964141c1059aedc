"""Mark, visibly and for screen readers, every heading the editors added to the paper.

Authors' headings are plain; a heading written `## Text { #id .editorial }` gets an
"Editorial heading" badge after its text, before its permalink (¶), which stays last.
After the table of contents (toc, 5) has read the heading, so that neither the contents
nor the heading's ID take the badge's words. Its explanation is the edition's tooltip
(`data-tooltip`, assets/javascripts/tooltips.js), not a `title`. (The short badge beside
the heading in the page's table of contents: pages/editorial_marks.py.)
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
EDITORIAL = "editorial"
EXPLANATION = "This heading was added by the editors of this edition; it is not in the published paper."


def badge() -> etree.Element:
    # Left out of the search index (data-search-exclude): a result names the heading as the
    # reader sees it written, not "... Editorial heading"; the badge is there on arrival.
    # Written bare (no value): Material's search plugin would take the attribute out of
    # the page with a value, and keep the badge in the index.
    span = etree.Element("span", {"class": "editorial-badge", "data-search-exclude": None, "data-tooltip": EXPLANATION})
    span.text = "Editorial heading"
    return span


def _is_permalink(element: etree.Element) -> bool:
    return element.tag == "a" and "headerlink" in element.get("class", "").split()


class EditorialBadges(Treeprocessor):
    def run(self, root):
        for heading in root.iter():
            if heading.tag not in HEADINGS or EDITORIAL not in heading.get("class", "").split():
                continue
            at = len(heading) - 1 if len(heading) and _is_permalink(heading[-1]) else len(heading)
            if at:
                heading[at - 1].tail = (heading[at - 1].tail or "") + " "
            else:
                heading.text = (heading.text or "") + " "
            heading.insert(at, badge())


class EditorialBadgesExtension(Extension):
    def extendMarkdown(self, md):
        # After toc (5), which adds the permalink and reads the heading's text; before
        # the tooltips (4.2).
        md.treeprocessors.register(EditorialBadges(md), "edition_editorial_badges", 4.6)


def makeExtension(**kwargs):
    return EditorialBadgesExtension(**kwargs)
