"""Which actors a text mentions: the one answer the glossary links, the Glossary's
"Mentioned in", "Actors in this section", the instructors' page and the checks all ask
(Matcher.mentions), with data/mentions.yml's records for the places where a spelling
names another entry, or none."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from qarabagh_edition.actors import Actor, unknown_actor
from qarabagh_edition.data_entries import MENTIONS_FORM, found, items_with_lines
from qarabagh_edition.errors import ContentError


class Matcher:
    """Which actors a text mentions: every spelling of every actor, as whole words, case
    as printed, the longest spelling winning where spellings overlap; in a paragraph of
    the reading, as data/mentions.yml decides for it (`records`: paragraph ID -> its
    records, from mention_records)."""

    def __init__(self, actors: dict[str, Actor], records: dict[str, list[Mention]] | None = None):
        self.actor_of = {v: a for a in actors.values() for v in a.spellings}
        self.records = records or {}
        variants = tuple(sorted(self.actor_of, key=lambda v: (-len(v), v)))
        # (re keeps the compiled pattern: the same spellings are not compiled again)
        self.pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, variants)) + r")(?!\w)") if variants else None

    def actor_of_id(self, ident: str) -> Actor:
        return next(a for a in self.actor_of.values() if a.id == ident)

    def mentions(self, text: str, block_id: str | None = None) -> list[tuple[int, int, Actor]]:
        """(start, end, actor) of every mention in a paragraph's whole text, in order.

        The one answer to "which actors does this paragraph mention": the links in the
        text, the Glossary's "Mentioned in", "Actors in this section", the instructors'
        page and the checks all ask it, each with a paragraph's whole text. `block_id`
        names the paragraph, whose records of data/mentions.yml say that the n-th
        occurrence of their words names the actor they give, or none. (Without it, as
        for the published text, each spelling names its own entry.)"""
        if self.pattern is None:
            return []
        found = [(m.start(), m.end(), self.actor_of[m.group(0)]) for m in self.pattern.finditer(text)]
        for record in self.records.get(block_id, ()) if block_id else ():
            places = record.places(text)
            if len(places) < record.occurrence:
                continue  # load_mentions reports a record that no longer matches its paragraph
            start, end = places[record.occurrence - 1]
            found = [f for f in found if f[1] <= start or f[0] >= end]
            if record.actor is not None:
                found.append((start, end, record.actor))
        return sorted(found, key=lambda f: f[0])


MENTIONS = "data/mentions.yml"


@dataclass
class Mention:
    """A record of data/mentions.yml: in `paragraph`, the `occurrence`-th `words` name
    `actor` (None: no actor)."""

    paragraph: str
    words: str
    occurrence: int
    actor: Actor | None
    why: str
    line: int
    context: str | None = None  # the words around them, which say which occurrence is meant

    def places(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of each occurrence of the words in a text (within the context, if given)."""
        words = re.compile(r"(?<!\w)" + re.escape(self.words) + r"(?!\w)")
        if not self.context:
            return [m.span() for m in words.finditer(text)]
        found = []
        for around in re.finditer(re.escape(self.context), text):
            inner = words.search(text, around.start(), around.end())
            if inner:
                found.append(inner.span())
        return found


def load_mentions(
    root: Path, actors: dict[str, Actor], texts: dict[str, str]
) -> tuple[dict[str, list[Mention]], list[str]]:
    """The records of data/mentions.yml by paragraph, checked against the glossary and the
    reading's text of each paragraph (`texts`: ID -> text): (records, problems)."""
    path = root / MENTIONS
    if not path.exists():
        return {}, []
    records: dict[str, list[Mention]] = {}
    problems: list[str] = []
    for item, line, lines in items_with_lines(path, MENTIONS, MENTIONS_FORM):
        where = f"{MENTIONS}:{line}"
        missing = [k for k in MENTIONS_FORM.required if not item.get(k)]
        if missing:
            problems.append(
                f"{where}: record lacks {', '.join(missing)} (every record needs paragraph, words, actor, why)"
            )
            continue
        name, paragraph, words = str(item["actor"]), str(item["paragraph"]), str(item["words"])
        occurrence = item.get("occurrence", 1)
        if type(occurrence) is not int or occurrence < 1:  # type(): a bool is an int too
            problems.append(
                f"{MENTIONS}:{lines['occurrence']}: occurrence must be a whole number from 1, not "
                f"{found(occurrence)} (1 for the first time the words occur, 2 for the second, ...)"
            )
            continue
        if name != "none" and name not in actors:
            problems.append(f"{where}: actor {unknown_actor(name, actors)} (or write none)")
            continue
        if paragraph not in texts:
            near = difflib.get_close_matches(paragraph, sorted(texts), n=1)
            problems.append(
                f"{where}: paragraph '{paragraph}' does not exist" + (f" (did you mean '{near[0]}'?)" if near else "")
            )
            continue
        record = Mention(
            paragraph,
            words,
            occurrence,
            actors.get(name),
            " ".join(str(item["why"]).split()),
            line,
            str(item["context"]) if item.get("context") else None,
        )
        count = len(record.places(texts[paragraph]))
        if count < occurrence:
            shown = f"'{words}' in '{record.context}'" if record.context else f"'{words}'"
            problems.append(
                f"{where}: {shown} occurs {count} time(s) in {paragraph}, not {occurrence} "
                "(quote the words as the corrected reading has them; count from 1)"
            )
            continue
        records.setdefault(paragraph, []).append(record)
    return records, problems


def mention_records(root: Path, actors: dict[str, Actor], pages: dict) -> dict[str, list[Mention]]:
    """data/mentions.yml for the reading pages `pages` (page -> blocks); ContentError if wrong."""
    records, problems = load_mentions(root, actors, {b.id: b.text for bs in pages.values() for b in bs if b.id})
    if problems:
        raise ContentError(problems)
    return records
