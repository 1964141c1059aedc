"""The record: the paper as the journal published it, at its own pages.

One page per section under `as-published/` (`as-published/social-impacts/`), the
article's front and abstract at `as-published/`, and the whole paper as published on
one page (`as-published/whole-paper/`). Each shows the frozen layer (published/*.yml)
verbatim: the printed headings, every paragraph with the same permanent ID as on the
reading page, and each printed citation exactly as printed, linked to the reference it
means (bib/citations.yml). No corrections, no editorial headings, no glossary links.

These are pages of Markdown like any other, generated from the data: the site's
Markdown extensions leave their blocks alone (class `as-published`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from qarabagh_edition.printed_citations import CitationRecord, load_citations
from qarabagh_edition.published_layer import LayerEntry, load_layer, load_pages
from qarabagh_edition.reading_page import Block
from qarabagh_edition.rules.yaml_loader import load

RECORD_DIR = "as-published"
WHOLE_PAPER = f"{RECORD_DIR}/whole-paper.md"
REFERENCES = "references.md"
# The class every block of a record page carries: the edition's transforms skip it.
RECORD_CLASS = "as-published"
SUPERSCRIPT = re.compile(r"\^\{([^{}]*)\}")  # not [^}]*: from each "^{" it would scan to the end
# A line Markdown would read as a list, heading or quotation: printed text, not markup.
BLOCK_MARKUP = re.compile(r"^(\d+)\.(\s)|^([-+*])(?=\s)|^([#>])", re.M)


@dataclass
class RecordPage:
    src_uri: str  # e.g. "as-published/social-impacts.md"
    reading: str  # the reading page it is the record of, e.g. "social-impacts.md"
    title: str
    markdown: str


def record_uri(reading_page: str) -> str:
    return f"{RECORD_DIR}/{reading_page}"


def _escaped(text: str) -> str:
    return BLOCK_MARKUP.sub(lambda m: f"{m[1]}\\.{m[2]}" if m[1] else f"\\{m[3] or m[4]}", text)


def _link_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")


def with_printed_citations(entry: LayerEntry, records: list[CitationRecord], to_references: str) -> str:
    """The paragraph's published text with each printed citation a link to its reference
    (a source named without a reference stays plain text)."""
    text = entry.text
    spans = []
    for record in records:
        if not record.keys:
            continue
        start = -1
        for _ in range(record.occurrence):
            start = text.find(record.published, start + 1)
            if start < 0:
                break
        if start >= 0:
            spans.append((start, start + len(record.published), record.keys[0]))
    out, position = [], 0
    for start, end, key in sorted(spans):
        if start < position:
            continue  # overlaps a citation already linked
        out += [text[position:start], f"[{_link_text(text[start:end])}]({to_references}#ref-{key})"]
        position = end
    out.append(text[position:])
    return "".join(out)


def _blocks_markdown(
    blocks: list[Block], layer: dict[str, LayerEntry], citations, to_references: str, shift: int = 0
) -> list[str]:
    lines: list[str] = []
    for block in blocks:
        entry = layer.get(block.id or "")
        if entry is None:
            continue  # editorial: not printed in the paper
        attrs = f"{{: #{block.id} .{RECORD_CLASS} }}"
        if block.kind == "heading":
            level = min(6, block.level + shift)
            lines += [f"{'#' * level} {entry.text} {{ #{block.id} .{RECORD_CLASS} }}", ""]
        else:
            text = with_printed_citations(entry, citations.get(block.id, []), to_references)
            # The editors' queries, on the record too (markdown.change_marks marks the words
            # asked about where they are printed; markdown.reading_markers adds the question).
            queries = [f"<!-- query: {note} -->" for kind, note, _ in block.notes if kind == "query"]
            lines += [*queries, _escaped(text), attrs, ""]
    return lines


def _front_markdown(root: Path, paper: dict) -> list[str]:
    """The article's front as printed (published/front.yml): title, byline, affiliations."""
    path = root / "published" / "front.yml"
    front = load(path.read_text(encoding="utf-8"), "published/front.yml") or {} if path.exists() else {}
    lines = [f"# {front.get('title', paper.get('title', ''))} {{ #record-title }}", ""]
    if front.get("byline"):
        # "Sarmadi^{1*}": the transcript's way of writing a superscript.
        byline = SUPERSCRIPT.sub(r"<sup>\1</sup>", str(front["byline"]))
        lines += [_escaped(byline), "{: .record-byline }", ""]
    for affiliation in front.get("affiliations") or []:
        lines += [_escaped(str(affiliation)), "{: .record-affiliation }", ""]
    if front.get("corresponding"):
        # "***Corresponding Author**": the author's mark "*", then bold words.
        corresponding = str(front["corresponding"])
        corresponding = "\\" + corresponding if corresponding.startswith("*") else corresponding
        lines += [corresponding, "{: .record-corresponding }", ""]
    return lines


def record_pages(root: Path, docs_dir: str, titles: dict[str, str], paper: dict) -> list[RecordPage]:
    """Every page of the record, in the paper's order (`titles`: the nav's titles of the
    reading pages, in order; the home page holds the front and abstract)."""
    layer = load_layer(root)
    citations = load_citations(root, layer)
    pages, _ = load_pages(root, docs_dir)
    order = [page for page in titles if page in pages] + sorted(p for p in pages if p not in titles)
    made: list[RecordPage] = []
    sections = []
    for page in order:
        blocks = pages[page]
        if not any(b.id in layer for b in blocks):
            continue
        if page == "index.md":
            body = _front_markdown(root, paper) + _blocks_markdown(blocks, layer, citations, f"../{REFERENCES}")
            # Links between record pages: they are siblings in as-published/.
            contents = [
                line
                for p in order
                if p != "index.md" and any(b.id in layer for b in pages[p])
                for line in (f"[{titles.get(p, p)}]({p})", "{: .record-contents }", "")
            ]
            body += [
                "## Contents { #record-contents }",
                "",
                *contents,
                "[The whole paper as published, on one page](whole-paper.md)",
                "{: .record-contents }",
                "",
            ]
            title = "The paper as published"
        else:
            body = _blocks_markdown(blocks, layer, citations, f"../{REFERENCES}")
            title = f"{titles.get(page, page.removesuffix('.md'))} (as published)"
            sections.append(page)
        made.append(RecordPage(record_uri(page), page, title, _page(title, page, body)))
    whole = _front_markdown(root, paper)
    # Its own contents: the record's pages are outside the navigation, whose table of
    # contents they do without.
    for page in sections:
        heading = next((b for b in pages[page] if b.kind == "heading" and b.id in layer), None)
        if heading is not None:
            whole += [f"[{layer[heading.id].text}](#{heading.id})", "{: .record-contents }", ""]
    for page in [p for p in ["index.md", *sections] if p in pages]:
        whole += _blocks_markdown(pages[page], layer, citations, f"../{REFERENCES}", shift=1)
    made.append(
        RecordPage(
            WHOLE_PAPER,
            "print_page.md",
            "The whole paper as published",
            _page("The whole paper as published", "print_page.md", whole, search=False),
        )
    )
    return made


def _page(title: str, reading: str, body: list[str], search: bool = True) -> str:
    front = [
        "---",
        f"title: {json.dumps(title, ensure_ascii=False)}",
        "record: true",  # JSON is YAML, unfolded
        f"reading: {reading}",
        "hide:",
        "  - toc",
    ]
    if not search:  # its text is in the index already, under the sections
        front += ["search:", "  exclude: true"]
    return "\n".join(front + ["---", "", *body]).rstrip("\n") + "\n"


CORRECTED_LABEL, PUBLISHED_LABEL = "corrected reading", "as published"


def name_the_readings(index: dict, pairs: dict[str, str]) -> dict:
    """Material's search index (search_index.json) with each page of either reading named
    so in its title, which a search result shows: "Social Impacts (corrected reading)",
    "Social Impacts (as published)". `pairs`: reading page's site path -> its record's."""

    def site_path(location: str) -> str:
        return location or "./"

    readings, records = set(pairs), set(pairs.values())
    for document in index.get("docs", []):
        location = document.get("location", "")
        if "#" in location:
            continue  # a section: shown under its page's title
        label = (
            CORRECTED_LABEL
            if site_path(location) in readings
            else PUBLISHED_LABEL
            if site_path(location) in records
            else None
        )
        if label and not document["title"].endswith(f"({label})"):
            document["title"] = f"{document['title']} ({label})"
    return index


def redirect_stub(target: str) -> str:
    """A page that sends the reader on to `target` (relative), keeping the #anchor: the
    same as mkdocs-redirects writes for the reading pages."""
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Redirecting...</title>\n'
        f'<meta http-equiv="refresh" content="0; url={target}">\n'
        f'<script>var anchor=window.location.hash.substr(1);location.href="{target}"+(anchor?"#"+anchor:"")'
        '</script>\n</head><body>Redirecting to <a href="' + target + '">' + target + "</a>...</body></html>\n"
    )


def record_redirects(redirect_maps: dict[str, str], records: dict[str, str]) -> dict[str, str]:
    """A reading page's redirect (mkdocs.yml, redirect_maps: old.md -> new.md) is its
    record's too: old record source ("as-published/old.md") -> the new reading page, for
    every redirect whose target has a record (`records`: reading page -> its record's
    source) and whose old record is not a page still."""
    return {
        record_uri(old): new
        for old, new in redirect_maps.items()
        if new in records and record_uri(old) not in records.values()
    }


def pairs_data(pairs: list[tuple[str, str, str, str]], site_url: str | None, changes: dict[str, str]) -> dict:
    """What templates and scripts need of the (reading source, reading URL, record source,
    record URL) pairs: for the reading switch, the metadata and readings.js. `changes`:
    reading page -> the URL of its changes JSON, which readings.js finds by record page."""
    site = (site_url or "").rstrip("/") + "/"
    return {
        "pages": {source: made_url for source, _, _, made_url in pairs},  # reading page -> its record
        "readings": {made: url for _, url, made, _ in pairs},  # record page -> its reading
        "urls": {url: made_url for _, url, _, made_url in pairs},  # site paths, for readings.js
        "fulltext": site + next((made_url for _, _, made, made_url in pairs if made == WHOLE_PAPER), ""),
        "sources": {source: made for source, _, made, _ in pairs},
        "changes": {made_url: changes[source] for source, _, _, made_url in pairs if source in changes},
    }
