"""The References page's generated sections (qarabagh_edition.pages.references): the
bibliography formatted by mkdocs-bibtex (through qarabagh_mkdocs.bibtex) with the
paragraphs citing each entry, and the citation audit."""
from __future__ import annotations

from pathlib import Path

from qarabagh_edition.pages.references import PAPER_KEY, audit, bibliography, citing_paragraphs
from qarabagh_mkdocs import bibtex

REFERENCES_PAGE = "references.md"


def on_page_markdown(markdown, page, config, **kwargs):
    if page.file.src_uri != REFERENCES_PAGE:
        return markdown
    root = Path(config.config_file_path).resolve().parent
    docs_dir = Path(config.docs_dir).relative_to(root).as_posix()
    citing, page_of = citing_paragraphs(root, docs_dir)
    formatted = bibtex.reference_texts(config, sorted(bibtex.known_keys(config) - {PAPER_KEY}))
    return (markdown.rstrip("\n") + "\n\n" + bibliography(formatted, citing, bibtex.notes(config)) + "\n"
            + audit(root, page_of))
