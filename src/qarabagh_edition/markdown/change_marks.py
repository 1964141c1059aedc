"""Every change of a paragraph's apparatus marked where it stands in the reading.

Each change's new words are wrapped in `<span class="change change--KIND" data-change="N">`
(N: its place in the paragraph's apparatus, counted from 1); a change whose reading is
empty (a deletion) is an empty span at its place, `change--deletion`; of a `supplied`
line, only the words it adds, not the printed ones that place it. The marks are quiet
until the reader asks for them ("Show changes", overrides/partials/show-changes.html, drawn
by the style sheet): then each is visible with its class, and shows the printed words, its
class and the reason on hover, focus or tap (tooltips.js, from the paragraph's entry of
the record page's changes JSON that the "Corrected" marker opens: the words and reasons
are not written into the page a second time). A conjecture stays visibly marked, and is
followed by a "conj." mark: a link to the paragraph's entry on the Corrections page
(which gives the editors' reason) that shows the conjecture's own change in place with
JavaScript. A query's words are marked too (`span.queried`, naming the query's note),
shown with the changes, with the question.

The changes are read from the page's own apparatus lines (qarabagh_edition.apparatus),
by the parser lint uses (markdown.apparatus_lines, which then takes them out). Where each
stands is known from the apparatus itself: applying the changes to the published text
(published/, as the rules do) gives the reading's source with each change's place; the
words between two changes are then counted, so that a change whose words also stand just
before it ("the") marks its own occurrence, and a deletion is placed after the words that
precede it. The marks are made on the element tree, after the glossary links: a mention
is a fact of the reading's words, decided on the paragraph's whole text as the Glossary's
lists decide it, and a mark over part of it must not change it. (Marks written into the
Markdown as raw HTML used to cut "the events of Azerbaijan in 1945" in two.) Where a
change begins or ends inside a link, its words are marked on either side of the link's
edge, and the "conj." mark goes after the link, never into it.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

from qarabagh_edition.apparatus import KINDS, Change, Query, apply, parse, supplied_words
from qarabagh_edition.markdown import apparatus_lines
from qarabagh_edition.markdown.tree_text import block_text, insert_at, wrap
from qarabagh_edition.pages.record import RECORD_CLASS  # the record's blocks: text as printed
from qarabagh_edition.printed_citations import uncorrected_reading
from qarabagh_edition.project import project_of, project_settings

BLOCKS = {"p", "li"}
# A citation in the source: as written ("[@key, p. 3]", "[-@key]"), or as the citation
# processor has made it before Markdown ("(Vaezi 2008, 157)[^vaezi2008]"); on the page,
# the citation's link (one opaque character here) or, before the citations are made
# links, its words and its footnote's number.
CITATION = re.compile(r"\[[^\[\]@]*@[^\[\]]*\]|\([^()]*\)\[\^[^\[\]]+\]")
CITED = r"(?:\ufffc|\([^()]*\)\d*|\[[^\[\]@]*@[^\[\]]*\])"
# A dash written "--": smarty (mkdocs.yml) sets it after this step, but read it either way.
DASH = re.compile(r"-{2,3}")
DASHED = r"(?:-{2,3}|—|–|\ufffc+)"


def _opaque(element: etree.Element) -> bool:
    if element.tag in BLOCKS and "id" in element.attrib:
        return True  # a block of its own (a list in a list item)
    return "citation" in element.get("class", "").split()  # a citation reads as one thing


def _enter(element: etree.Element) -> bool:
    return element.tag != "a"  # a mark is a link: never inside another


def _plain(words: str) -> str:
    """Source words as the page shows them: no emphasis markers or escapes."""
    return html.unescape(re.sub(r"\\(?=[^\w\s])", "", words.replace("*", "")))


def _word(word: str) -> str:
    return DASHED.join(map(re.escape, DASH.split(word)))


def words_pattern(words: str) -> re.Pattern:
    """The source's words as the reading shows them, whatever the line breaks between them."""
    pattern = ""
    for index, piece in enumerate(CITATION.split(words)):
        if index:
            pattern += r"\s*" + CITED + r"\s*"
        pattern += r"\s+".join(_word(word) for word in _plain(piece).split())
    return re.compile(pattern)


def _tail(words: str, count: int = 6) -> str:
    """The last few words of a stretch of source, whole citations kept whole."""
    tokens = re.findall(CITATION.pattern + r"|\S+", words)
    return " ".join(tokens[-count:])


def source_places(ident: str, project) -> tuple[str, list[tuple[int, int]]] | None:
    """The paragraph's source as its page in the project writes it (the page being
    converted may have had its citations rewritten already), and where each of its
    changes stands there, from applying them to the published text. None where the
    paragraph has no published text or its apparatus does not give it (lint's to report)."""
    if project is None:
        return None
    block = next((b for blocks in project.pages.values() for b in blocks if b.id == ident), None)
    if block is None or ident not in project.layer:
        return None
    changes = parse([n for n in block.notes if n[0] in KINDS], "")[0].changes
    applied, problems = apply(uncorrected_reading(project.layer[ident], project.citations), changes, "")
    if problems or applied != block.text:
        return None
    return block.text, [(change.start, change.end) for change in changes]


def _find(text: str, pattern: re.Pattern, cursor: int, skip: int) -> re.Match | None:
    found = None
    for _ in range(skip + 1):
        found = pattern.search(text, cursor)
        if not found:
            return None
        cursor = max(found.end(), found.start() + 1)
    return found


def _added(text: str, start: int, end: int, change: Change) -> tuple[int, int]:
    added = list(words_pattern(supplied_words(change)).finditer(text, start, end)) if supplied_words(change) else []
    if not added:
        return start, end
    return (added[0] if change.new.startswith(supplied_words(change)) else added[-1]).span()


def places(text: str, changes: list[Change], source: str, spots: list[tuple[int, int]] | None):
    """(start, end, number, change) in the block's text, for every change found."""
    out, cursor, before = [], 0, 0
    for number, change in enumerate(changes, start=1):
        between = source[before : spots[number - 1][0]] if spots else ""
        if change.new:
            pattern = words_pattern(change.new)
            skip = len(list(pattern.finditer(_plain(between)))) if between.strip() else 0
            found = _find(text, pattern, cursor, skip) or _find(text, pattern, cursor, 0)
            if not found:
                continue
            start, end = found.span()
            if change.kind == "supplied":  # the added words only, not the printed ones that place them
                start, end = _added(text, start, end, change)
        else:  # a deletion: after the words before it, or right after the previous change
            context = _find(text, words_pattern(_tail(between)), cursor, 0) if between.strip() else None
            if between.strip() and not context:
                continue
            start = end = context.end() if context else cursor
        out.append((start, end, number, change))
        cursor = end
        if spots:
            before = spots[number - 1][1]
    return out


def mark_block(block: etree.Element, ident: str, changes: list[Change], corrections: str, source: str = "", spots=None):
    text = block_text(block, _opaque)
    for start, end, number, change in reversed(places(text, changes, source, spots)):  # offsets before stay
        attributes = {"class": f"change change--{change.kind}", "data-change": str(number)}
        if change.kind == "conjecture":
            mark = etree.Element(
                "a",
                {
                    "class": "conjecture-mark",
                    "id": f"conjecture-{ident}-{number}",  # the ID the conjecture's note had: links land here
                    "href": f"{corrections}#correction-{ident}",
                    "data-for": ident,
                    "data-change": str(number),
                    "data-tooltip": f"Conjecture. As published: “{change.old}”",
                    "data-search-exclude": "",  # a mark, not the authors' words: not in the index
                },
            )
            mark.text = "conj."
            insert_at(block, end, mark, _opaque, _enter)
        if start == end:
            attributes["class"] += " change--deletion"
            insert_at(block, start, etree.Element("span", attributes), _opaque, _enter)
        else:
            wrap(block, start, end, lambda attributes=attributes: etree.Element("span", dict(attributes)), _opaque)


def query_id(ident: str, number: int) -> str:
    """The ID of a paragraph's N-th query, the note under it (markdown.reading_markers)."""
    return f"query-{ident}-{number}"


def mark_queries(block: etree.Element, ident: str, queries: list[Query]) -> None:
    """Each query's words, where they first stand in the paragraph, marked with the ID of
    the query's note (its question): shown with the changes, the question on hover, focus
    or tap (tooltips.js)."""
    text = block_text(block, _opaque)
    for number, query in enumerate(queries, start=1):
        found = words_pattern(query.words).search(text) if query.words.strip() else None
        if found:
            attributes = {"class": "queried", "data-query": query_id(ident, number)}
            wrap(block, *found.span(), lambda attributes=attributes: etree.Element("span", dict(attributes)), _opaque)


class ChangeMarks(Treeprocessor):
    def __init__(self, md, corrections: str, project):
        super().__init__(md)
        self.corrections, self.project = corrections, project  # project: () -> the build's Project, or None

    def run(self, root):
        found = apparatus_lines.apparatus_of(self.md)
        project = self.project() if found else None  # once per page, and only for a page with an apparatus
        for block in list(root.iter()):
            ident = block.get("id", "")
            if block.tag not in BLOCKS or ident not in found:
                continue
            mark_queries(block, ident, found[ident].queries)  # first: before any "conj." stands in the words
            if RECORD_CLASS in block.get("class", "").split():
                continue  # the record: its words as printed, queried where the printed words are the ones asked about
            changes = found[ident].changes
            if changes:
                source, spots = source_places(ident, project) or ("", None)
                if spots is not None and len(spots) != len(changes):
                    source, spots = "", None
                mark_block(block, ident, changes, self.corrections, source, spots)


class ChangeMarksExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            "corrections": ["corrections.md", "The Corrections page, as a link from a page to it"],
            **project_settings("", "where published/ is; none: changes found by their words alone"),
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        apparatus_lines.register(md)  # the page's apparatus, read from its lines
        # After the glossary links (6.5), whose mentions it leaves whole; before MkDocs'
        # relative-path step (0), which turns `corrections.md#...` into the page's URL.
        md.treeprocessors.register(
            ChangeMarks(
                md,
                self.getConfig("corrections"),
                project_of(self),
            ),
            "edition_change_marks",
            6.2,
        )


def makeExtension(**kwargs):
    return ChangeMarksExtension(**kwargs)
