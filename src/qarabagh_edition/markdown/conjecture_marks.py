"""Each conjecture's words marked where they stand in the reading, with a "conj." mark.

The mark shows the published words on hover and focus (tooltips.js reads them from
data-tooltip: Material sets up a tooltip for every `title` when the page loads, which
made the longest page slow to start), and links to the paragraph's entry on the
Corrections page, which gives the editors' reason; with JavaScript (readings.js) it
opens the paragraph's changes in place.

The conjectures are read from the page's own apparatus lines (qarabagh_edition.apparatus),
by the parser lint uses (markdown.apparatus_lines, which then takes them out). The marks are
made on the element tree, after the glossary links: a mention is a fact of the reading's
words, decided on the paragraph's whole text as the Glossary's lists decide it, and a
mark over part of it must not change it. (Marks written into the Markdown as raw HTML
used to cut "the events of Azerbaijan in 1945" in two, so that data/mentions.yml's
record no longer found its words and the wrong Azerbaijan was linked.) Where a
conjecture begins or ends inside a link, its words are marked on either side of the
link's edge, and the "conj." mark goes after the link, never into it.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

from qarabagh_edition.apparatus import Change
from qarabagh_edition.markdown import apparatus_lines
from qarabagh_edition.markdown.tree_text import block_text, insert_at, wrap
from qarabagh_edition.pages.record import RECORD_CLASS  # the record's blocks: text as printed

BLOCKS = {"p", "li"}


def _opaque(element: etree.Element) -> bool:
    return element.tag in BLOCKS and "id" in element.attrib  # a block of its own (a list in a list item)


def _enter(element: etree.Element) -> bool:
    return element.tag != "a"  # a mark is a link: never inside another


def words_pattern(words: str) -> re.Pattern:
    """The words as the reading shows them, whatever the line breaks between them."""
    return re.compile(r"\s+".join(map(re.escape, words.split())))


def mark_block(block: etree.Element, ident: str, conjectures: list[Change], corrections: str) -> None:
    text = block_text(block, _opaque)
    places, cursor = [], 0
    for index, change in enumerate(conjectures, start=1):  # each after the one before, as the apparatus applies them
        found = words_pattern(change.new).search(text, cursor)
        if found:
            places.append((found.start(), found.end(), index, change))
            cursor = found.end()
    for start, end, index, change in reversed(places):  # from the end: the offsets before stay as they were
        mark = etree.Element(
            "a",
            {
                "class": "conjecture-mark",
                "id": f"conjecture-{ident}-{index}",  # the ID the conjecture's note had: links to it still land here
                "href": f"{corrections}#correction-{ident}",
                "data-for": ident,
                "data-tooltip": f"Conjecture. As published: “{change.old}”",
            },
        )
        mark.text = "conj."
        insert_at(block, end, mark, _opaque, _enter)
        wrap(block, start, end, lambda: etree.Element("span", {"class": "conjecture"}), _opaque)


class ConjectureMarks(Treeprocessor):
    def __init__(self, md, corrections: str):
        super().__init__(md)
        self.corrections = corrections

    def run(self, root):
        found = apparatus_lines.apparatus_of(self.md)
        for block in list(root.iter()):
            ident = block.get("id", "")
            conjectures = found[ident].of("conjecture") if ident in found else []
            if block.tag in BLOCKS and conjectures and RECORD_CLASS not in block.get("class", "").split():
                mark_block(block, ident, conjectures, self.corrections)


class ConjectureMarksExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {"corrections": ["corrections.md", "The Corrections page, as a link from a page to it"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        apparatus_lines.register(md)  # the page's apparatus, read from its lines
        # After the glossary links (6.5), whose mentions it leaves whole; before MkDocs'
        # relative-path step (0), which turns `corrections.md#...` into the page's URL.
        md.treeprocessors.register(ConjectureMarks(md, self.getConfig("corrections")), "edition_conjecture_marks", 6.2)


def makeExtension(**kwargs):
    return ConjectureMarksExtension(**kwargs)
