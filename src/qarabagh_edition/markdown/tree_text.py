"""Walking and rewriting the text of an ElementTree the way a reader meets it: in
document order, element text and tails alike, leaving raw-HTML placeholders alone."""
from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable

# Python-Markdown's stash placeholders (raw HTML, entities): "\x02wzxhzdk:12\x03".
PLACEHOLDER = re.compile("(\x02[^\x03]*\x03)")

# A function from a piece of text to what replaces it: strings and elements, in order.
Rewrite = Callable[[str], list]


def _rewritten(text: str, rewrite: Rewrite) -> tuple[str, list[etree.Element]]:
    """(text before the first new element, new elements with their tails)."""
    head, elements = "", []
    for piece in PLACEHOLDER.split(text):
        # A placeholder stands for markup: the text on either side is matched apart.
        parts = [piece] if not piece or PLACEHOLDER.fullmatch(piece) else rewrite(piece)
        for part in parts:
            if isinstance(part, str):
                if elements:
                    elements[-1].tail = (elements[-1].tail or "") + part
                else:
                    head += part
            else:
                elements.append(part)
    return head, elements


def rewrite_text(element: etree.Element, rewrite: Rewrite, skip: Callable[[etree.Element], bool]) -> None:
    """Apply `rewrite` to every piece of text inside `element`, in document order, but
    not inside descendants for which `skip` is true (their tails are still rewritten).
    Elements the rewrite makes are not walked into."""
    originals = list(element)
    if element.text:
        element.text, new = _rewritten(element.text, rewrite)
        for index, made in enumerate(new):
            element.insert(index, made)
    for child in originals:
        if not skip(child):
            rewrite_text(child, rewrite, skip)
        if child.tail:
            child.tail, new = _rewritten(child.tail, rewrite)
            at = list(element).index(child) + 1
            for offset, made in enumerate(new):
                element.insert(at + offset, made)
