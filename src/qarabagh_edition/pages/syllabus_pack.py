"""The Syllabus pack page's data: every paragraph of the paper, as built, inline in one page.

An instructor ticks paragraphs or whole sections on the reading pages
(assets/javascripts/pack.js) and the pack page (docs/pack.md) assembles them into a
printable excerpt: each paragraph's number, text, permanent link and the full
references it cites, with the paper's citation at the top. The site is static and
must also work opened from disk (file://), where a script cannot fetch other pages;
so the pack page carries the paragraphs itself, as JSON in
`<script type="application/json" id="pack-data">`.

The data is taken from the pages' content as rendered and annotated (the build combines
it once every page is rendered, as it does the whole paper), so the pack shows exactly
what a reader sees: the corrected reading with its glossary links and citations, not a
second rendering of the Markdown that could drift from it. Search skips the script
element it is written in, so the whole paper is not indexed again under "Syllabus pack".

Paragraphs are the blocks whose permanent ID ends in a number (`social-12`), the
same ones that get the "¶ N" button (assets/javascripts/cite.js), on every page of the
navigation that is not editorial (the home page holds the abstract and keywords).
"""

from __future__ import annotations

import json
from copy import deepcopy

from lxml import html as lxml_html

from qarabagh_edition.downloads.whole_paper import Section, inner_html
from qarabagh_edition.urls import rebase

# Editorial matter kept inside a paragraph's element: not part of the paper's text.
EDITORIAL_CLASSES = {"reading-marker", "paragraph-tools", "editorial-badge"}
EDITORIAL_ELEMENTS = {("aside", "editorial-note")}


def _shown_only_with_changes(element) -> bool:
    """The marks "Show changes" draws (markdown.change_marks): the pack has no such switch,
    so they go and their words stay; a conjecture stays marked, with its "conj."."""
    classes = _classes(element)
    return element.tag == "span" and (
        "queried" in classes or "change" in classes and "change--conjecture" not in classes
    )


def _classes(element) -> set[str]:
    return set((element.get("class") or "").split())


def _in_footnotes(element) -> bool:
    return any("footnote" in _classes(ancestor) for ancestor in element.iterancestors())


def _drop(element) -> None:
    """Take an element out of its tree, keeping the text that follows it."""
    parent, tail = element.getparent(), element.tail or ""
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(element)


def _editorial(element) -> bool:
    classes = _classes(element)
    return bool(classes & EDITORIAL_CLASSES) or any(
        element.tag == tag and name in classes for tag, name in EDITORIAL_ELEMENTS
    )


def _references(root) -> dict[str, dict]:
    """Full references of the page's footnotes (citations), by citation key."""
    references = {}
    for item in root.iter("li"):
        ident = item.get("id") or ""
        if not ident.startswith("fn:") or not _in_footnotes(item):
            continue
        item = deepcopy(item)
        for backref in [a for a in item.iter("a") if "footnote-backref" in _classes(a)]:
            _drop(backref)
        paragraphs = item.findall("p")
        inner = paragraphs[0] if len(paragraphs) == 1 else item
        references[ident[3:]] = {"html": inner_html(inner).strip(), "text": " ".join(inner.text_content().split())}
    return references


class PackError(Exception):
    """A page's paragraphs cannot go into the pack (the message says where and why)."""


def page_paragraphs(section: Section, shown: str, pack_path: str, site_url: str) -> list[dict]:
    """The paragraphs of a section (its parsed content, shared with the whole paper), ready
    for the pack. Runs before the whole paper renames the section's IDs: it reads the tree
    and changes only copies of its paragraphs."""
    references = _references(section.root)
    url = site_url + section.path
    found = []
    # The paper's numbered blocks, as markdown/paragraph_numbers marks them (data-paragraph).
    for element in section.root.iter("p", "li"):
        if not (element.get("id") and element.get("data-paragraph")) or _in_footnotes(element):
            continue
        copy = deepcopy(element)  # a detached copy to trim, leaving the page's tree as it is
        for part in [e for e in copy.iterdescendants() if isinstance(e.tag, str) and _editorial(e)]:
            if part.getparent() is not None:
                _drop(part)
        for mark in [e for e in copy.iterdescendants() if isinstance(e.tag, str) and _shown_only_with_changes(e)]:
            mark.drop_tag()  # lxml.html: the element goes, its text and children stay
        keys = []
        for ref in copy.iter("a"):
            href = ref.get("href") or ""
            if "footnote-ref" in _classes(ref) and href.startswith("#fn:"):
                ref.set("data-cite-key", href[4:])
                del ref.attrib["href"]
                if href[4:] not in keys:
                    keys.append(href[4:])
        for tag in copy.iterdescendants():
            if not isinstance(tag.tag, str):
                continue
            tag.attrib.pop("id", None)  # would clash on the pack page, where paragraphs meet
            for attribute in ("href", "src"):
                if tag.get(attribute) is not None:
                    tag.set(attribute, rebase(tag.get(attribute), section.path, pack_path))
        missing = [key for key in keys if key not in references]
        if missing:
            raise PackError(
                f"syllabus pack: {shown}: #{element.get('id')} cites "
                f"{', '.join(missing)}, which the page's references do not list"
            )
        found.append(
            {
                "id": element.get("id"),
                "number": int(element.get("data-paragraph")),
                "section": section.title,
                "path": section.path,
                "url": f"{url}#{element.get('id')}",
                "corrected": element.get("data-reading") == "corrected",
                "html": inner_html(copy).strip(),
                "citations": [{"key": key, **references[key]} for key in keys],
            }
        )
    return found


def pack_data(pages: list[tuple[str, Section]], pack_path: str, site_url: str, cite: dict, editors: str) -> dict:
    """Everything the pack page shows, from the sections of the paper (in reading order),
    each with the source file errors name."""
    edition = cite.get("edition") or {}
    version = (
        f"version of {edition['date']}, commit {edition['short']}"
        if edition.get("commit")
        else "unversioned working copy"
    )
    paragraphs, sections, seen = [], [], set()
    for shown, page in pages:
        found = page_paragraphs(page, shown, pack_path, site_url)
        for paragraph in found:
            if paragraph["id"] in seen:
                raise PackError(f"syllabus pack: paragraph ID {paragraph['id']} appears twice")
            seen.add(paragraph["id"])
            paragraphs.append(paragraph)
        if found:
            sections.append({"title": page.title, "path": page.path})
    return {
        "paper": {
            "chicago": cite.get("chicago", ""),
            # Which text the pack reproduces: this edition's corrected reading.
            "edition": (
                f'Corrected English edition by {editors.lower()}, {version}. <a href="{site_url}">{site_url}</a>.'
            ),
        },
        "site_url": site_url,
        "pack_url": site_url + pack_path,
        "sections": sections,
        "paragraphs": paragraphs,
    }


def with_pack_data(html: str, data: dict, shown: str) -> str:
    """The pack page's content with its data (JSON, as text) right after its root, <div id="pack-root">,
    where pack.js looks for it (from the root, not by an ID the content could also give)."""
    page = lxml_html.fragment_fromstring(html, create_parent="div")
    root = next((e for e in page.iter("div") if e.get("id") == "pack-root"), None)
    if root is None:
        raise PackError(
            f'syllabus pack: {shown}: the pack\'s root, <div id="pack-root"></div>, is missing from the built page '
            "(put it back in docs/pack.md)"
        )
    # Text in a hidden element, not a <script type="application/json">: Material's instant
    # navigation re-creates every inline script of the page it shows as a plain script, and
    # ran the data as code. Its text is escaped as any text is; left out of the search index.
    holder = lxml_html.Element("div", {"id": "pack-data", "hidden": "hidden", "data-search-exclude": ""})
    holder.text = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
    holder.tail, root.tail, root.text = root.tail, "\n", None  # as before: an empty root, then the data
    root.addnext(holder)
    return inner_html(page)
