"""Two readings of the paper: the corrected reading (docs/) and the text as published
(published/), and the apparatus between them (qarabagh_edition.apparatus): checked before
the build, shown beside each paragraph (the "Corrected" marker with the published
wording and every change with its class and reason; conjectures marked where they stand;
queries), and gathered, grouped and counted by class, on the Corrections page.

Without JavaScript the page shows the corrected reading with the published wording
expandable (<details>); assets/javascripts/readings.js adds the switch to read the
whole site as published. Both readings are in the HTML, so search finds either.
"""
from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from qarabagh_edition.apparatus import KINDS
from qarabagh_edition.history import last_revision, line_revisions
from qarabagh_edition.pages import corrections as shown

from qarabagh_edition.rules.content import apparatus_of, body_blocks
from qarabagh_edition.published_layer import load_citations, load_layer, load_pages, nav_titles, published_form

CORRECTIONS_PAGE = "corrections.md"
_state: dict = {}


@event_priority(-60)  # after the ID and citation checks, whose messages say more
def on_pre_build(config, **kwargs):
    root = Path(config.config_file_path).resolve().parent
    docs_dir = Path(config.docs_dir).relative_to(root).as_posix()
    layer = load_layer(root)
    citations = load_citations(root, layer)
    pages, _ = load_pages(root, docs_dir)
    apparatus, problems = apparatus_of(pages, layer, citations)
    if problems:
        raise PluginError("apparatus: " + "\n".join(problems))
    paragraphs, revisions = [], {}
    for order, block in enumerate(body_blocks(pages, layer)):
        page = block.path.split("/", 1)[1]
        if apparatus[block.id].changes and page not in revisions:
            revisions[page] = line_revisions(root, block.path)
        revision = last_revision(revisions[page], block.line, block.end_line) if page in revisions else None
        paragraphs.append(shown.Paragraph(page, block.id, layer[block.id].text,
                                          published_form(block.text, block.id, citations),
                                          apparatus[block.id], revision, order))
    _state.update(paragraphs=paragraphs, repo_url=config.repo_url, titles=nav_titles(config.nav))


def on_page_markdown(markdown_text, page, **kwargs):
    paragraphs = _state.get("paragraphs", [])
    if page.file.src_uri == CORRECTIONS_PAGE:
        return markdown_text.rstrip("\n") + "\n\n" + shown.corrections_markdown(
            paragraphs, _state["titles"], _state["repo_url"])
    lines = markdown_text.split("\n")
    id_lines = {m.group(1): n for n, line in enumerate(lines) if (m := ID_LINE.match(line))}
    for paragraph in paragraphs:
        if paragraph.page != page.file.src_uri or not paragraph.apparatus.of("conjecture"):
            continue
        # The paragraph's lines: those above its ID line, back to the blank line.
        end = start = id_lines[paragraph.id]
        while start > 0 and lines[start - 1].strip() and not lines[start - 1].lstrip().startswith("<!--"):
            start -= 1
        lines[start:end] = shown.mark_conjectures(lines[start:end], paragraph)
    return "\n".join(lines)


ID_LINE = re.compile(r"\s*\{:?\s*#([a-z0-9-]+)")  # a paragraph's `{: #social-12 }` line


# The contributors' apparatus, as Markdown passes it through: shown to readers in the
# marker and the notes, so the raw comments are dropped from the page.
NOTE_COMMENT = re.compile(rf"<!--\s*(?:\[[^\]]*\]\s*)?(?:correction|{'|'.join(KINDS)})\s*:.*?-->\n?", re.S | re.I)


@event_priority(50)  # before the whole-paper page takes the page (whole_paper.py)
def on_page_content(content, page, **kwargs):
    content = NOTE_COMMENT.sub("", content)
    here = {p.id: p for p in _state.get("paragraphs", []) if p.page == page.file.src_uri}
    return BLOCK.sub(lambda block: _with_apparatus(block, here.get(block.group(3))), content)


# A paragraph or list item of the page, with its ID (one pass over the page for all of them).
BLOCK = re.compile(r'<(p|li)\b([^>]*\bid="([^"]+)"[^>]*)>(.*?)</\1>', re.S)


def _with_apparatus(block: re.Match, paragraph) -> str:
    if paragraph is None:
        return block.group(0)
    tag, attributes, inner = block.group(1), block.group(2), block.group(4)
    after = "\n".join(filter(None, [shown.marker(paragraph, _state["repo_url"])
                                    if paragraph.corrected_differs else "", shown.notes(paragraph)]))
    if not after:
        return block.group(0)
    if paragraph.corrected_differs:
        attributes += ' data-reading="corrected"'
        inner = f'<span class="reading-text">{inner}</span>'
    # After a paragraph; inside a list item (nothing may stand between <li>s).
    return (f"<{tag}{attributes}>{inner}\n{after}</li>" if tag == "li"
            else f"<{tag}{attributes}>{inner}</p>\n{after}")
