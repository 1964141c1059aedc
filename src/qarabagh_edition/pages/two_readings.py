"""The reading pages' two readings: the corrected reading (docs/) and the text as published
(published/), with the apparatus between them (qarabagh_edition.apparatus) shown beside
each paragraph: the "Corrected" marker with the published wording and every change with
its class and reason; conjectures marked where they stand; queries.

A reading page carries one reading. Each corrected paragraph's marker links to the same
paragraph on the record's page (qarabagh_edition.pages.record); with JavaScript
(assets/javascripts/readings.js) it opens the published wording and the changes in
place, from the record's changes.json, fetched when first asked for.
"""
from __future__ import annotations

import re
from pathlib import Path

from qarabagh_edition.file_memo import remembered
from qarabagh_edition.apparatus import KINDS
from qarabagh_edition.history import checked_out, last_revision, line_revisions
from qarabagh_edition.pages import corrections as shown
from qarabagh_edition.published_layer import ContentError, load_citations, load_layer, load_pages, published_form
from qarabagh_edition.rules.content import apparatus_of, body_blocks


BLAME_CACHE = ".cache/blame"  # git-ignored, like the other build caches


def _reading_paragraphs(root: Path, docs_dir: str) -> list[shown.Paragraph]:
    layer = load_layer(root)
    citations = load_citations(root, layer)
    pages, _ = load_pages(root, docs_dir)
    apparatus, problems = apparatus_of(pages, layer, citations)
    if problems:
        raise ContentError(problems)
    paragraphs, revisions = [], {}
    for order, block in enumerate(body_blocks(pages, layer)):
        page = block.path.split("/", 1)[1]
        if apparatus[block.id].changes and page not in revisions:
            revisions[page] = line_revisions(root, block.path, root / BLAME_CACHE)
        revision = last_revision(revisions[page], block.line, block.end_line) if page in revisions else None
        paragraphs.append(shown.Paragraph(page, block.id, layer[block.id].text,
                                          published_form(block.text, block.id, citations),
                                          apparatus[block.id], revision, order))
    return paragraphs


_memo: dict[tuple, list] = {}


def reading_paragraphs(root: Path, docs_dir: str) -> list[shown.Paragraph]:
    """Every body paragraph with both readings, its apparatus and its last revision (git),
    once per change of the pages, the record or the repository's head; ContentError when
    an apparatus does not lead from the published text to the reading."""
    files = [*sorted((root / "published").glob("*.yml")), root / "bib" / "citations.yml",
             *sorted((root / docs_dir).rglob("*.md"))]
    return remembered(_memo, (str(root.resolve()), docs_dir, checked_out(root)), files,
                      lambda: _reading_paragraphs(root, docs_dir))


def with_conjectures(markdown_text: str, page: str, paragraphs: list[shown.Paragraph],
                     corrections_page: str) -> str:
    """The page's Markdown with each conjecture's words marked where they stand, linked to
    the Corrections page (`corrections_page`, relative to this page)."""
    lines = markdown_text.split("\n")
    id_lines = {m.group(1): n for n, line in enumerate(lines) if (m := ID_LINE.match(line))}
    for paragraph in paragraphs:
        if paragraph.page != page or not paragraph.apparatus.of("conjecture"):
            continue
        # The paragraph's lines: those above its ID line, back to the blank line.
        end = start = id_lines[paragraph.id]
        while start > 0 and lines[start - 1].strip() and not lines[start - 1].lstrip().startswith("<!--"):
            start -= 1
        lines[start:end] = shown.mark_conjectures(lines[start:end], paragraph, corrections_page)
    return "\n".join(lines)


ID_LINE = re.compile(r"^\s*+\{:?\s*+#([a-z0-9-]+)")  # a paragraph's `{: #social-12 }` line

# The contributors' apparatus, as Markdown passes it through: shown to readers in the
# marker and the notes, so the raw comments are dropped from the page.
NOTE_COMMENT = re.compile(rf"<!--\s*(?:\[[^\]]*\]\s*)?(?:correction|{'|'.join(KINDS)})\s*:.*?-->\n?", re.S | re.I)


def with_apparatus(content: str, page: str, paragraphs: list[shown.Paragraph], record_page: str,
                   changes: str) -> str:
    """The page's HTML without the apparatus comments, each corrected paragraph followed
    by its marker (a link to `record_page`, the record of this page, relative to it; and
    `changes`, where its changes_data is) and every paragraph by its notes. The published wording is not in the page: it is on the
    record's page, and in its changes.json for the marker to open."""
    content = NOTE_COMMENT.sub("", content)
    here = {p.id: p for p in paragraphs if p.page == page}
    return BLOCK.sub(lambda block: _with_apparatus(block, here.get(block.group(3)), record_page, changes),
                     content)


CHANGES_DIR = "as-published/changes"  # <reading page>.json: what each marker of the page opens


def changes_file(page: str) -> str:
    return f"{CHANGES_DIR}/{page.removesuffix('.md')}.json"


def changes_data(page: str, paragraphs: list[shown.Paragraph], repo_url: str | None) -> dict[str, dict]:
    """Paragraph ID -> what its marker opens, for the corrected paragraphs of a page."""
    return {p.id: shown.changes_entry(p, repo_url) for p in paragraphs if p.page == page and p.corrected_differs}


# A paragraph or list item of the page, with its ID (one pass over the page for all of them).
BLOCK = re.compile(r'<(p|li)\b([^>]*\bid="([^"]+)"[^>]*)>(.*?)</\1>', re.S)


def _with_apparatus(block: re.Match, paragraph, record_page: str, changes: str) -> str:
    if paragraph is None:
        return block.group(0)
    tag, attributes, inner = block.group(1), block.group(2), block.group(4)
    after = "\n".join(filter(None, [shown.marker_link(paragraph, record_page, changes)
                                    if paragraph.corrected_differs else "", shown.notes(paragraph)]))
    if not after:
        return block.group(0)
    if paragraph.corrected_differs:
        attributes += ' data-reading="corrected"'
    # After a paragraph; inside a list item (nothing may stand between <li>s).
    return (f"<{tag}{attributes}>{inner}\n{after}</li>" if tag == "li"
            else f"<{tag}{attributes}>{inner}</p>\n{after}")
