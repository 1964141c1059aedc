"""Changes fine enough to audit: a reader checks an apparatus line by setting its printed
words beside its reading, which only works when the line is short and says one thing.

- A change line covers at most one sentence: it does not run over a sentence's end.
- An emendation or a normalisation replaces at most a dozen printed words. A longer
  rewrite is split into its certain parts, or it is a conjecture (TEI would say its
  certainty is not high), with its reason.
- A normalisation is a line of its own: a spelling the apparatus normalises elsewhere is not
  changed inside an emendation or a conjecture, where the count of normalisations misses it.
"""

from __future__ import annotations

import difflib
import re

MAX_WORDS = 12  # printed words an emendation or a normalisation may replace ("about a dozen")
CERTAIN = ("emendation", "normalisation")

# A sentence's end inside a change: a word of two letters or more, its full stop (or ! ?),
# closing quotes or brackets, a space, then a capital. "U.S. President" and "Mr. Heyat"
# are not ends.
ABBREVIATIONS = r"(?<!\bMr)(?<!\bMrs)(?<!\bDr)(?<!\bSt)(?<!\bNo)(?<!\bpp)(?<!\bvol)(?<!\bcf)"
SENTENCE_END = re.compile(r"(?<=\w\w)" + ABBREVIATIONS + r"[.!?][\"”’)\]]*\s+(?=[\"“‘(]?[A-Z])")


def _words(text: str) -> int:
    return len(text.split())


def _core(old: str, new: str) -> tuple[str, str]:
    """The words a line changes: without the words it keeps at either end, which only place
    it (a deleted sentence is written with the word before it: `basin. Iran has created. → basin.`)."""
    o, n = old.split(), new.split()
    start = 0
    while start < min(len(o), len(n)) and o[start] == n[start]:
        start += 1
    end = 0
    while end < min(len(o), len(n)) - start and o[-1 - end] == n[-1 - end]:
        end += 1
    return " ".join(o[start : len(o) - end]), " ".join(n[start : len(n) - end])


def _separable(old: str, new: str, spelling: tuple[str, str]) -> bool:
    """Whether the spelling could stand on a line of its own: in the line's word difference,
    its words are changed into the standard's words alone, at the start or the end of a
    changed run whose other words are changed too. ("(the Qarabagh → (Karabakh" and
    "Qarabagh Arts → Karabakh, the arts" cannot: the article and the comma stand in the
    name's own words, and lines apply one after the other, never overlapping.)"""
    o, n = old.split(), new.split()
    s_old, s_new = spelling[0].split(), spelling[1].split()
    k, m = len(s_old), len(s_new)
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, o, n, autojunk=False).get_opcodes():
        if op != "replace":
            continue
        rest_old, rest_new = i2 - i1 - k, j2 - j1 - m
        # What is left of the run goes on a line of its own: it needs a printed word of its
        # own, or one kept beside it to place it (words added after the name, before the next).
        if o[i1 : i1 + k] == s_old and n[j1 : j1 + m] == s_new and (rest_old > 0 or rest_new == 0 or i2 < len(o)):
            return True
        if o[i2 - k : i2] == s_old and n[j2 - m : j2] == s_new and (rest_old > 0 or rest_new == 0 or i1 > 0):
            return True
    return False


def _short(text: str, limit: int = 50) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def granularity_problems(changes_by_path: list[tuple[str, list]]) -> list[str]:
    """`changes_by_path`: (the page's path, a paragraph's changes) for every paragraph; the
    problems, each at its line."""
    spellings = {
        (change.old, change.new)
        for _, changes in changes_by_path
        for change in changes
        if change.kind == "normalisation" and change.old and change.new
    }
    problems = []
    for path, changes in changes_by_path:
        for change in changes:
            where = f"{path}:{change.line}"
            old, new = _core(change.old, change.new)
            printed = _words(old)
            if change.kind in CERTAIN and printed > MAX_WORDS:
                problems.append(
                    f"{where}: this {change.kind} replaces {printed} printed words, more than {MAX_WORDS} "
                    "(split it into its certain parts, a line each, in the order they stand; a longer "
                    "rewrite is a conjecture, with its reason)"
                )
            for text, which in ((old, "printed words"), (new, "reading")):
                end = SENTENCE_END.search(text)
                if end:
                    stop = text[max(0, end.start() - 20) : end.end() + 20]
                    problems.append(
                        f"{where}: this {change.kind} runs over a sentence's end in its {which} "
                        f"('…{stop}…'); a line covers at most one sentence (split it there into two lines)"
                    )
                    break
            if change.kind != "normalisation":
                # Only a spelling the line's words hold on both sides needs its word difference.
                held = sorted(sp for sp in spellings if sp[0] in change.old and sp[1] in change.new)
                for spelling in held:
                    if _separable(change.old, change.new, spelling):
                        problems.append(
                            f"{where}: this {change.kind} also writes '{_short(spelling[0])}' as "
                            f"'{_short(spelling[1])}', a normalisation (give the spelling a normalisation line "
                            "of its own, before or after this one, and leave it out of this line)"
                        )
                        break
    return problems
