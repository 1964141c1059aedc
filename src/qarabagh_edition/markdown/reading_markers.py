"""Under each paragraph of the paper, what its apparatus says: a corrected paragraph's
"Corrected" marker, and the editors' queries.

The marker is a link to the same paragraph on the record's page (the paper as printed,
qarabagh_edition.pages.record), written to the record's Markdown file
(`as-published/social-impacts.md#social-3`) so that the engine turns it into the page's
URL, as it does for any link between pages (MkDocs' relative-path step runs after this
one). With JavaScript (assets/javascripts/readings.js) it opens the published wording
and the changes in place, from the record page's changes JSON, whose address the
page's template gives. The corrected paragraph itself is marked `data-reading="corrected"`.
A query is an `<aside>` whose label the style sheet draws (and aria-label names): one
element a query, on pages that carry forty of them.

The apparatus is the page's own lines (markdown.apparatus_lines); the page is the one of
`docs/` that holds the paragraphs' IDs, as the rules read the pages
(project.Project.holding). A marker and its notes stand after the paragraph, or
inside a list item after its text (nothing may stand between list items).
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

from qarabagh_edition.apparatus import Apparatus
from qarabagh_edition.markdown import apparatus_lines
from qarabagh_edition.markdown.change_marks import query_id
from qarabagh_edition.pages.corrections import marker_label
from qarabagh_edition.pages.record import RECORD_CLASS, record_uri
from qarabagh_edition.project import project_of, project_settings

BLOCKS = {"p", "li"}


def marker(ident: str, apparatus: Apparatus, record: str) -> etree.Element:
    label, number = marker_label(apparatus), ident.rsplit("-", 1)[-1]
    link = etree.Element(
        "a",
        {
            "class": "reading-marker corrected-marker",
            "href": f"{record}#{ident}",
            "data-for": ident,
            "aria-label": f"{label}: ¶ {number} as published, and the changes",
            "data-search-exclude": "",  # a mark, not the authors' words: not in the index
        },
    )
    link.text = label
    return link


def query_notes(ident: str, apparatus: Apparatus) -> list[etree.Element]:
    notes = []
    for number, query in enumerate(apparatus.queries, start=1):
        note = etree.Element(
            "aside",
            {
                "class": "editorial-note editorial-query",
                "id": query_id(ident, number),  # the queried words' mark (markdown.change_marks) names it
                "role": "note",
                "aria-label": "Editorial query",
            },
        )
        note.text = f"“{query.words}”: {query.question}"
        notes.append(note)
    return notes


def _after(parent: etree.Element, block: etree.Element, added: list[etree.Element]) -> None:
    """`added` after `block`, each on a line of its own; inside a list item, at its end."""
    for element in added:
        element.tail = "\n"
    if block.tag == "li":
        if len(block):
            block[-1].tail = (block[-1].tail or "").rstrip() + "\n"
        else:
            block.text = (block.text or "").rstrip() + "\n"
        added[-1].tail = None
        block.extend(added)
        return
    at = list(parent).index(block) + 1
    added[-1].tail, block.tail = block.tail or "\n", "\n"
    parent[at:at] = added


class ReadingMarkers(Treeprocessor):
    def __init__(self, md, project):
        super().__init__(md)
        self.project = project  # () -> the build's Project

    def run(self, root):
        found = apparatus_lines.apparatus_of(self.md)
        if not found:
            return
        holding = self.project().holding  # the paper's pages only, not the editors'
        places = [
            (parent, block)
            for parent in root.iter()
            for block in parent
            if block.tag in BLOCKS and block.get("id") in found and block.get("id") in holding
        ]
        for parent, block in places:
            ident = block.get("id")
            apparatus, page = found[ident], holding[ident]
            added = query_notes(ident, apparatus)  # on the record's pages too: the words asked about are printed there
            in_record = RECORD_CLASS in block.get("class", "").split()
            if apparatus.changes and not in_record:  # the reading differs from the record here
                record = posixpath.relpath(record_uri(page), posixpath.dirname(page) or ".")
                added.insert(0, marker(ident, apparatus, record))
                block.set("data-reading", "corrected")
            if added:
                _after(parent, block, added)


class ReadingMarkersExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            **project_settings(".", "where published/ is"),
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        apparatus_lines.register(md)  # the page's apparatus, read from its lines
        # After the conjecture marks (6.2), which act inside the paragraph; before the
        # editorial badges (4.6) and MkDocs' relative-path step (0), which turns
        # `as-published/<page>.md#id` into the record page's URL.
        md.treeprocessors.register(
            ReadingMarkers(md, project_of(self)),
            "edition_reading_markers",
            4.8,
        )


def makeExtension(**kwargs):
    return ReadingMarkersExtension(**kwargs)
