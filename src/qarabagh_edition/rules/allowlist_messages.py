"""What the allowlist refused, told to a contributor: `file:line: what is not allowed (how
to fix it)`, the line found by looking for the refused thing in the source (best effort;
the decision itself was nh3's)."""

from __future__ import annotations

import html

from qarabagh_edition.rules.allowlist import RESOURCE_ATTRIBUTES
from qarabagh_edition.rules.allowlist_judgement import Removed

_ELEMENT_HINTS = {
    "script": "it would run code in readers' browsers",
    "style": "styles come from the edition's stylesheet",
    "link": "pages may not load stylesheets or other files",
    "meta": "it can redirect readers elsewhere",
    "base": "it changes where every link of the page goes",
    "form": "it could send readers' input to another site",
    "iframe": "pages may not embed other pages",
    "frame": "pages may not embed other pages",
    "object": "pages may not embed other content",
    "embed": "pages may not embed other content",
    "svg": "it can carry scripts and links of its own",
    "math": "it can carry links of its own",
}


def describe(item: Removed) -> str:
    """What is not allowed, and how to fix it (the part after `file:line: `)."""
    if item.tag == "end" and item.attribute == "open":
        return (
            "markup is left open at the end (a tag, a quoted value or a comment not closed): it would take "
            "in what follows it on the page (close it, or write the characters as text)"
        )
    if item.attribute is None:
        why = _ELEMENT_HINTS.get(item.tag, "it is not one of the elements a page may contain")
        return (
            f"the element <{item.tag}> is not allowed: {why} "
            "(write plain Markdown; README.md, section Security, lists what a page may contain)"
        )
    shown = f'{item.attribute}="{_short(item.value or "")}"' if item.attribute != "class" else f"class '{item.value}'"
    if item.attribute.lower().startswith("on"):
        return (
            f"the event attribute {shown} on <{item.tag}> is not allowed: it would run code in readers' "
            "browsers (remove it)"
        )
    if item.attribute == "class":
        return (
            f"{shown} on <{item.tag}> is not one of the edition's classes (remove it; README.md, "
            "section Security, lists the classes a page may use)"
        )
    if item.attribute == "style":
        return (
            f"the style {shown} on <{item.tag}> is not allowed (styles come from the edition's stylesheet; remove it)"
        )
    if (item.tag, item.attribute) in RESOURCE_ATTRIBUTES or item.attribute.startswith("data-"):
        return (
            f"{shown} on <{item.tag}> loads a file from elsewhere: pages may load files of this site only "
            "(put the file under docs/ and give its relative path)"
        )
    if item.attribute in ("href", "src"):
        return (
            f"the link {shown} on <{item.tag}> is not allowed: links may be relative, #anchors, or "
            "https:, http: or mailto: addresses (fix or remove it)"
        )
    if item.attribute == "id":
        return (
            f"the ID {shown} on <{item.tag}> is not a plain name (use lower-case words and numbers, e.g. 'social-12')"
        )
    return f"the attribute {shown} on <{item.tag}> is not allowed (remove it)"


def _short(value: str, limit: int = 60) -> str:
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1] + "…"


def source_line(source: str, item: Removed, first_line: int = 1) -> int:
    """The line of the Markdown source where the removed thing is written (best effort;
    the decision itself was nh3's). Lines are read with character references decoded."""
    lines = [html.unescape(line).lower() for line in source.split("\n")]
    if item.tag == "end":
        return max(first_line, len(lines))  # left open at the end of the page
    for needle in needles(item):
        for number, line in enumerate(lines, start=1):
            if number >= first_line and needle in line:
                return number
    return first_line


def needles(item: Removed) -> list[str]:
    """What to look for in a source to find where a removed thing is written, the most
    particular first: the attribute with its value, the value, the ID as attr_list
    writes it, the attribute's name, the tag (an image: also Markdown's `![`)."""
    if item.tag == "end":
        return []  # open markup at the end has nothing of its own to look for
    value = " ".join((item.value or "").split()).lower()[:40]
    found = []
    if item.attribute and value:
        attribute = item.attribute.lower()
        found += [f'{attribute}="{value}', f"{attribute}='{value}", f"{attribute}={value}"]
    if item.attribute == "id" and value:
        found += [f"#{value}", value]
    elif value:
        found.append(value)
    if item.attribute:
        found.append(item.attribute.lower())
    found.append(f"<{item.tag}")
    if item.tag == "img":
        found.append("![")
    return [needle for needle in found if needle]
