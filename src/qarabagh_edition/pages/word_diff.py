"""Word differences between a paragraph as printed and as read: the whole paragraph with
its changed words marked (the Corrections page), or only the changes, each with a few words
either side (what a corrected paragraph's marker opens)."""

from __future__ import annotations

import difflib
import html
import re

CONTEXT_WORDS = 4  # words shown either side of a change beside a corrected paragraph


def strip_emphasis(text: str) -> str:
    """The words of a Markdown inline text without its `*emphasis*` markers."""
    return re.sub(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])", r"\1", text)


def _opcodes(published: str, corrected: str):
    old, new = strip_emphasis(published).split(), strip_emphasis(corrected).split()
    return tuple(old), tuple(new), tuple(difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes())


def _changed(old, new, i1, i2, j1, j2) -> list[str]:
    out = []
    if i2 > i1:
        out.append(f"<del>{html.escape(' '.join(old[i1:i2]))}</del>")
    if j2 > j1:
        out.append(f"<ins>{html.escape(' '.join(new[j1:j2]))}</ins>")
    return out


def word_diff(published: str, corrected: str) -> str:
    """The whole paragraph, its changed words as <del>/<ins> (the Corrections page)."""
    old, new, opcodes = _opcodes(published, corrected)
    out = []
    for op, i1, i2, j1, j2 in opcodes:
        out += [html.escape(" ".join(old[i1:i2]))] if op == "equal" else _changed(old, new, i1, i2, j1, j2)
    return " ".join(out)


def changes_in_context(published: str, corrected: str, context: int = CONTEXT_WORDS) -> str:
    """Only the changes, each with a few words either side, joined by " … "."""
    old, new, opcodes = _opcodes(published, corrected)
    pieces: list[str] = []
    for index, (op, i1, i2, j1, j2) in enumerate(opcodes):
        if op != "equal":
            pieces += _changed(old, new, i1, i2, j1, j2)
            continue
        words = [html.escape(word) for word in old[i1:i2]]
        first, last = index == 0, index == len(opcodes) - 1
        if first and last:
            continue
        if first:
            pieces.append(("… " if len(words) > context else "") + " ".join(words[-context:]))
        elif last:
            pieces.append(" ".join(words[:context]) + (" …" if len(words) > context else ""))
        elif len(words) <= 2 * context + 1:
            pieces.append(" ".join(words))
        else:
            pieces.append(" ".join(words[:context]) + " … " + " ".join(words[-context:]))
    return " ".join(pieces)
