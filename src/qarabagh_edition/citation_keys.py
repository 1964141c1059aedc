"""The citation keys written on the pages of docs/ (`[@vaezi2008, 157]`), and those of
them the bibliography does not know, as `file:line` problems with the nearest key."""

from __future__ import annotations

import difflib
from pathlib import Path

from qarabagh_edition.printed_citations import CITATION, CITED_KEY
from qarabagh_edition.published_layer import load_pages
from qarabagh_edition.reading_page import parse_page


def cited_keys(root: Path, docs_dir: str, editorial: bool = True):
    """(block, key, citation text) for every citation on the pages of `docs_dir`: the reading
    pages and, unless `editorial` is false, the editors' own pages (glossary, timeline, ...),
    whose citations Pandoc formats just the same. (Their blocks need not have an ID.)"""
    pages, _ = load_pages(root, docs_dir)
    for path in sorted((root / docs_dir).rglob("*.md")):
        relative = path.relative_to(root / docs_dir).as_posix()
        if relative in pages:
            blocks = pages[relative]
        elif editorial:  # load_pages leaves out the editorial pages
            blocks, _ = parse_page(path.read_text(encoding="utf-8"), f"{docs_dir}/{relative}")
        else:
            continue
        for block in blocks:
            for citation in CITATION.finditer(block.text):
                for key in CITED_KEY.findall(citation.group(0)):
                    yield block, key, citation.group(0)


def unknown_keys(cited, known: set[str], bib_file: str) -> list[str]:
    """`file:line` problems for the citation keys (from cited_keys) not in the bibliography."""
    problems = []
    for block, key, text in cited:
        if key not in known:
            near = difflib.get_close_matches(key, sorted(known), n=1)
            hint = f"did you mean '{near[0]}'?" if near else f"keys are listed in {bib_file}"
            problems.append(f"{block.where}: unknown citation key '{key}' in {text} ({hint})")
    return problems
