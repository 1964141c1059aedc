"""The rules a contribution must keep, each returning `file:line: message (how to fix)`
problems. Shared by the hooks (which stop the build) and by `scripts/lint`, which
runs them all at once and reports every problem.
"""

from __future__ import annotations

import re
from pathlib import Path

from qarabagh_edition.errors import ContentError
from qarabagh_edition.printed_citations import load_citations
from qarabagh_edition.published_layer import load_layer, load_pages
from qarabagh_edition.rules.apparatus_checks import apparatus_of, check_progress, check_terminology
from qarabagh_edition.rules.frozen import check_frozen
from qarabagh_edition.rules.links import check_links
from qarabagh_edition.rules.yaml_loader import load

# ---------------------------------------------------------------------------
# Front matter
# ---------------------------------------------------------------------------


def check_front_matter(root: Path, docs_dir: str = "docs") -> list[str]:
    problems = []
    for path in sorted((root / docs_dir).rglob("*.md")):
        shown = path.relative_to(root).as_posix()
        lines = path.read_text(encoding="utf-8").split("\n")
        if not lines or lines[0].strip() != "---":
            continue
        end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
        if end is None:
            problems.append(f"{shown}:1: the front matter opened by '---' is never closed (add a '---' line after it)")
            continue
        try:
            meta = load("\n".join(lines[1:end]), shown, first_line=2)
        except ContentError as error:
            problems += [
                p.replace(": not valid YAML: ", ": malformed front matter: ").replace(
                    "(check indentation and quotes)",
                    "(write 'key: value' lines between the two '---' lines; quote values containing ':')",
                )
                for p in error.problems
            ]
            continue
        if meta is not None and not isinstance(meta, dict):
            problems.append(f"{shown}:2: malformed front matter: expected 'key: value' lines")
    return problems


# ---------------------------------------------------------------------------
# What pages render to: the HTML allowlist (qarabagh_edition.rules.html_allowlist)
# ---------------------------------------------------------------------------


def check_html(root: Path, docs_dir: str, md) -> list[str]:
    """Every page of docs/ and the record, rendered with `md` (html_allowlist.page_markdown)."""
    from qarabagh_edition.rules.cache_trust import committed_cache_files
    from qarabagh_edition.rules.html_allowlist import check_pages, published_texts

    committed = committed_cache_files(root)
    if committed:
        return committed  # the cache below cannot be trusted
    return check_pages(root, docs_dir, md) + published_texts(root, md)


# ---------------------------------------------------------------------------
# Everything at once
# ---------------------------------------------------------------------------


def lint(root: Path, docs_dir: str = "docs") -> list[str]:
    """Every problem of the content, in a stable order."""
    from qarabagh_edition import site_config
    from qarabagh_edition.actors import load_glossary
    from qarabagh_edition.published_layer import check_ids
    from qarabagh_edition.rules.bibtex_syntax import check_file as check_bibtex
    from qarabagh_edition.rules.content_files import check_files
    from qarabagh_edition.rules.glossary import check_glossary, data_markup
    from qarabagh_edition.rules.html_allowlist import page_markdown
    from qarabagh_edition.rules.source_text import check_sources

    problems: list[str] = check_files(root, docs_dir) or check_sources(root)
    if problems:
        return problems  # the rest would read the same files wrongly
    problems += check_front_matter(root, docs_dir)
    md = page_markdown(*site_config.markdown_extensions(root))  # one, for every page and field checked
    problems += check_html(root, docs_dir, md)
    if (root / "bib" / "paper.bib").exists():
        problems += check_bibtex(root / "bib" / "paper.bib", "bib/paper.bib")
    problems += check_frozen(root)
    try:
        layer = load_layer(root)
    except ContentError as error:
        return problems + error.problems
    pages, found = load_pages(root, docs_dir)
    problems += found
    id_problems = check_ids(pages, layer)
    problems += id_problems + _renamed_hints(pages, layer)
    try:
        citations = load_citations(root, layer)
    except ContentError as error:
        problems += error.problems
        citations = {}
    problems += _citation_keys(root, docs_dir)
    problems += apparatus_of(pages, layer, citations)[1]
    problems += check_glossary(root, layer, pages)
    problems += data_markup(root, md)
    try:
        problems += check_terminology(pages, layer, citations, load_glossary(root), root)
    except ContentError:
        pass  # the glossary cannot be read: check_glossary has said why
    problems += check_links(root, docs_dir)
    if not problems:  # the count is only worth updating once the paragraphs read right
        problems += check_progress(root, layer)
    return list(dict.fromkeys(problems))


def data_names(actors, events) -> list[str]:
    """The glossary's and the timeline's names, titles and IDs, which become the headings
    and IDs of their pages: plain text, and none of the edition's own IDs."""
    from qarabagh_edition.actors import GLOSSARY
    from qarabagh_edition.rules import plain_text, reserved
    from qarabagh_edition.timeline import TIMELINE

    return plain_text.data_problems(actors, events, GLOSSARY, TIMELINE) + reserved.data_problems(
        actors, events, GLOSSARY, TIMELINE
    )


def _renamed_hints(pages, layer) -> list[str]:
    """An unknown ID on a page whose published ID went missing was most likely renamed."""
    present = {b.id for bs in pages.values() for b in bs if b.id}
    hints = []
    for page, blocks in pages.items():
        missing = [i for i, e in layer.items() if e.page == page and i not in present]
        unknown = [b for b in blocks if b.id and b.id not in layer and "editorial" not in b.classes]
        if len(missing) == 1 and len(unknown) == 1:
            hints.append(
                f"{unknown[0].where}: ID '{unknown[0].id}' looks like '{missing[0]}' renamed; IDs are "
                f"permanent links: change it back to {{: #{missing[0]} }}"
            )
    return hints


def _citation_keys(root: Path, docs_dir: str) -> list[str]:
    from qarabagh_edition.citation_keys import cited_keys, unknown_keys

    bib = root / "bib" / "paper.bib"
    if not bib.exists():
        return []
    known = set(re.findall(r"^@\w+\{([^,\s]+),", bib.read_text(encoding="utf-8"), re.M))
    return unknown_keys(cited_keys(root, docs_dir), known, "bib/paper.bib")
