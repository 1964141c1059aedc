"""The frozen as-published layer in `published/`, and the reading pages of `docs/` read
against it: which IDs each holds, and whether every published ID is kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from qarabagh_edition import front_matter
from qarabagh_edition.errors import ContentError
from qarabagh_edition.reading_page import Block, parse_page
from qarabagh_edition.rules.yaml_loader import load

# A permanent ID: lower-case words and a number, e.g. `social-12`, `social-turkish-nationalism`.
VALID_ID = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


@dataclass
class LayerEntry:
    id: str
    text: str
    path: str  # e.g. "published/social-impacts.yml"
    line: int
    kind: str  # "paragraph" or "heading"
    page: str  # the reading page it belongs to, e.g. "social-impacts.md"

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}"


# The files of `published/` that are not reading pages' layers.
NOT_PAGE_LAYERS = {"front.yml", "paper.yml", "frozen.yml"}


def load_layer(root: Path) -> dict[str, LayerEntry]:
    """Every ID of the as-published layer with its verbatim text."""
    entries: dict[str, LayerEntry] = {}
    problems: list[str] = []
    for path in sorted((root / "published").glob("*.yml")):
        if path.name in NOT_PAGE_LAYERS:
            continue
        shown = f"published/{path.name}"
        data = load(path.read_text(encoding="utf-8"), shown, with_lines=True) or {}
        page = data.get("page", "")
        for kind, section in (("heading", "headings"), ("paragraph", "paragraphs")):
            mapping = data.get(section) or {}
            lines = mapping.get("__lines__", {})
            for ident, text in mapping.items():
                if ident == "__lines__":
                    continue
                if ident in entries:
                    problems.append(
                        f"{shown}:{lines[ident]}: ID '{ident}' is already used at {entries[ident].where} "
                        "(each ID names one paragraph)"
                    )
                    continue
                entries[ident] = LayerEntry(ident, str(text), shown, lines[ident], kind, page)
    if problems:
        raise ContentError(problems)
    return entries


def is_editorial_page(source: str) -> bool:
    """A page whose front matter says `editorial: true` is written by the editors, not the authors."""
    return front_matter.read(source).data.get("editorial") is True


def load_pages(root: Path, docs_dir: str = "docs") -> tuple[dict[str, list[Block]], list[str]]:
    """Blocks of every reading page, keyed by the page's path inside `docs/`, and the problems found."""
    pages: dict[str, list[Block]] = {}
    problems: list[str] = []
    for path in sorted((root / docs_dir).rglob("*.md")):
        relative = path.relative_to(root / docs_dir).as_posix()
        source = path.read_text(encoding="utf-8")
        if is_editorial_page(source):
            continue  # the editors' own pages (glossary, timeline): not the paper, no published layer
        blocks, found = parse_page(source, f"{docs_dir}/{relative}")
        pages[relative] = blocks
        problems.extend(found)
    return pages, problems


def check_ids(pages: dict[str, list[Block]], layer: dict[str, LayerEntry]) -> list[str]:
    """Problems with the permanent IDs of the reading pages, measured against the layer."""
    problems: list[str] = []
    # The use of each ID that keeps it: the first on the page its published original belongs
    # to, else the first in page order. Any other use is the one reported, so that a reuse on
    # another page never tells the contributor to renumber the untouched original.
    first_use: dict[str, Block] = {}
    on_its_page: set[str] = set()
    for page, blocks in pages.items():
        for block in blocks:
            ident = block.id
            if ident is None or ident in on_its_page:
                continue
            entry = layer.get(ident)
            if entry is not None and entry.page == page:
                first_use[ident] = block
                on_its_page.add(ident)
            else:
                first_use.setdefault(ident, block)
    for blocks in pages.values():
        for block in blocks:
            ident = block.id
            if ident is None:
                continue  # already reported by parse_page
            if not VALID_ID.match(ident):
                problems.append(
                    f"{block.where}: ID '{ident}' is not of the form lower-case-words-and-numbers (e.g. 'social-12')"
                )
            if first_use[ident] is not block:
                problems.append(
                    f"{block.where}: ID '{ident}' is already used at {first_use[ident].where} "
                    "(IDs are permanent links and must be unique; give this one a new number never used before)"
                )
                continue
            entry = layer.get(ident)
            if "editorial" in block.classes and entry is not None:
                # `.editorial` says "the editors', not the paper's" (a badge, the editorial
                # style): on the paper's own words it would misattribute them.
                problems.append(
                    f"{block.where}: '{ident}' is the paper's own {entry.kind} ({entry.where}): "
                    "`.editorial` marks only what the editors added (remove `.editorial`)"
                )
                continue
            if block.kind == "heading" and "editorial" in block.classes:
                continue  # headings the editors added have no published text
            if entry is None:
                problems.append(
                    f"{block.where}: {block.kind} '{ident}' has no published text in published/ "
                    f"(check the ID's spelling; every paragraph must keep the ID of its published original)"
                )
            elif entry.kind != ("heading" if block.kind == "heading" else "paragraph"):
                problems.append(f"{block.where}: ID '{ident}' belongs to a {entry.kind} in {entry.where}")
    lost = [(ident, entry) for ident, entry in layer.items() if ident not in first_use]
    problems += _without_id(pages, lost)
    return problems


def _without_id(pages: dict[str, list[Block]], lost: list[tuple[str, LayerEntry]]) -> list[str]:
    """One message for each block without an ID and each published ID no block has. A
    page's blocks without an ID and its lost IDs, in order, one for one, are one problem:
    the ID line was deleted or broken, and the message names the ID to put back, at the
    line it goes under (a broken ID line is read as the paragraph's last line)."""
    problems = []
    for page, blocks in pages.items():
        bare = [b for b in blocks if b.id is None and b.kind != "heading"]
        missing = [(ident, entry) for ident, entry in lost if entry.page == page and entry.kind == "paragraph"]
        paired = len(bare) == len(missing)
        for block, (ident, entry) in zip(bare, missing) if paired else ():
            what = {"item": "list item", "quote": "quotation"}.get(block.kind, "paragraph")
            problems.append(
                f"{block.path}:{block.end_line or block.line}: this {what} has lost its ID line: it is the "
                f"published {entry.kind} '{ident}' ({entry.where}); put {{: #{ident} }} on its own line directly "
                "under it (IDs are permanent links: keep the published one, never make up a new one)"
            )
        for block in () if paired else bare:
            what = {"item": "list item", "quote": "quotation"}.get(block.kind, "paragraph")
            problems.append(
                f'{block.path}:{block.end_line or block.line}: {what} has no ID: "{_excerpt(block.text)}" '
                "(if it is a published paragraph, put its ID back under it: published/ lists them; "
                "a paragraph of the editors' own takes a new ID never used before, e.g. {: #name-N })"
            )
        if paired:
            lost = [item for item in lost if item not in missing]
    return problems + [
        f"{entry.where}: the published {entry.kind} '{ident}' is missing from docs/{entry.page} "
        f"(its ID was removed or renamed; put {{: #{ident} }} back under that {entry.kind})"
        for ident, entry in lost
    ]


def _excerpt(text: str, words: int = 8) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")
