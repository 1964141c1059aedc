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


def _has(text: str, words: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(words) + r"(?!\w)", text) is not None


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
            printed = _words(change.old)
            if change.kind in CERTAIN and printed > MAX_WORDS:
                problems.append(
                    f"{where}: this {change.kind} replaces {printed} printed words, more than {MAX_WORDS} "
                    "(split it into its certain parts, a line each, in the order they stand; a longer "
                    "rewrite is a conjecture, with its reason)"
                )
            for text, which in ((change.old, "printed words"), (change.new, "reading")):
                end = SENTENCE_END.search(text.strip())
                if end:
                    stop = text.strip()[max(0, end.start() - 20) : end.end() + 20]
                    problems.append(
                        f"{where}: this {change.kind} runs over a sentence's end in its {which} "
                        f"('…{stop}…'); a line covers at most one sentence (split it there into two lines)"
                    )
                    break
            if change.kind != "normalisation":
                for old, new in sorted(spellings):
                    if _has(change.old, old) and _has(change.new, new) and not _has(change.new, old):
                        problems.append(
                            f"{where}: this {change.kind} also writes '{_short(old)}' as '{_short(new)}', a "
                            "normalisation (give the spelling a normalisation line of its own, before or "
                            "after this one, and leave it out of this line)"
                        )
                        break
    return problems
