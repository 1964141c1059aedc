"""Names the site's own templates and scripts use are not the content's.

A script that looks an element up by its ID takes the first one in the page: content
holding that ID first would hand it the content's element (its "data", its text) in
place of the template's. And a class the edition styles or scripts by (text shown only
without JavaScript) changes what the page does. So these IDs, and the IDs starting with
these prefixes, are the edition's; content that gives one stops the build. The few the
edition places in its own pages through Markdown are listed with the page, once each.

Found by reading overrides/ (templates, scripts) and the hooks for what they look up or
write (getElementById, querySelector('#...'), id="..."); tests/test_markup_safety.py
reads them again and fails when one is missing here.
"""

from __future__ import annotations

import re

RESERVED_IDS = {
    # templates (main.html, paper-home.html, partials/cite-this.html)
    "cite-this",
    "edition-readings",
    "title",
    # scripts (edition.js, tooltips.js, pack.js, pack-page.js, cite.js, readings.js)
    "copy-status",
    "pack-status",
    "edition-tooltip",
    "pack-link",
    "pack-root",
    "pack-data",
    "pack-links-text",
    # pages and headings the hooks write (whole paper, record, glossary, timeline, references)
    "whole-paper",
    "whole-paper-contents",
    "contents",
    "record-title",
    "record-contents",
    "actors-in-this-section",
    "events",
    "editorial-context",
    "bibliography",
    "citation-audit",
    # Material's own (besides its "__" names, which no ID may start with)
    "top",
    # the scripts' globals: an element's ID is also a name on `window`
    "edition",
    "editionGlossary",
}
RESERVED_PREFIXES = (
    "cite-",
    "edition-",
    "pack-",
    "published-",
    "conjecture-",
    "query-",
    "whole-paper",
    "record-",
    "ref-",
    "type-",
)

# The edition's own pages place a few of them in their Markdown, each once.
EDITION_PLACES = {
    "docs/pack.md": {("id", "pack-root"), ("class", "pack-root"), ("class", "needs-javascript")},
}
# Classes that change what a page does: only where EDITION_PLACES puts them.
RESERVED_CLASSES = {"needs-javascript", "pack-root"}
# Classes the footnotes extension writes on its links, with the only link it writes: a
# page giving one to its own words would have them hidden (Material sets a back-link's
# text in size 0) or taken for a footnote. (href prefix, text)
FOOTNOTE_LINKS = {"footnote-backref": ("#fnref:", "\u21a9"), "footnote-ref": ("#fn:", None)}


def is_reserved(ident: str) -> bool:
    return ident in RESERVED_IDS or ident.startswith(RESERVED_PREFIXES)


def page_problems(tree, source: str, shown: str) -> list[str]:
    """`file:line:` for every reserved ID or class in a rendered page of docs/."""
    allowed = EDITION_PLACES.get(shown, set())
    seen: dict = {}  # (kind, name) -> elements with it so far
    problems = []
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        names = [("id", element.get("id"))] if element.get("id") else []
        names += [("class", c) for c in (element.get("class") or "").split() if c in RESERVED_CLASSES]
        names += [
            ("class", c)
            for c in (element.get("class") or "").split()
            if c in FOOTNOTE_LINKS and not _footnotes_own(element, *FOOTNOTE_LINKS[c])
        ]
        for kind, name in names:
            if kind == "id" and not is_reserved(name):
                continue
            seen[(kind, name)] = seen.get((kind, name), 0) + 1
            if (kind, name) in allowed and seen[(kind, name)] == 1:
                continue
            what = f"the ID '{name}'" if kind == "id" else f"the class '{name}'"
            line = _line_of(kind, name, source, seen[(kind, name)])
            problems.append(
                f"{shown}:{line}: {what} is the edition's own: its templates and "
                "scripts look it up, and would take this element for theirs (choose another name; IDs "
                f"starting {', '.join(RESERVED_PREFIXES)} are the edition's too)"
            )
    return problems


def _footnotes_own(element, prefix: str, text: str | None) -> bool:
    """Whether an element is the footnote link the extension writes: an <a> to a footnote,
    with its back-arrow or its number for text and nothing inside."""
    words = "".join(element.itertext())
    return (
        element.tag.rsplit("}", 1)[-1] == "a"
        and (element.get("href") or "").startswith(prefix)
        and len(element) == 0
        and (words == text if text else words.isdigit())
    )


def _line_of(kind: str, name: str, source: str, occurrence: int) -> int:
    """The line of the `occurrence`-th place the name is written (attr_list or HTML)."""
    mark = ("#" if kind == "id" else ".") + name
    pattern = re.compile(
        rf"""{re.escape(mark)}(?![\w-])|{kind}\s*=\s*["']?[^"'>]*(?<![\w-]){re.escape(name)}(?![\w-])"""
    )
    lines = source.split("\n")
    places = [number for number, line in enumerate(lines, start=1) for _ in pattern.finditer(line)]
    if places:
        return places[min(occurrence, len(places)) - 1]
    words = name.split("-")
    for number, line in enumerate(lines, start=1):  # a heading whose words made the ID
        if line.lstrip().startswith("#") and all(word in line.lower() for word in words):
            return number
    return 1


def data_problems(actors, events, glossary: str, timeline: str) -> list[str]:
    """The glossary's and the timeline's IDs become IDs of their pages: the same names are reserved."""
    problems = [
        f"{glossary}:{actor.line}: the id '{actor.id}' is the edition's own (its templates and scripts "
        "look it up): choose another"
        for actor in actors.values()
        if is_reserved(actor.id)
    ]
    problems += [
        f"{timeline}:{event.line}: the id '{event.id}' is the edition's own (its templates and scripts "
        "look it up): choose another"
        for event in events
        if is_reserved(str(event.id))
    ]
    return problems
