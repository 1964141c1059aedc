"""What nh3 took out of a fragment under an allowlist, named: the fragment and nh3's
result are parsed with an HTML5 parser (tinyhtml5, which WeasyPrint already brings) and
compared as trees, so that mere re-serialisation (quotes, entities) is not taken for a
change.
"""

from __future__ import annotations

import html
import re
import secrets
from collections import Counter
from dataclasses import dataclass

import nh3
import tinyhtml5

from qarabagh_edition.rules.allowlist import SOURCE, Allowlist, sanitize


@dataclass(frozen=True)
class Removed:
    """Something nh3 removed or changed: an element, or an attribute of an element."""

    tag: str
    attribute: str | None = None
    value: str | None = None


XHTML = "{http://www.w3.org/1999/xhtml}"


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1]


def _style(value: str) -> str:
    # nh3 rewrites the declarations it keeps ("text-align: left;" -> "text-align:left").
    declarations = (d.split(":", 1) for d in value.split(";") if ":" in d)
    return ";".join(sorted(f"{p.strip().lower()}:{v.strip()}" for p, v in declarations))


def _inventory(fragment: str) -> tuple[Counter, Counter]:
    """Elements and (element, attribute, value) triples of an HTML fragment, as counts."""
    body = tinyhtml5.parse(f"<!doctype html><html><head></head><body>{fragment}</body></html>")
    elements: Counter = Counter()
    attributes: Counter = Counter()
    for name, value in body.attrib.items():  # <html>: see below
        attributes[("html", _local(name), value)] += 1
    for head_or_body in body:
        for element in head_or_body.iter():
            if not isinstance(element.tag, str):
                continue  # comments
            if _local(element.tag) in ("html", "head", "body"):
                # The document around the fragment has no attributes of its own: any it has
                # came from a <body onload=...> or <html ...> in the fragment, which
                # browsers move onto the page's own <body> and <html>.
                for name, value in element.attrib.items():
                    attributes[(_local(element.tag), _local(name), value)] += 1
                continue
            if not element.tag.startswith(XHTML) and _local(element.tag) not in ("svg", "math"):
                continue  # inside <svg> or <math>: reported as that element
            tag = _local(element.tag)
            elements[tag] += 1
            for name, value in element.attrib.items():
                name = _local(name)
                if name == "class":
                    for cls in value.split():
                        attributes[(tag, "class", cls)] += 1
                else:
                    attributes[(tag, name, _style(value) if name == "style" else value)] += 1
    return elements, attributes


def _end_mark() -> tuple[str, tuple[str, str, str]]:
    """A mark no page can contain, a new random ID each time: a mark written in the page
    itself would vouch for markup left open before the real one."""
    ident = f"end-of-fragment-{secrets.token_hex(8)}"
    return f'<p id="{ident}"></p>', ("p", "id", ident)


def _nothing_removed(rendered: str, cleaned: str) -> bool:
    """A quick answer for a clean page, which nh3 re-serialises but leaves whole: cleaned
    again with everything the page could hold allowed (every tag-like and attribute-like
    name and URL scheme in its text, a superset), it comes out the same, so the allowlist
    took nothing out. Anything else goes to the full comparison of the two parsed trees,
    which also names what was removed; so does foreign content (SVG, MathML), which nh3
    may take out whatever it is told. (Parsing the Corrections page as a tree twice took
    0.9 s of every rebuild; this, 0.1 s.)"""
    lowered = rendered.lower()
    if any(f"<{name}" in lowered for name in ("svg", "math", "html", "head", "body", "frameset")):
        return False  # nh3 drops or ignores these whatever it is told: the full comparison sees them
    try:
        everything = nh3.clean(
            rendered,
            tags={name.lower() for name in re.findall(r"<([A-Za-z][^\s/>]*)", rendered)},
            attributes={"*": {name.lower() for name in re.findall(r"[\s\"'/]([^\s\"'>/=<]+)", rendered)}},
            # URLs as nh3 reads them: character references decoded, tabs and line breaks
            # dropped, any case ("JAVA&#09;SCRIPT:" is javascript:).
            url_schemes=set(
                re.findall(r"([a-z][a-z0-9+.-]*):", re.sub(r"[\t\n\r]", "", html.unescape(rendered)).lower())
            ),
            clean_content_tags=set(),
            strip_comments=False,
            link_rel=None,
        )
    except BaseException:  # nh3 refuses a name it was given: let the full comparison decide
        return False
    return everything == cleaned


def removed_by_sanitizer(rendered: str, allowlist: Allowlist = SOURCE) -> list[Removed]:
    """What the allowlist refuses in a rendered fragment (a page's content, a piece of it):
    empty when it passes."""
    # A fragment is judged with a mark after it: markup left open at its end (a tag, an
    # attribute value, a comment) would take in what the template puts after it, and
    # parsed alone it is simply dropped. Followed by the mark, the open tag shows its
    # attributes, and open markup that swallows the mark is reported as such.
    mark, mark_id = _end_mark()
    rendered = rendered + mark
    cleaned = sanitize(rendered, allowlist)
    closed = cleaned.endswith(mark)  # else the mark was taken into open markup, or an open element
    if closed and (cleaned == rendered or _nothing_removed(rendered, cleaned)):
        return []
    before_elements, before_attributes = _inventory(rendered)
    if before_attributes[mark_id] < 1:
        return [Removed("end", "open", "markup left open at the end")]
    after_elements, after_attributes = _inventory(cleaned)
    removed = [Removed(tag) for tag in (before_elements - after_elements)]
    dropped_tags = {r.tag for r in removed}
    for tag, attribute, value in before_attributes - after_attributes:
        if tag in dropped_tags and before_elements[tag] == (before_elements - after_elements)[tag]:
            continue  # every such element went, its attributes with it
        removed.append(Removed(tag, attribute, value))
    return removed
