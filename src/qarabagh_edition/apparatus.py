"""The critical apparatus of the corrected reading: every difference between a paragraph
of the reading and its published text, each with its class and its reason.

Contributors write it in plain text, one line per change, directly above the paragraph
(HTML comments, so the page's prose stays as it is):

    <!-- reviewed: yes -->
    <!-- normalisation: Qarabagh → Karabakh | the glossary's standard spelling -->
    <!-- emendation: dates back → date back | agreement with "origins" -->
    <!-- conjecture: confused with the clap → confused with the collapse | the editors' reading -->
    <!-- supplied: to help → asking him to help | a verb is missing -->
    <!-- query: Persepolis | the word makes no sense here; a share of the population may be meant -->

* normalisation: a name in the glossary's standard spelling;
* emendation: the meaning is certain (grammar, a clear typo, a plainly mistranslated word);
* conjecture: the editors' best reading of an ambiguous passage, marked where it stands;
* supplied: words the editors add that have no printed counterpart (TEI <supplied>): the
  line keeps the printed words that place it, before or after the added ones;
* query: the words are left as published, and the question is asked;
* a conjecture may end with the other readings it weighed (TEI <app>/<rdg>):
  `... | why | other readings: one reading; another`;
* reviewed: `yes` once an editor has gone through the paragraph, `no` until then.

The changes are applied to the published text in the order they are written, each to
the first occurrence of its words after the previous change; the result must be the
paragraph as the page has it. So no change can go unrecorded, and each recorded change
is known exactly: where it stands, what it replaced, of which class, and why.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

CHANGE_KINDS = ("normalisation", "emendation", "conjecture", "supplied")
KINDS = CHANGE_KINDS + ("query", "reviewed")
LABELS = {
    "normalisation": "Normalisation",
    "emendation": "Emendation",
    "conjecture": "Conjecture",
    "supplied": "Supplied",
    "query": "Query",
}
PLURALS = {
    "normalisation": "Normalisations",
    "emendation": "Emendations",
    "conjecture": "Conjectures",
    "supplied": "Supplied words",
    "query": "Queries",
}
ARROW = "→"
OTHER_READINGS = "other readings:"  # a conjecture's last part, after its reason
HOW = (
    "write it as <!-- KIND: published words → corrected words | why -->, KIND one of normalisation, "
    "emendation, conjecture, supplied; see CONTRIBUTING.md"
)


@dataclass
class Change:
    kind: str
    old: str
    new: str
    reason: str
    line: int
    start: int = -1  # where its new words stand in the corrected text, once applied
    end: int = -1
    alternatives: tuple[str, ...] = ()  # a conjecture's other readings weighed (TEI <rdg>)


@dataclass
class Query:
    words: str
    question: str
    line: int


@dataclass
class Apparatus:
    changes: list[Change] = field(default_factory=list)
    queries: list[Query] = field(default_factory=list)
    reviewed: bool | None = None  # None: no review status recorded

    def of(self, kind: str) -> list[Change]:
        return [c for c in self.changes if c.kind == kind]


def _collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def parse(notes: list[tuple[str, str, int]], path: str) -> tuple[Apparatus, list[str]]:
    """The apparatus from a block's notes [(kind, text, line)], and the problems in it."""
    apparatus, problems = Apparatus(), []
    for kind, text, line in notes:
        where = f"{path}:{line}"
        if kind == "reviewed":
            value = text.strip().lower()
            if value not in ("yes", "no"):
                problems.append(
                    f"{where}: the review status is '{text}' (write <!-- reviewed: yes --> or <!-- reviewed: no -->)"
                )
            elif apparatus.reviewed is not None:
                problems.append(f"{where}: the paragraph has two review statuses (keep one reviewed: line)")
            else:
                apparatus.reviewed = value == "yes"
            continue
        alternatives: tuple[str, ...] = ()
        head, bar, last = text.rpartition(" | ")
        if bar and last.strip().lower().startswith(OTHER_READINGS):
            alternatives = tuple(r for r in (_collapse(r) for r in last.strip()[len(OTHER_READINGS) :].split(";")) if r)
            text = head
            if kind != "conjecture" or not alternatives:
                problems.append(
                    f"{where}: other readings are for a conjecture, and name at least one "
                    f"(write <!-- conjecture: old {ARROW} new | why | other readings: one; another -->)"
                )
        body, bar, reason = text.rpartition(" | ")
        if not bar:
            what = "question" if kind == "query" else "reason"
            problems.append(f"{where}: this {kind} gives no {what} (end the line with ' | ' and the {what})")
            continue
        reason = _collapse(reason)
        if kind == "query":
            apparatus.queries.append(Query(_collapse(body), reason, line))
            continue
        old, arrow, new = body.partition(f" {ARROW} ")
        if not arrow and body.endswith(f" {ARROW}"):  # a deletion: nothing after the arrow
            old, arrow, new = body[: -len(ARROW) - 1], ARROW, ""
        if not arrow:
            problems.append(
                f"{where}: this {kind} has no '{ARROW}' between the published and the corrected words ({HOW})"
            )
            continue
        if not reason or reason.upper() == "REASON":
            problems.append(f"{where}: this {kind} gives no reason after ' | ' (say why, in a few words)")
            continue
        apparatus.changes.append(Change(kind, _collapse(old), _collapse(new), reason, line, alternatives=alternatives))
    return apparatus, problems


def apply(base: str, changes: list[Change], where: str) -> tuple[str, list[str]]:
    """The published text with the changes made, in order; records where each one stands."""
    text, cursor, problems = base, 0, []
    for change in changes:
        at = text.find(change.old, cursor) if change.old else -1
        if at < 0:
            earlier = change.old and text.find(change.old) >= 0
            problems.append(
                f"{where.rsplit(':', 1)[0]}:{change.line}: the {change.kind} '{_short(change.old)}' {ARROW} "
                f"'{_short(change.new)}' does not match the published words"
                + (
                    " after the previous change (list the changes in the order they stand in the paragraph)"
                    if earlier
                    else " (copy the published words exactly, as in published/; citations as on the page)"
                )
            )
            continue
        text = text[:at] + change.new + text[at + len(change.old) :]
        change.start, change.end = at, at + len(change.new)
        cursor = change.end
    return text, problems


def supplied_words(change: Change) -> str:
    """The words a `supplied` line adds to the printed words that place it ("" if it does
    not only add)."""
    if change.old and change.new.startswith(change.old + " "):
        return change.new[len(change.old) :].strip()
    if change.old and change.new.endswith(" " + change.old):
        return change.new[: -len(change.old)].strip()
    return ""


def unexplained(expected: str, reading: str) -> str:
    """Where the reading first departs from what its apparatus gives, for the message."""
    a, b = expected.split(" "), reading.split(" ")
    index = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return (
        f"the apparatus gives '…{_short(' '.join(a[max(0, index - 3) : index + 6]))}…' but the paragraph "
        f"reads '…{_short(' '.join(b[max(0, index - 3) : index + 6]))}…'"
    )


NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
MONTH = re.compile(r"\b(January|February|March|April|May|June|July|August|September|October|November|December)\b")


# Numbers written as words count as the number ("two" is 2, so "two" -> "three" is a changed
# number and "two" -> "2" is not). Not "one", which is as often a pronoun ("one of the
# reasons"), nor "million", which the paper also prints for the Turkish "millet" (nation).
NUMBER_WORDS = {
    word: str(value)
    for value, word in enumerate(
        "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
        "eighteen nineteen twenty".split(),
        start=2,
    )
}
NUMBER_WORDS.update(
    {
        word: str(value)
        for value, word in zip(range(30, 100, 10), "thirty forty fifty sixty seventy eighty ninety".split())
    }
)
WORD = re.compile(r"\w+")  # the words, looked up: an alternation of twenty-eight words, any case, was 30x slower


def numbers_and_dates(text: str) -> Counter:
    """Every number and month name in a text: a correction must keep them all."""
    words = Counter(NUMBER_WORDS[word] for word in WORD.findall(text.lower()) if word in NUMBER_WORDS)
    return Counter(NUMBER.findall(text)) + words + Counter(MONTH.findall(text))


def check_block(path: str, line: int, ident: str, notes, base: str, reading: str) -> tuple[Apparatus, list[str]]:
    """Problems of one body paragraph: its apparatus against its published text (`base`,
    citations as the page writes them) and its reading."""
    where = f"{path}:{line}"
    legacy = [n for n in notes if n[0] == "correction"]
    notes = [n for n in notes if n[0] in KINDS]
    apparatus, problems = parse(notes, path)
    for _, _, note_line in legacy:
        problems.append(
            f"{path}:{note_line}: a 'correction:' note no longer says what kind of change it is "
            f"(split it into one line per change: {HOW})"
        )
    if apparatus.reviewed is None:
        problems.append(
            f"{where}: paragraph '{ident}' has no review status (add <!-- reviewed: no --> above it, "
            "or <!-- reviewed: yes --> once an editor has gone through it)"
        )
    expected, found = apply(base, apparatus.changes, where)
    problems += found
    if not found and expected != reading:
        problems.append(
            f"{where}: paragraph '{ident}' differs from its published text where its apparatus says "
            f"nothing: {unexplained(expected, reading)} (record each change above the paragraph: {HOW})"
        )
    for change in apparatus.changes:
        if change.old == change.new:
            problems.append(f"{path}:{change.line}: this {change.kind} changes nothing (remove the line)")
        elif change.kind == "supplied" and not supplied_words(change):
            problems.append(
                f"{path}:{change.line}: a supplied line keeps the printed words that place it and adds words "
                f"before or after them (write it as <!-- supplied: to help {ARROW} asking him to help | why -->; "
                "a change of printed words is an emendation or a conjecture)"
            )
    for query in apparatus.queries:
        if query.words not in reading:
            problems.append(
                f"{path}:{query.line}: the query's words '{_short(query.words)}' are not in the paragraph "
                "(quote the words it asks about exactly, before ' | ')"
            )
    # A list item's printed number ("✓ 1. Promoting ...") is the list's numbering on the page.
    counted = re.sub(r"^(?:✓\s*)?\d+\.\s+", "", base)
    lost = numbers_and_dates(counted) - numbers_and_dates(reading)
    added = numbers_and_dates(reading) - numbers_and_dates(counted)
    if lost or added:
        problems.append(
            f"{where}: paragraph '{ident}' must keep every number and date of its published text: "
            + "; ".join(
                filter(
                    None,
                    [
                        f"missing {', '.join(sorted(lost.elements()))}" if lost else "",
                        f"added {', '.join(sorted(added.elements()))}" if added else "",
                    ],
                )
            )
            + " (put them back as published; query a number you doubt instead of changing it)"
        )
    return apparatus, problems


def _short(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# CONTRIBUTING.md states the progress of the review in this form (checked by the tests).
PROGRESS_LINE = re.compile(r"\*\*Progress: \d+ of \d+ paragraphs reviewed\.\*\*")


def progress_line(done: int, total: int) -> str:
    return f"**Progress: {done} of {total} paragraphs reviewed.**"


SENTENCE_END = re.compile(r"(?<=[.!?:;])\s+(?=\S)")


def sentences(text: str) -> list[str]:
    return [s for s in SENTENCE_END.split(text) if s]
