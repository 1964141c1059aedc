"""Each in-text citation becomes one link, and the editors' note follows a paragraph
whose printed citation disagrees with the reference list.

A citation processor (mkdocs-bibtex, Pandoc) writes "(Vaezi 2008, 157–58)" and a
footnote reference after it; here the citation's own words become the link to the
reference (footnote), so the text reads like the paper and the reference shows on
hover or focus. The notes come from `differs` in bib/citations.yml (data, not prose
on the page).
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

from qarabagh_edition.pages.record import RECORD_CLASS  # the record's blocks: text as printed
from qarabagh_edition.printed_citations import CitationRecord
from qarabagh_edition.project import project_of, project_settings

# Only emphasis may stand inside a citation's words ("(Vaezi, <em>Title</em>, 5)").
INSIDE_CITATION = {"em"}


def _is_footnote_reference(element: etree.Element) -> bool:
    link = element[0] if len(element) == 1 else None
    return (
        element.tag == "sup"
        and element.get("id", "").startswith("fnref")
        and link is not None
        and link.tag == "a"
        and "footnote-ref" in link.get("class", "").split()
        and (link.text or "").isdigit()
        and link.get("href", "").startswith("#fn:")
    )


def _text_before(parent: etree.Element, index: int) -> str:
    return (parent[index - 1].tail if index else parent.text) or ""


def _set_text_before(parent: etree.Element, index: int, text: str) -> None:
    if index:
        parent[index - 1].tail = text
    else:
        parent.text = text


def link_citation(parent: etree.Element, index: int) -> bool:
    """Make the footnote reference at parent[index] and the "( … )" before it one link."""
    reference = parent[index]
    first = index  # parent[first:index] are the emphasised words inside the citation
    text = _text_before(parent, first)
    while True:
        # The citation's words end with ")" right before the reference; "(" opens them.
        searched = text if first < index else text[:-1]
        if first == index and not text.endswith(")"):
            return False
        if "(" in searched or ")" in searched:
            opening = searched.rfind("(")
            if opening < 0 or ")" in searched[opening:]:
                return False
            break
        if (
            first == 0
            or parent[first - 1].tag not in INSIDE_CITATION
            or len(parent[first - 1])
            or any(c in (parent[first - 1].text or "") for c in "()")
        ):
            return False
        first -= 1
        text = _text_before(parent, first)
    link = reference[0]
    span = etree.Element("span", {"class": "citation", "id": reference.get("id")})
    anchor = etree.SubElement(span, "a", {"class": "footnote-ref", "href": link.get("href")})
    anchor.text = text[opening:]
    _set_text_before(parent, first, text[:opening])
    for emphasis in list(parent[first:index]):
        parent.remove(emphasis)
        anchor.append(emphasis)
    span.tail = reference.tail
    parent.remove(reference)
    parent.insert(first, span)
    return True


def editorial_note(records: list[CitationRecord]) -> etree.Element:
    note = etree.Element("aside", {"class": "editorial-note", "role": "note", "aria-label": "Editorial note"})
    label = etree.SubElement(note, "span", {"class": "editorial-label"})
    label.text = "Editorial note"
    items = etree.SubElement(note, "ul")
    for record in records:
        item = etree.SubElement(items, "li")
        item.text = f"Printed citation “{record.published}”: {record.differs}"
    return note


class CitationLinks(Treeprocessor):
    def __init__(self, md, project):
        super().__init__(md)
        self.project = project  # () -> the build's Project

    def run(self, root):
        for parent in list(root.iter()):
            index = 0
            while index < len(parent):
                if _is_footnote_reference(parent[index]) and link_citation(parent, index):
                    index = 0  # the children moved: look again from the start
                    continue
                index += 1
        self.add_notes(root)

    def add_notes(self, root):
        # Asked for when a page is rendered, not when the extension is loaded (see glossary_links).
        citations = self.project().citations
        for parent in list(root.iter()):
            for index, block in reversed(list(enumerate(parent))):
                differing = [r for r in citations.get(block.get("id", ""), []) if r.differs]
                if block.tag not in ("p", "li") or not differing or RECORD_CLASS in block.get("class", "").split():
                    continue
                note = editorial_note(differing)
                if block.tag == "li":  # inside a list item: nothing may stand between <li>s
                    last = block[-1] if len(block) else None
                    if last is None:
                        block.text = (block.text or "") + "\n"
                    else:
                        last.tail = (last.tail or "") + "\n"
                    block.append(note)
                else:  # after the paragraph
                    note.tail, block.tail = block.tail, "\n"
                    parent.insert(index + 1, note)


class CitationLinksExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            **project_settings(".", "where bib/citations.yml is"),
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        # After attr_list (8), before the glossary links (6.5): names inside a citation stay unlinked.
        md.treeprocessors.register(
            CitationLinks(md, project_of(self)),
            "edition_citation_links",
            6.8,
        )


def makeExtension(**kwargs):
    return CitationLinksExtension(**kwargs)
