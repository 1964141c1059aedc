"""The editorial parts of the References page from the data: the formatted
bibliography (each entry with the paragraphs that cite it) and the citation audit
(every printed citation that disagrees with the reference list).

Nothing here is hand-kept: entries come from bib/paper.bib (formatted by the
mkdocs-bibtex registry, i.e. Pandoc and the CSL style), "cited in" from the
citations on the reading pages, the audit from `differs` in bib/citations.yml.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from qarabagh_edition.citation_keys import cited_keys
from qarabagh_edition.printed_citations import load_citations
from qarabagh_edition.published_layer import load_layer

PAPER_KEY = "sarmadi2018qarabagh"  # the edition's own article: offered under "Cite", not listed as a source


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def citing_paragraphs(root: Path, docs_dir: str) -> tuple[dict[str, list], dict[str, str]]:
    """Key -> the paragraphs citing it (in reading order), and paragraph ID -> its page."""
    citing: dict[str, list] = {}
    page_of: dict[str, str] = {}
    for block, key, _ in cited_keys(root, docs_dir, editorial=False):  # "cited in": the paper's paragraphs
        if block not in citing.setdefault(key, []):
            citing[key].append(block)
        page_of[block.id] = block.path.split("/", 1)[1]
    return citing, page_of


# What Markdown would read as markup in a line of text: backslash-escaped (Python-Markdown's
# escapable characters, and the tables' "|"), after "&", "<" and ">" became entities.
MARKDOWN_MARKUP = re.compile(r"([\\`*_{}\[\]()>#+\-.!|])")


def markdown_text(text: str) -> str:
    """`text` as Markdown that shows it as written, on one line: no markup, no HTML."""
    return MARKDOWN_MARKUP.sub(r"\\\1", html.escape(" ".join(text.split()), quote=False))


def bibliography(formatted: dict[str, str], citing: dict[str, list], notes: dict[str, str] | None = None) -> str:
    """The Bibliography section: `formatted` is each key's entry as the CSL style prints it;
    `notes` the editors' notes on entries (BibTeX `note`), shown under their entry."""
    keys = [k for k in formatted if k != PAPER_KEY]
    lines = [
        "## Bibliography { #bibliography .editorial }",
        "",
        "Every work the paper cites, formatted in Chicago author-date style, with links to the "
        "paragraphs that cite it. Names and titles are kept as printed; where an entry is garbled "
        "and what it stands for is certain, an editors' note under it says so.",
        "{: .editorial }",
        "",
    ]
    for key in sorted(keys, key=lambda k: re.sub(r"[^\w ]", "", formatted[k]).casefold()):
        where = citing.get(key, [])
        cited_in = ", ".join(f"[{b.id}]({b.path.split('/', 1)[1]}#{b.id})" for b in where) or "not cited in the text"
        lines.append(f"- {formatted[key]}")
        note = " ".join((notes or {}).get(key, "").split())
        if note:
            note += "" if note[-1] in ".!?" else "."
            lines.append(f'    <br><span class="editorial-label">Editors\' note:</span> {markdown_text(note)}')
        lines += [f"    <br>Cited in: {cited_in}.", f"    {{: #ref-{key} }}"]
    return "\n".join(lines) + "\n"


def audit(root: Path, page_of: dict[str, str]) -> str:
    rows = [
        "## Citation audit { #citation-audit .editorial }",
        "",
        "Where a citation printed in the text disagrees with the reference list (name, year, page "
        "order), or cites a source the list omits. The printed wording is kept; the citation links "
        "to the entry meant.",
        "{: .editorial }",
        "",
        "| Paragraph | Printed citation | Linked to | What differs |",
        "| --- | --- | --- | --- |",
    ]
    layer = load_layer(root)
    for paragraph, records in load_citations(root, layer).items():
        for record in records:
            if not record.differs:
                continue
            # A source named without a reference links to nothing.
            targets = ", ".join(f"[{key}](#ref-{key})" for key in record.keys) or "—"
            page = page_of.get(paragraph) or layer[paragraph].page
            rows.append(
                f"| [{paragraph}]({page}#{paragraph}) | {_cell(record.published)} "
                f"| {targets} | {_cell(record.differs)} |"
            )
    return "\n".join(rows) + "\n"
