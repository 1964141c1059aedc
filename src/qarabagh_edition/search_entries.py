"""Search by paragraph: each paragraph of the paper is a search result that opens it.

Material's search plugin cuts a page at its headings, so a result opened the heading of a
section of a dozen paragraphs, and the reader looked for the words. On the pages that have
paragraphs (both readings), this module makes the index's entries from the same rendered
blocks as every other output: one entry per paragraph (`page/#social-15`, titled "¶ 15"),
one per editorial query or note with an ID, and one per heading for what is not a paragraph (lists, notes, the actors), in Material's
own form (text with the few tags its parser keeps). The page's own entry keeps its title
and gets the text before its first heading that is not a paragraph.

A paragraph's title is its number, not its heading: titles weigh a thousand times more
than text in Material's index, so a heading's words in every paragraph's title would rank
all of a section's paragraphs above the one that has the words.

What Material's parser leaves out is left out here the same way: `data-search-exclude`
(the conj. marks, the reading markers, editorial badges), permalinks, scripts and styles.
"""

from __future__ import annotations

import re
from html import escape

KEEP = {"p", "code", "pre", "li", "ol", "ul", "sub", "sup"}  # the tags Material's index keeps
SKIP = {"script", "style", "object"}
HEADINGS = {f"h{level}" for level in range(1, 7)}


def _left_out(element) -> bool:
    return (
        not isinstance(element.tag, str)  # comments, processing instructions
        or element.tag in SKIP
        or element.get("data-search-exclude") is not None
        or "headerlink" in (element.get("class") or "").split()
    )


def _markup(element) -> str:
    """The element as Material's index holds it: its text, escaped, within the tags kept."""
    if _left_out(element):
        return ""
    inner = escape(element.text or "", quote=False) + "".join(
        _markup(child) + escape(child.tail or "", quote=False) for child in element
    )
    return f"<{element.tag}>{inner}</{element.tag}>" if element.tag in KEEP else inner


def _plain(markup: str) -> str:
    return re.sub(r"\s+", " ", markup).strip()


def _is_paragraph(element) -> bool:
    return element.get("data-paragraph") is not None and bool(element.get("id"))


def _is_note(element) -> bool:
    """An editorial note or query with an ID: a result of its own, which opens it."""
    return element.tag == "aside" and bool(element.get("id"))


def _holds_blocks(element) -> bool:
    """Whether a paragraph or a heading with an ID is inside: then it is walked into."""
    return any(
        _is_paragraph(inner) or _is_note(inner) or (inner.tag in HEADINGS and inner.get("id"))
        for inner in element.iterdescendants()
        if isinstance(inner.tag, str)
    )


def has_paragraphs(root) -> bool:
    return any(_is_paragraph(element) for element in root.iter() if isinstance(element.tag, str))


def page_entries(url: str, root) -> tuple[str, list[dict]]:
    """(the page entry's text, the page's other entries, in order) for the page at `url`
    (its site path) whose content is the lxml tree `root`."""
    preface, entries, current = [], [], None  # current: the heading entry text goes to

    def add_text(markup: str) -> None:
        (current["text"] if current is not None else preface).append(markup)

    def walk(element) -> None:
        nonlocal current
        for child in element:
            if _left_out(child):
                pass
            elif child.tag in HEADINGS and child.get("id") and child.tag != "h1":
                current = {"location": f"{url}#{child.get('id')}", "title": _plain(_markup(child)), "text": []}
                entries.append(current)
            elif child.tag in HEADINGS:
                pass  # the page's title: its entry is the page's
            elif _is_paragraph(child):
                number = child.get("data-paragraph")
                text = _plain(_markup(child))
                entries.append({"location": f"{url}#{child.get('id')}", "title": f"¶ {number}", "text": text})
            elif _is_note(child):
                title = escape(child.get("aria-label") or "Editorial note", quote=False)
                entries.append({"location": f"{url}#{child.get('id')}", "title": title, "text": _plain(_markup(child))})
            elif _holds_blocks(child):
                add_text(escape(child.text or "", quote=False))
                walk(child)
            else:
                add_text(_markup(child))
            add_text(escape(child.tail or "", quote=False))

    walk(root)
    for entry in entries:
        if isinstance(entry["text"], list):
            entry["text"] = _plain("".join(entry["text"]))
    return _plain("".join(preface)), entries


def by_paragraph(index: dict, pages: dict[str, tuple[str, list[dict]]]) -> dict:
    """Material's search index with the entries of `pages` (site path -> `page_entries`)
    in place of the sections Material cut at headings; other pages' entries kept."""
    docs = []
    for document in index.get("docs", []):
        page, _, anchor = document.get("location", "").partition("#")
        if page not in pages:
            docs.append(document)
        elif not anchor:
            text, entries = pages[page]
            docs.append({**document, "text": text})
            docs.extend(entries)
    return {**index, "docs": docs}
