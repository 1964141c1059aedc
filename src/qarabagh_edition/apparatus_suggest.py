"""Change lines a contributor has not written yet: `scripts/apparatus suggest ID`.

A paragraph's apparatus already turns the printed words into a reading (every paragraph
has one). After an edit, the paragraph reads differently from what its lines give; what
is new is found by comparing the two, sentence by sentence, and each difference becomes
a line to write, with the place it goes: the lines apply in the order their words stand
in the paragraph, so a new line goes after the last line whose words come before it. A
difference in words an existing line already changes is that line's to say: it is shown
as that line rewritten, class and reason kept.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from qarabagh_edition.apparatus import ARROW, Change, apply, sentences


@dataclass
class Suggestion:
    line: str  # the change line, as it is written above the paragraph
    where: str  # where it goes, in words


def _spans(text: str, parts: list[str]) -> list[tuple[int, int]]:
    """Where each of `parts` (text's sentences, in order) stands in `text`."""
    spans, cursor = [], 0
    for part in parts:
        start = text.index(part, cursor)
        spans.append((start, start + len(part)))
        cursor = start + len(part)
    return spans


def _trimmed(old: str, new: str) -> tuple[int, int]:
    """Characters of the words the two share at the start and at the end (at least one
    word of each is left): a line names only what changes."""
    a, b = old.split(" "), new.split(" ")
    before = 0
    while before < min(len(a), len(b)) - 1 and a[before] == b[before]:
        before += 1
    after = 0
    while after < min(len(a), len(b)) - before - 1 and a[-1 - after] == b[-1 - after]:
        after += 1
    return sum(len(w) + 1 for w in a[:before]), sum(len(w) + 1 for w in a[len(a) - after :])


def suggest(base: str, changes: list[Change], reading: str, kind: str = "emendation") -> list[Suggestion]:
    """Lines for what `reading` changes beyond what `changes` (the paragraph's apparatus,
    in order) make of the printed text `base`."""
    expected, _ = apply(base, changes, "")
    placed = [c for c in changes if c.start >= 0]

    def printed(at: int) -> int:  # a place in `expected` outside the changes, in `base`
        return at - sum(len(c.new) - len(c.old) for c in placed if c.end <= at)

    old_parts, new_parts = sentences(expected), sentences(reading)
    old_spans, new_spans = _spans(expected, old_parts), _spans(reading, new_parts)
    found = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old_parts, new_parts, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        # A sentence removed or added is given with a neighbour, so that it has words to match.
        if (i1 == i2 or j1 == j2) and i1 > 0 and j1 > 0:
            i1, j1 = i1 - 1, j1 - 1
        start, end = old_spans[i1][0], old_spans[i2 - 1][1]
        new_start, new_end = new_spans[j1][0], new_spans[j2 - 1][1]
        head, tail = _trimmed(expected[start:end], reading[new_start:new_end])
        start, end, new_start, new_end = start + head, end - tail, new_start + head, new_end - tail
        touched = [c for c in placed if c.start < end and start < c.end]
        if touched:
            # Words an existing line changes: that line (or those lines) rewritten, the same
            # text on either side (it is the paragraph's, unchanged) taken in.
            wider_start, wider_end = min(start, touched[0].start), max(end, touched[-1].end)
            new_start, new_end = new_start - (start - wider_start), new_end + (wider_end - end)
            start, end = wider_start, wider_end
        old_words, new_words = base[printed(start) : printed(end)], reading[new_start:new_end]
        if touched:
            numbers = " and ".join(str(c.line) for c in touched)
            found.append(
                Suggestion(
                    f"<!-- {touched[0].kind}: {old_words} {ARROW} {new_words} | {touched[0].reason} -->",
                    f"in place of line {numbers}, which changes these words already",
                )
            )
            continue
        before = [c for c in placed if c.end <= start]
        after = [c for c in placed if c.start >= end]
        where = (
            f"after line {before[-1].line}"
            if before
            else f"before line {after[0].line}"
            if after
            else "above the paragraph's ID line, with its other notes"
        )
        found.append(Suggestion(f"<!-- {kind}: {old_words} {ARROW} {new_words} | REASON -->", where))
    return found
