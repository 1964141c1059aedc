"""Text that becomes a title is plain text: no `<`, `>` or `"`, written or as a
character reference.

A heading's words become the page's <title>, its table-of-contents entry and, when they
overflow, a tooltip; a front matter `title` or `description`, a glossary entry's name and
a timeline event's title become headings and metadata. Templates and scripts handle
these as text, and must; but a character reference that decodes to markup (`&lt;`,
`&#60`, `&#x3C;`, `&LT`: HTML also reads most of them without the semicolon) turns back
into markup wherever one of them unescapes it (Jinja's `striptags`, a script's
`innerText` written back as HTML). So titles carry none, in any spelling: HTML's own
decoding (`html.unescape`, the HTML5 table) decides what a reference is.
"""

from __future__ import annotations

import html
import re

MARKUP = re.compile(r'[<>"]')


def markup_in(text: str) -> str | None:
    """The first markup character `text` holds once character references are decoded,
    as often as they decode (`&amp;lt;` is `&lt;` printed once, `<` unescaped twice)."""
    for _ in range(8):
        decoded = html.unescape(text)
        found = MARKUP.search(decoded)
        if found or decoded == text:
            return found.group(0) if found else None
        text = decoded
    return "&"  # still decoding: no title needs that many


def how(character: str) -> str:
    return {'"': "write “ ” for quotation marks", "<": "write ‹ or ⟨, or reword", ">": "write › or ⟩, or reword"}.get(
        character, "write the characters themselves"
    )


def heading_problems(tree, source: str, shown: str) -> list[str]:
    """`file:line:` for every heading of a rendered page whose text holds markup characters."""
    problems = []
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag.rsplit("}", 1)[-1] not in (
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
        ):
            continue
        text = _words_of(element)  # references decoded once by the parser
        found = markup_in(text)
        if found:
            problems.append(
                f"{shown}:{_line_of(element, text, source)}: the heading '{' '.join(text.split())[:60]}' "
                f"contains {found!r} (written or as a character reference): a heading becomes the "
                f"page's title and its contents entry, which are plain text ({how(found)})"
            )
    return problems


def _words_of(heading) -> str:
    """A heading's text, all of it (judged without toc's "¶" permalink: html_allowlist.page_markdown)."""
    parts = [heading.text or ""]
    for child in heading:
        parts.append(_words_of(child) if isinstance(child.tag, str) else "")
        parts.append(child.tail or "")
    return "".join(parts)


def _line_of(element, text: str, source: str) -> int:
    ident = element.get("id")
    lines = source.split("\n")
    for number, line in enumerate(lines, start=1):
        if line.lstrip().startswith("#") and ident and f"#{ident}" in line:
            return number
    words = text.split()[:2]
    for number, line in enumerate(lines, start=1):
        if line.lstrip().startswith("#") and all(word in html.unescape(line) for word in words):
            return number
    return 1


def data_problems(actors, events, glossary: str, timeline: str) -> list[str]:
    """`file:line:` for every glossary name and timeline title (headings of the generated
    pages, and their tooltips) that holds markup characters."""
    problems = []
    for actor in actors.values():
        found = markup_in(actor.name)
        if found:
            problems.append(
                f"{glossary}:{actor.line}: the name of '{actor.id}' contains {found!r} (written or as a "
                f"character reference): a name is a heading and a tooltip, plain text ({how(found)})"
            )
    for event in events:
        found = markup_in(str(event.title))
        if found:
            problems.append(
                f"{timeline}:{event.line}: the title of '{event.id}' contains {found!r} (written or as a "
                f"character reference): a title is a heading, plain text ({how(found)})"
            )
    return problems
