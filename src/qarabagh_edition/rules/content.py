"""The rules a contribution must keep, each returning `file:line: message (how to fix)`
problems. Shared by the hooks (which stop the build) and by `scripts/lint`, which
runs them all at once and reports every problem.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from qarabagh_edition.errors import ContentError
from qarabagh_edition.printed_citations import is_corrected, load_citations, published_form, uncorrected_reading
from qarabagh_edition.published_layer import load_layer, load_pages
from qarabagh_edition.reading_page import normalise
from qarabagh_edition.rules.yaml_loader import load

FROZEN = "published/frozen.yml"


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
# Internal links and anchors
# ---------------------------------------------------------------------------

# (Link text without brackets: `[^\]]*` would scan from every "[" of "[[[[" to the end.)
LINK = re.compile(r"(?<!!)\[[^\[\]]*\]\((?P<target>[^)\s]+)(?:\s+\"[^\"]*\")?\)")


def known_anchors(root: Path, docs_dir: str = "docs") -> dict[str, set[str]]:
    """Anchors of every page: IDs written in it, and those the hooks generate."""
    from qarabagh_edition.actors import load_glossary
    from qarabagh_edition.timeline import load_timeline

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
    from qarabagh_edition.pages.record import WHOLE_PAPER, record_uri

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


# ---------------------------------------------------------------------------
# The frozen as-published layer
# ---------------------------------------------------------------------------


def fingerprint(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def frozen_texts(root: Path) -> dict[str, tuple[str, str, int]]:
    """Everything in the frozen layer: key -> (text, file, line)."""
    texts = {key: (entry.text, entry.path, entry.line) for key, entry in load_layer(root).items()}
    front_path = root / "published" / "front.yml"
    if front_path.exists():
        front = load(front_path.read_text(encoding="utf-8"), "published/front.yml") or {}
        for key, value in front.items():
            for index, text in enumerate(value if isinstance(value, list) else [value]):
                line = next(
                    (
                        n
                        for n, row in enumerate(front_path.read_text(encoding="utf-8").split("\n"), 1)
                        if row.startswith(f"{key}:")
                    ),
                    1,
                )
                texts[f"front:{key}:{index}"] = (str(text), "published/front.yml", line)
    record = root / "published" / "paper.yml"
    if record.exists():  # the bibliographic record is part of what was published, frozen alike
        lines = record.read_text(encoding="utf-8").split("\n")
        position = [1]

        def add(key: str, value, name: str) -> None:
            if isinstance(value, dict):
                for inner, item in value.items():
                    add(f"{key}:{inner}", item, str(inner))
            elif isinstance(value, list):
                for index, item in enumerate(value):
                    add(f"{key}:{index}", item, name)
            else:
                # Fields are visited in the file's order: look from the last one found on.
                line = next(
                    (n for n in range(position[0], len(lines) + 1) if lines[n - 1].lstrip(" -").startswith(f"{name}:")),
                    position[0],
                )
                position[0] = line
                texts[key] = (str(value), "published/paper.yml", line)

        for field, value in (load("\n".join(lines), "published/paper.yml") or {}).items():
            add(f"paper:{field}", value, str(field))
    transcript = root / "published" / "paper-as-published.txt"
    if transcript.exists():
        texts["transcript"] = (transcript.read_text(encoding="utf-8"), "published/paper-as-published.txt", 1)
    return texts


def check_frozen(root: Path) -> list[str]:
    manifest_path = root / FROZEN
    if not manifest_path.exists():
        return [f"{FROZEN}:1: the fingerprints of the frozen layer are missing (restore the file from git)"]
    manifest = load(manifest_path.read_text(encoding="utf-8"), FROZEN) or {}
    recorded = manifest.get("fingerprints") or {}
    try:
        current = frozen_texts(root)
    except ContentError as error:
        return error.problems
    problems = []
    how = (
        "The as-published layer is frozen: correct the reading page in docs/ instead. Only a transcription "
        'fix may change it, recorded with: scripts/freeze --reason "what was mis-transcribed"'
    )
    for key, (text, path, line) in current.items():
        if key not in recorded:
            problems.append(f"{path}:{line}: '{key}' was added to the frozen layer. {how}")
        elif fingerprint(text) != recorded[key]:
            problems.append(f"{path}:{line}: the published text of '{key}' was changed. {how}")
    for key in recorded:
        if key not in current:
            problems.append(f"{FROZEN}:1: '{key}' was deleted from the frozen layer (restore it from git). {how}")
    return problems


# ---------------------------------------------------------------------------
# Corrections: rationale, and standard spellings of actors
# ---------------------------------------------------------------------------


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

    found, problems = {}, []
    for block in body_blocks(pages, layer):
        apparatus, block_problems = check_block(
            block.path, block.line, block.id, block.notes, uncorrected_reading(layer[block.id], citations), block.text
        )
        found[block.id] = apparatus
        problems += block_problems
    return found, problems + check_headings(pages, layer)


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


def check_corrections(pages, layer, citations) -> list[str]:
    return apparatus_of(pages, layer, citations)[1]


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
    """A correction may not bring in a non-standard spelling of an actor."""
    problems = []

    def where(block, spelling: str) -> str:
        # The line of the paragraph that holds the spelling, for the editor to jump to.
        if root is not None and (root / block.path).exists():
            lines = (root / block.path).read_text(encoding="utf-8").split("\n")
            for number in range(block.line, block.end_line + 1):
                if spelling in lines[number - 1]:
                    return f"{block.path}:{number}"
        return block.where

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
    problems += check_corrections(pages, layer, citations)
    problems += check_progress(root, layer)
    problems += check_glossary(root, layer, pages)
    problems += data_markup(root, md)
    try:
        problems += check_terminology(pages, layer, citations, load_glossary(root), root)
    except ContentError:
        pass  # the glossary cannot be read: check_glossary has said why
    problems += check_links(root, docs_dir)
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
