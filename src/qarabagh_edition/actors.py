"""The glossary of actors (data/glossary.yml) and the timeline (data/timeline.yml):
loading, checking, and finding mentions of actors in text.

Shared by the glossary hooks, the scripts and the tests. Problems are reported as `file:line: what is wrong (how to fix it)`.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from qarabagh_edition.file_memo import remembered
from qarabagh_edition.published_layer import ContentError

GLOSSARY = "data/glossary.yml"
TIMELINE = "data/timeline.yml"

# Glossary groups, in the order the glossary page shows them.
TYPES = {
    "state": "States",
    "organisation": "International organisations",
    "person": "People",
    "place": "Places",
    "people": "Peoples and ethnic groups",
    "party-or-movement": "Parties and movements",
    "event": "Events",
    "publication": "Newspapers, broadcasters and publications",
}
REQUIRED = ("id", "name", "type", "variants", "description")
_FAST = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class Actor:
    id: str
    name: str
    type: str
    variants: list[str]
    description: str
    line: int
    native: str | None = None
    # Printed spelling -> the standard spelling the corrected reading uses.
    standard: dict[str, str] = field(default_factory=dict)

    @property
    def spellings(self) -> list[str]:
        """Every form that names this actor: as printed, and as corrected."""
        return list(dict.fromkeys(self.variants + list(self.standard.values())))

    @property
    def tooltip(self) -> str:
        return f"{self.name}: {self.description}"


@dataclass
class Event:
    id: str
    date: str
    title: str
    description: str
    line: int
    actors: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    editorial: bool = False


_items_memo: dict[tuple, dict] = {}


def _items_with_lines(path: Path, shown: str, key: str | None = None) -> list[tuple[dict, int]]:
    """The items of a YAML list (of `key`'s list, if given) with their line numbers, read
    once per change of the file (the glossary is read by several hooks in a build)."""
    memo = _items_memo.setdefault((str(path), shown, key), {})
    return list(remembered(memo, (), [path], lambda: _read_items_with_lines(path, shown, key)))


def _read_items_with_lines(path: Path, shown: str, key: str | None) -> list[tuple[dict, int]]:
    text = path.read_text(encoding="utf-8")
    try:
        node = yaml.compose(text, Loader=_FAST)
        data = yaml.load(text, Loader=_FAST)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        raise ContentError([f"{shown}:{mark.line + 1 if mark else 1}: not valid YAML: {error.problem} "
                            "(check indentation and quotes)"]) from None
    if key is not None:
        value_node = next((v for k, v in node.value if k.value == key), None) if node else None
        data = (data or {}).get(key) or []
        node = value_node
    items = node.value if node is not None else []
    return [(item, item_node.start_mark.line + 1) for item, item_node in zip(data or [], items)]


def load_glossary(root: Path) -> dict[str, Actor]:
    """Every actor, checked for form: required fields, known type, unique ids and variants."""
    problems: list[str] = []
    actors: dict[str, Actor] = {}
    owner: dict[str, Actor] = {}
    for item, line in _items_with_lines(root / GLOSSARY, GLOSSARY):
        missing = [k for k in REQUIRED if not item.get(k)]
        if missing:
            problems.append(f"{GLOSSARY}:{line}: entry lacks {', '.join(missing)} (every entry needs {', '.join(REQUIRED)})")
            continue
        actor = Actor(str(item["id"]), item["name"], item["type"], [str(v) for v in item["variants"]],
                      " ".join(str(item["description"]).split()), line, item.get("native"),
                      {str(k): str(v) for k, v in (item.get("standard") or {}).items()})
        for printed in actor.standard:
            if printed not in actor.variants:
                problems.append(f"{GLOSSARY}:{line}: '{actor.id}': standard spelling given for '{printed}', "
                                "which is not one of its variants (list it under variants first)")
        if actor.type not in TYPES:
            problems.append(f"{GLOSSARY}:{line}: '{actor.id}' has unknown type '{actor.type}' "
                            f"(use one of: {', '.join(TYPES)})")
        if actor.id in actors:
            problems.append(f"{GLOSSARY}:{line}: id '{actor.id}' is already used at line {actors[actor.id].line} "
                            "(ids are permanent anchors; give this entry another)")
            continue
        for variant in actor.spellings:
            if variant in owner and owner[variant] is not actor:
                other = owner[variant]
                problems.append(
                    f"{GLOSSARY}:{line}: variant '{variant}' of '{actor.id}' is already claimed by '{other.id}' "
                    f"(line {other.line}); a spelling may link to one entry only: keep it in the entry it means"
                )
            else:
                owner[variant] = actor
        actors[actor.id] = actor
    if problems:
        raise ContentError(problems)
    return actors


def unknown_actor(name: str, actors: dict[str, Actor]) -> str:
    near = difflib.get_close_matches(name, list(actors), n=1)
    hint = f" (did you mean '{near[0]}'?)" if near else ""
    return f"'{name}' is not listed in {GLOSSARY}. Check your spelling{hint}, or add the entry there"


class Matcher:
    """Finds mentions of actors by any of their spellings: whole words, case as
    printed, the longest spelling winning where spellings overlap."""

    _patterns: dict[tuple, re.Pattern] = {}  # compiled once per set of spellings (several hooks use it)

    def __init__(self, actors: dict[str, Actor]):
        self.actor_of = {v: a for a in actors.values() for v in a.spellings}
        variants = tuple(sorted(self.actor_of, key=lambda v: (-len(v), v)))
        if variants and variants not in self._patterns:
            self._patterns.clear()
            self._patterns[variants] = re.compile(
                r"(?<!\w)(?:" + "|".join(map(re.escape, variants)) + r")(?!\w)")
        self.pattern = self._patterns.get(variants)

    def actor_of_id(self, ident: str) -> Actor:
        return next(a for a in self.actor_of.values() if a.id == ident)

    def mentions(self, text: str, overrides: list[Mention] = (), seen: dict | None = None):
        """(start, end, actor) for every mention in the text, in order.

        `overrides` are the paragraph's records of data/mentions.yml: the n-th occurrence
        of their words is a mention of the actor they name, or of none. `seen` counts the
        occurrences met in earlier pieces of the same paragraph (its HTML text between tags).
        """
        if self.pattern is None:
            return
        found = [(m.start(), m.end(), self.actor_of[m.group(0)]) for m in self.pattern.finditer(text)]
        seen = {} if seen is None else seen
        before = dict(seen)  # occurrences in earlier pieces, per words
        for override in overrides:
            places = override.places(text)
            seen[override.key] = before.get(override.key, 0) + len(places)
            index = override.occurrence - before.get(override.key, 0) - 1
            if not 0 <= index < len(places):
                continue  # not in this piece
            start, end = places[index]
            found = [f for f in found if f[1] <= start or f[0] >= end]
            if override.actor is not None:
                found.append((start, end, override.actor))
        yield from sorted(found, key=lambda f: f[0])


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

    @property
    def key(self) -> tuple:
        return self.words, self.context

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


def load_mentions(root: Path, actors: dict[str, Actor], texts: dict[str, str]) -> tuple[dict[str, list[Mention]], list[str]]:
    """The records of data/mentions.yml by paragraph, checked against the glossary and the
    reading's text of each paragraph (`texts`: ID -> text): (records, problems)."""
    path = root / MENTIONS
    if not path.exists():
        return {}, []
    records: dict[str, list[Mention]] = {}
    problems: list[str] = []
    for item, line in _items_with_lines(path, MENTIONS):
        where = f"{MENTIONS}:{line}"
        missing = [k for k in ("paragraph", "words", "actor", "why") if not item.get(k)]
        if missing:
            problems.append(f"{where}: record lacks {', '.join(missing)} (every record needs paragraph, words, actor, why)")
            continue
        name, paragraph, words = str(item["actor"]), str(item["paragraph"]), str(item["words"])
        occurrence = int(item.get("occurrence", 1))
        if name != "none" and name not in actors:
            problems.append(f"{where}: actor {unknown_actor(name, actors)} (or write none)")
            continue
        if paragraph not in texts:
            near = difflib.get_close_matches(paragraph, sorted(texts), n=1)
            problems.append(f"{where}: paragraph '{paragraph}' does not exist"
                            + (f" (did you mean '{near[0]}'?)" if near else ""))
            continue
        record = Mention(paragraph, words, occurrence, actors.get(name), " ".join(str(item["why"]).split()), line,
                         str(item["context"]) if item.get("context") else None)
        count = len(record.places(texts[paragraph]))
        if count < occurrence:
            shown = f"'{words}' in '{record.context}'" if record.context else f"'{words}'"
            problems.append(f"{where}: {shown} occurs {count} time(s) in {paragraph}, not {occurrence} "
                            "(quote the words as the corrected reading has them; count from 1)")
            continue
        records.setdefault(paragraph, []).append(record)
    return records, problems


def mention_records(root: Path, actors: dict[str, Actor], pages: dict) -> dict[str, list[Mention]]:
    """data/mentions.yml for the reading pages `pages` (page -> blocks); ContentError if wrong."""
    records, problems = load_mentions(root, actors, {b.id: b.text for bs in pages.values() for b in bs if b.id})
    if problems:
        raise ContentError(problems)
    return records


def load_timeline(root: Path) -> list[Event]:
    events: list[Event] = []
    problems: list[str] = []
    for part, editorial in (("events", False), ("editorial_context", True)):
        for item, line in _items_with_lines(root / TIMELINE, TIMELINE, part):
            missing = [k for k in ("id", "date", "title", "description") if not item.get(k)]
            if missing:
                problems.append(f"{TIMELINE}:{line}: event lacks {', '.join(missing)}")
                continue
            events.append(Event(item["id"], str(item["date"]), item["title"], " ".join(str(item["description"]).split()),
                                line, list(item.get("actors") or []), list(item.get("paragraphs") or []), editorial))
    if problems:
        raise ContentError(problems)
    return events


def check_references(events: list[Event], actors: dict[str, Actor], paragraph_ids: set[str]) -> list[str]:
    """Timeline entries may name only listed actors and existing paragraphs."""
    problems = []
    for event in events:
        for name in event.actors:
            if name not in actors:
                problems.append(f"{TIMELINE}:{event.line}: event '{event.id}': actor {unknown_actor(name, actors)}")
        for paragraph in event.paragraphs:
            if paragraph not in paragraph_ids:
                near = difflib.get_close_matches(paragraph, sorted(paragraph_ids), n=1)
                hint = f" (did you mean '{near[0]}'?)" if near else ""
                problems.append(f"{TIMELINE}:{event.line}: event '{event.id}': paragraph '{paragraph}' does not exist{hint}")
    return problems


def check_occurrences(actors: dict[str, Actor], texts: list[str]) -> list[str]:
    """Every entry, and every spelling it claims, must occur in the paper's text."""
    corpus = "\n".join(texts)
    # One pass finds most spellings; only the rest (e.g. a spelling that occurs just
    # inside a longer one) are looked for one by one.
    found = {corpus[start:end] for start, end, _ in Matcher(actors).mentions(corpus)}

    def occurs(variant: str) -> bool:
        return variant in found or (variant in corpus and re.search(
            r"(?<!\w)" + re.escape(variant) + r"(?!\w)", corpus) is not None)

    problems = []
    for actor in actors.values():
        absent = [v for v in actor.variants if not occurs(v)]
        if len(absent) == len(actor.variants):
            problems.append(f"{GLOSSARY}:{actor.line}: entry '{actor.id}' is never mentioned in the text "
                            f"(none of {', '.join(actor.variants)} occurs); remove it or add the spelling the paper uses")
        else:
            for variant in absent:
                problems.append(f"{GLOSSARY}:{actor.line}: variant '{variant}' of '{actor.id}' occurs nowhere in the "
                                "text. Check your spelling (variants are case-sensitive, whole words)")
    return problems


def date_key(date: str) -> tuple[int, int, int]:
    """Sort key of a timeline date: its start; a year alone sorts before its months."""
    parts = [int(p) for p in date.split("/")[0].split("-")]
    return tuple(parts + [0] * (3 - len(parts)))


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def format_date(date: str) -> str:
    """'1992-05-08' -> '8 May 1992'; '1918-05/1920-04' -> 'May 1918 – April 1920'."""
    def one(part: str) -> str:
        pieces = part.split("-")
        if len(pieces) == 3:
            return f"{int(pieces[2])} {MONTHS[int(pieces[1]) - 1]} {pieces[0]}"
        if len(pieces) == 2:
            return f"{MONTHS[int(pieces[1]) - 1]} {pieces[0]}"
        return pieces[0]
    if "/" not in date:
        return one(date)
    start, end = date.split("/")
    separator = "–" if len(start) == len(end) == 4 else " – "  # 1988–1994, but May 1918 – April 1920
    return one(start) + separator + one(end)
