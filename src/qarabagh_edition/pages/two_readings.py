"""The reading pages' two readings: the corrected reading (docs/) and the text as published
(published/), with the apparatus between them (qarabagh_edition.apparatus): every body
paragraph with both readings, and what each corrected paragraph's marker opens (its
changes JSON). (The markers and queries under the paragraphs are written by
qarabagh_edition.markdown.reading_markers, every change marked where it stands by
qarabagh_edition.markdown.change_marks.)

A reading page carries one reading. Each corrected paragraph's marker links to the same
paragraph on the record's page (qarabagh_edition.pages.record); with JavaScript
(assets/javascripts/readings.js) it opens the published wording and the changes in
place, from the page's changes JSON, fetched when first asked for.
"""

from __future__ import annotations

import json

from qarabagh_edition.errors import ContentError
from qarabagh_edition.history import last_revision, line_revisions
from qarabagh_edition.pages import corrections as shown
from qarabagh_edition.printed_citations import published_form
from qarabagh_edition.rules.apparatus_checks import apparatus_of, body_blocks

BLAME_CACHE = ".cache/blame"  # git-ignored, like the other build caches


def reading_paragraphs(project) -> list[shown.Paragraph]:
    """Every body paragraph of a build's Project (qarabagh_edition.project) with both
    readings, its apparatus and its last revision (git); ContentError when an apparatus
    does not lead from the published text to the reading."""
    root, layer, citations, pages = project.root, project.layer, project.citations, project.pages
    apparatus, problems = apparatus_of(pages, layer, citations)
    if problems:
        raise ContentError(problems)
    paragraphs, revisions = [], {}
    for order, block in enumerate(body_blocks(pages, layer)):
        page = block.path.split("/", 1)[1]
        if apparatus[block.id].changes and page not in revisions:
            revisions[page] = line_revisions(root, block.path, root / BLAME_CACHE)
        revision = last_revision(revisions[page], block.line, block.end_line) if page in revisions else None
        paragraphs.append(
            shown.Paragraph(
                page,
                block.id,
                layer[block.id].text,
                published_form(block.text, block.id, citations),
                apparatus[block.id],
                revision,
                order,
                # Who changed what: each change's own line, as git last changed it.
                [revisions[page].get(c.line) if page in revisions else None for c in apparatus[block.id].changes],
            )
        )
    return paragraphs


CHANGES_DIR = "as-published/changes"  # <reading page>.json: what each marker of the page opens


def changes_file(page: str) -> str:
    return f"{CHANGES_DIR}/{page.removesuffix('.md')}.json"


def changes_data(page: str, paragraphs: list[shown.Paragraph], repo_url: str | None) -> dict[str, dict]:
    """Paragraph ID -> what its marker opens, for the corrected paragraphs of a page."""
    return {p.id: shown.changes_entry(p, repo_url) for p in paragraphs if p.page == page and p.corrected_differs}


def changes_json(page: str, paragraphs: list[shown.Paragraph], repo_url: str | None) -> str:
    """changes_data as the JSON file readings.js fetches."""
    return json.dumps(changes_data(page, paragraphs, repo_url), ensure_ascii=False, sort_keys=True)
