"""Links between the pages of docs/: every internal link leads to a page that exists, and
to an anchor it has (written in it, or made by the edition)."""

from __future__ import annotations

import re
from pathlib import Path

from qarabagh_edition.actors import load_glossary
from qarabagh_edition.errors import ContentError
from qarabagh_edition.pages.record import WHOLE_PAPER, record_uri
from qarabagh_edition.published_layer import load_layer, load_pages
from qarabagh_edition.timeline import load_timeline

# (Link text without brackets: `[^\]]*` would scan from every "[" of "[[[[" to the end.)
LINK = re.compile(r"(?<!!)\[[^\[\]]*\]\((?P<target>[^)\s]+)(?:\s+\"[^\"]*\")?\)")


def known_anchors(root: Path, docs_dir: str = "docs") -> dict[str, set[str]]:
    """Anchors of every page: IDs written in it, and those the hooks generate."""
    pages, _ = load_pages(root, docs_dir)
    anchors: dict[str, set[str]] = {}
    for path in sorted((root / docs_dir).rglob("*.md")):
        page = path.relative_to(root / docs_dir).as_posix()
        text = path.read_text(encoding="utf-8")
        anchors[page] = set(re.findall(r"\{:?\s*#([\w-]+)", text)) | {b.id for b in pages.get(page, []) if b.id}
    try:
        glossary = load_glossary(root)
        anchors.setdefault("glossary.md", set()).update(glossary)
        anchors["glossary.md"].update(f"type-{a.type}" for a in glossary.values())
        anchors.setdefault("timeline.md", set()).update(e.id for e in load_timeline(root))
        anchors["timeline.md"].update({"events", "editorial-context"})
    except ContentError:
        pass  # reported by the glossary rules
    for page in anchors:
        anchors[page].update({"actors-in-this-section", "cite-this"})
    # The record's pages (qarabagh_edition.pages.record), generated from the layer.
    try:
        layer = load_layer(root)
    except ContentError:
        layer = {}  # reported by the layer's own rules
    for page, blocks in pages.items():
        printed = {b.id for b in blocks if b.id in layer}
        if printed:
            anchors[record_uri(page)] = printed | {"record-title", "record-contents", "cite-this"}
            anchors.setdefault(WHOLE_PAPER, {"record-title", "cite-this"}).update(printed)
    anchors.setdefault("references.md", set()).update({"bibliography", "citation-audit"})
    bib = root / "bib" / "paper.bib"
    if bib.exists():
        anchors["references.md"].update(f"ref-{k}" for k in re.findall(r"^@\w+\{([^,\s]+),", bib.read_text(), re.M))
    return anchors


def check_links(root: Path, docs_dir: str = "docs") -> list[str]:
    problems = []
    anchors = known_anchors(root, docs_dir)
    for path in sorted((root / docs_dir).rglob("*.md")):
        page = path.relative_to(root / docs_dir).as_posix()
        shown = path.relative_to(root).as_posix()
        for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
            for match in LINK.finditer(line):
                target = match.group("target")
                if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I) or target.startswith("//"):
                    continue  # an external link
                file_part, _, anchor = target.partition("#")
                linked = page if not file_part else (Path(page).parent / file_part).as_posix()
                linked = re.sub(r"(^|/)\./", r"\1", linked)
                if linked not in anchors:
                    problems.append(
                        f"{shown}:{number}: broken link to '{target}': there is no page "
                        f"docs/{linked} (link to an existing .md file in docs/)"
                    )
                elif anchor and anchor not in anchors[linked]:
                    problems.append(
                        f"{shown}:{number}: broken link to '{target}': docs/{linked} has no anchor "
                        f"'#{anchor}' (paragraph and heading IDs are listed as {{: #id }} in that page)"
                    )
    return problems
