"""The reading against the record: every body block's apparatus reproduces its reading
from the printed text, headings read as printed, CONTRIBUTING.md states the review's
progress truly, and a correction brings in no non-standard spelling of an actor."""

from __future__ import annotations

import re
from pathlib import Path

from qarabagh_edition.printed_citations import is_corrected, load_citations, published_form, uncorrected_reading
from qarabagh_edition.published_layer import load_pages
from qarabagh_edition.reading_page import normalise


def body_blocks(pages, layer):
    """The paper's paragraphs, list items and quotations: the blocks with a published text."""
    for blocks in pages.values():
        for block in blocks:
            if block.kind != "heading" and block.id in layer:
                yield block


def apparatus_of(pages, layer, citations) -> tuple[dict, list[str]]:
    """Every body block's apparatus (qarabagh_edition.apparatus), checked against its
    published text: (block ID -> Apparatus, problems)."""
    from qarabagh_edition.apparatus import check_block
    from qarabagh_edition.rules.apparatus_granularity import granularity_problems

    found, problems, lines = {}, [], []
    for block in body_blocks(pages, layer):
        apparatus, block_problems = check_block(
            block.path, block.line, block.id, block.notes, uncorrected_reading(layer[block.id], citations), block.text
        )
        found[block.id] = apparatus
        problems += block_problems
        lines.append((block.path, apparatus.changes))
    return found, problems + granularity_problems(lines) + check_headings(pages, layer)


def check_headings(pages, layer) -> list[str]:
    """The authors' headings read as printed. A heading has no apparatus to record a
    change, so its words must be the published ones; only the letter case may differ
    (the printed "INTRODUCTION" is set as "Introduction"). A heading of the editors' own
    is another heading, marked `.editorial`."""
    problems = []
    for blocks in pages.values():
        for block in blocks:
            if block.kind == "heading" and block.id in layer:
                printed = " ".join(layer[block.id].text.split())
                if " ".join(block.text.split()).casefold() != printed.casefold():
                    problems.append(
                        f"{block.path}:{block.line}: the heading '{block.id}' reads '{block.text.strip()}' "
                        f"but was printed '{printed}' (put the printed words back: headings are not "
                        "corrected; a heading of the editors' own goes on a line of its own, with "
                        "`.editorial`)"
                    )
    return problems


def reviewed_count(root: Path, layer) -> tuple[int, int]:
    """(paragraphs reviewed, body paragraphs in all)."""
    pages, _ = load_pages(root)
    apparatus, _ = apparatus_of(pages, layer, load_citations(root, layer))
    return sum(1 for a in apparatus.values() if a.reviewed), len(apparatus)


def check_progress(root: Path, layer) -> list[str]:
    """CONTRIBUTING.md states how far the review has come; it must be true."""
    from qarabagh_edition.apparatus import PROGRESS_LINE, progress_line

    path = root / "CONTRIBUTING.md"
    if not path.exists():
        return []
    text = path.read_text(encoding="utf-8")
    line = progress_line(*reviewed_count(root, layer))
    found = PROGRESS_LINE.search(text)
    if found and found.group(0) == line:
        return []
    number = text.count("\n", 0, found.start()) + 1 if found else 1
    return [
        f"CONTRIBUTING.md:{number}: the progress of the review is now '{line.strip('*')}' "
        "(run scripts/apparatus progress --update)"
    ]


def check_terminology(pages, layer, citations, actors, root: Path | None = None) -> list[str]:
    """A correction may not bring in a non-standard spelling of an actor, and a
    normalisation writes a name the glossary gives."""
    problems = []

    def where(block, spelling: str) -> str:
        # The line of the paragraph that holds the spelling, for the editor to jump to.
        if root is not None and (root / block.path).exists():
            lines = (root / block.path).read_text(encoding="utf-8").split("\n")
            for number in range(block.line, block.end_line + 1):
                if spelling in lines[number - 1]:
                    return f"{block.path}:{number}"
        return block.where

    from qarabagh_edition.apparatus import parse

    names = {name for actor in actors.values() for name in (actor.name, *actor.standard.values())}
    for blocks in pages.values():
        for block in blocks:
            # A normalisation writes a name as the glossary gives it, and nothing else.
            for change in parse([n for n in block.notes if n[0] == "normalisation"], block.path)[0].changes:
                if change.new not in names and change.new.strip(" ,.;:()\"“”'") not in names:
                    problems.append(
                        f"{block.path}:{change.line}: this normalisation writes '{change.new}', which is not a "
                        "name as data/glossary.yml gives it (a normalisation writes a name in the glossary's "
                        "standard spelling and nothing else: make the rest an emendation, or give the name "
                        "its entry)"
                    )
    for blocks in pages.values():
        for block in blocks:
            entry = layer.get(block.id or "")
            if entry is None or block.kind == "heading" or not is_corrected(block, layer, citations):
                continue
            corrected = published_form(block.text, block.id, citations)
            for actor in actors.values():
                for printed, standard in actor.standard.items():
                    pattern = re.compile(r"(?<!\w)" + re.escape(printed) + r"(?!\w)")
                    if len(pattern.findall(corrected)) > len(pattern.findall(normalise(entry.text))):
                        problems.append(
                            f"{where(block, printed)}: '{printed}' is a non-standard spelling of {actor.name}; "
                            f"write '{standard}' (see data/glossary.yml:{actor.line})"
                        )
    return problems
