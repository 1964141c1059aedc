"""A block's text as one string, and wrapping a stretch of it in a new element.

The words a transform looks for may lie in several text nodes (an emphasis, a link, an
earlier transform's element): each transform reads the block's whole text, as a reader
reads it, finds what it looks for there, and wraps it where it stands. So the glossary
links and the lists of mentions read the same text, whatever elements a paragraph holds.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable

# Python-Markdown's stash placeholders (raw HTML, entities): "\x02wzxhzdk:12\x03".
PLACEHOLDER = re.compile("\x02[^\x03]*\x03")
# What a transform must not look into (a citation, a link, raw HTML) reads as this
# character: no word contains it, so nothing is found across or inside it.
OPAQUE = "\ufffc"

Test = Callable[[etree.Element], bool]


def block_text(element: etree.Element, opaque: Test) -> str:
    """The text inside `element`, in document order; a descendant for which `opaque` is
    true counts as one OPAQUE character, a placeholder as OPAQUE characters of its length."""
    parts = [element.text or ""]
    for child in element:
        parts += [OPAQUE if opaque(child) else block_text(child, opaque), child.tail or ""]
    return PLACEHOLDER.sub(lambda m: OPAQUE * len(m.group(0)), "".join(parts))


def _content(element: etree.Element) -> list:
    """An element's content as alternating strings and children, starting and ending with a string."""
    out: list = [element.text or ""]
    for child in element:
        out += [child, child.tail or ""]
    return out


def _set_content(element: etree.Element, content: list) -> None:
    text, children = "", []
    for piece in content:
        if isinstance(piece, str):
            if children:
                children[-1].tail = (children[-1].tail or "") + piece
            else:
                text += piece
        else:
            piece.tail = None
            children.append(piece)
    element.text = text or None
    del element[:]
    element.extend(children)


def _spans(content: list, opaque: Test) -> list[tuple[object, int, int]]:
    out, position = [], 0
    for piece in content:
        length = len(piece) if isinstance(piece, str) else 1 if opaque(piece) else len(block_text(piece, opaque))
        out.append((piece, position, position + length))
        position += length
    return out


def _splits_a_placeholder(text: str, at: int) -> bool:
    return any(m.start() < at < m.end() for m in PLACEHOLDER.finditer(text))


def crosses(element: etree.Element, start: int, end: int, opaque: Test) -> bool:
    """Whether [start, end) of `element`'s text crosses the edge of a descendant, or cuts
    an opaque one or a placeholder (so that one element cannot wrap it)."""
    spans = _spans(_content(element), opaque)
    for piece, begin, finish in spans:
        if not isinstance(piece, str) and begin <= start and end <= finish and not opaque(piece):
            return crosses(piece, start - begin, end - begin, opaque)  # all inside one child
    for piece, begin, finish in spans:
        if isinstance(piece, str):
            if _splits_a_placeholder(piece, start - begin) or _splits_a_placeholder(piece, end - begin):
                return True
        elif begin < start < finish or begin < end < finish:
            return True
    return False


def wrap(element: etree.Element, start: int, end: int, make: Callable[[], etree.Element], opaque: Test) -> None:
    """Wrap [start, end) of `element`'s text (as block_text counts it) in a new element
    made by `make`; where the stretch crosses the edge of a descendant, in one new element
    on each side of that edge. (An opaque descendant or a placeholder it would cut: see
    `crosses`.)"""
    spans = _spans(_content(element), opaque)
    for piece, begin, finish in spans:
        if not isinstance(piece, str) and begin <= start and end <= finish and not opaque(piece):
            return wrap(piece, start - begin, end - begin, make, opaque)  # all inside one child
    for piece, begin, finish in spans:  # the parts inside children, each wrapped there
        if isinstance(piece, str):
            continue
        if begin < start < finish:
            wrap(piece, start - begin, finish - begin, make, opaque)
        elif begin < end < finish:
            wrap(piece, 0, end - begin, make, opaque)
    # The rest, at this level: from the first whole piece to the last.
    start = next(
        (finish for piece, begin, finish in spans if not isinstance(piece, str) and begin < start < finish), start
    )
    end = next((begin for piece, begin, finish in spans if not isinstance(piece, str) and begin < end < finish), end)
    if start >= end:
        return
    before, inside, after = [], [], []
    for piece, begin, finish in spans:
        if isinstance(piece, str):
            before.append(piece[: max(0, start - begin)])
            inside.append(piece[max(0, start - begin) : max(0, end - begin)])
            after.append(piece[max(0, end - begin) :])
        else:
            (before if finish <= start else after if begin >= end else inside).append(piece)
    wrapper = make()
    _set_content(wrapper, inside)
    _set_content(element, before + [wrapper] + after)


def insert_at(element: etree.Element, offset: int, new: etree.Element, opaque: Test, enter: Test) -> None:
    """Put `new` at `offset` of `element`'s text, inside a descendant the offset falls in
    if `enter` allows, else just after that descendant (so a mark never lands in a link)."""
    content = _content(element)
    for index, (piece, begin, finish) in enumerate(_spans(content, opaque)):
        if isinstance(piece, str) and begin <= offset <= finish:
            at = offset - begin
            for m in PLACEHOLDER.finditer(piece):  # never inside a placeholder: after it
                if m.start() < at < m.end():
                    at = m.end()
            _set_content(element, content[:index] + [piece[:at], new, piece[at:]] + content[index + 1 :])
            return
        if not isinstance(piece, str) and begin < offset < finish:
            if enter(piece) and not opaque(piece):
                insert_at(piece, offset - begin, new, opaque, enter)
            else:
                _set_content(element, content[: index + 1] + [new] + content[index + 1 :])
            return
