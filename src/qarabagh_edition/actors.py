"""The glossary of actors (data/glossary.yml) and the timeline (data/timeline.yml):
loading, checking, and finding mentions of actors in text.

Shared by the glossary hooks, the scripts and the tests. Problems are reported as `file:line: what is wrong (how to fix it)`.
"""

from __future__ import annotations

import datetime
import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from qarabagh_edition.errors import ContentError
from qarabagh_edition.file_memo import remembered
from qarabagh_edition.rules.yaml_loader import load_node

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
    # Spellings that are also common English words, each with why it is one all the same
    # (qarabagh_edition.rules.spellings).
    common_words: dict[str, str] = field(default_factory=dict)
    # When the description was last checked, and on what (qarabagh_edition.rules.dated_facts).
    as_of: str | None = None
    sources: list[dict[str, str]] = field(default_factory=list)

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
    as_of: str | None = None
    sources: list[dict[str, str]] = field(default_factory=list)


def dating(item: dict) -> dict:
    """An entry's `as_of` and `sources`, as text (a YAML date is read as a date), for the
    pages; qarabagh_edition.rules.dated_facts says whether they are complete."""
    sources = [
        {str(k): str(v) for k, v in s.items() if v is not None}
        for s in item.get("sources") or []
        if isinstance(s, dict)
    ]
    as_of = item.get("as_of")
    return {"as_of": None if as_of is None else str(as_of), "sources": sources}


_items_memo: dict[tuple, dict] = {}


@dataclass(frozen=True)
class _Form:
    """What an entry of a data file holds: the keys it needs (named when an entry is not a
    mapping), and the keys whose values are lists or mappings; the others hold one value."""

    required: tuple[str, ...]
    lists: tuple[str, ...] = ()
    mappings: tuple[str, ...] = ()


_GLOSSARY_FORM = _Form(REQUIRED, lists=("variants", "sources"), mappings=("standard", "common_words"))
_TIMELINE_FORM = _Form(("id", "date", "title", "description"), lists=("actors", "paragraphs", "sources"))
_MENTIONS_FORM = _Form(("paragraph", "words", "actor", "why"))


def _found(value) -> str:
    """A value of the wrong kind, as a message names it."""
    if isinstance(value, dict):
        return f"a mapping ('{next(iter(value))}:')" if value else "an empty mapping"
    return "a list" if isinstance(value, list) else f"'{value}'"


def _items_with_lines(path: Path, shown: str, form: _Form, key: str | None = None) -> list[tuple[dict, int, dict]]:
    """The entries of a YAML list (of `key`'s list, if given), each with its line and the
    line of each of its keys, read once per change of the file (the glossary is read by
    several hooks in a build). ContentError if the file is not in that form."""
    memo = _items_memo.setdefault((str(path), shown, key), {})
    return list(remembered(memo, (), [path], lambda: _read_items_with_lines(path, shown, form, key)))


def _read_items_with_lines(path: Path, shown: str, form: _Form, key: str | None) -> list[tuple[dict, int, dict]]:
    node, data = load_node(path.read_text(encoding="utf-8"), shown)  # no duplicate keys, no aliases
    if key is not None and data is not None:
        if not isinstance(data, dict):
            raise ContentError(
                [
                    f"{shown}:{node.start_mark.line + 1}: the file must be a mapping with '{key}:', "
                    f"not {_found(data)} (write '{key}:' at the left margin, its entries under it)"
                ]
            )
        node = next((v for k, v in node.value if k.value == key), None)
        data = data.get(key)
    if data is None:
        return []
    what, margin = (f"'{key}'", "") if key else ("the file", " at the left margin, with no key above them")
    if not isinstance(data, list):
        raise ContentError(
            [
                f"{shown}:{node.start_mark.line + 1}: {what} must be a list of entries, not "
                f"{_found(data)} (start each entry with '- '{margin})"
            ]
        )
    items, problems = [], []
    for item, item_node in zip(data, node.value):
        line = item_node.start_mark.line + 1
        if not isinstance(item, dict):
            keys = ", ".join(f"{k}:" for k in form.required[:2])
            problems.append(
                f"{shown}:{line}: an entry must be a mapping of keys ({keys}, ...), not {_found(item)} "
                f"(give its keys one per line, the first after the '- ')"
            )
            continue
        lines = {str(k.value): k.start_mark.line + 1 for k, _ in item_node.value}
        for k, v in item_node.value:  # and of each element of a list: 'sources[0]'
            if isinstance(v, yaml.SequenceNode):
                lines.update({f"{k.value}[{i}]": e.start_mark.line + 1 for i, e in enumerate(v.value)})
        for name, value in item.items():
            where = f"{shown}:{lines.get(str(name), line)}"
            if value is None:
                continue  # a missing value is reported as missing, where it is required
            if name in form.lists and not isinstance(value, list):
                example = f"[{value}]" if isinstance(value, str) else "[A, B]"
                problems.append(f"{where}: '{name}' must be a list, not {_found(value)} (write {name}: {example})")
            elif name in form.mappings and not isinstance(value, dict):
                problems.append(
                    f"{where}: '{name}' must be a mapping, not {_found(value)} "
                    "(one 'key: value' per line, indented under it)"
                )
            elif name not in form.lists + form.mappings and isinstance(value, (list, dict)):
                problems.append(
                    f"{where}: '{name}' must be a single value, not {_found(value)} "
                    f"(write it after '{name}:', on the same line)"
                )
        items.append((item, line, lines))
    if problems:
        raise ContentError(problems)
    return items


def load_glossary(root: Path) -> dict[str, Actor]:
    """Every actor, checked for form: required fields, known type, unique ids and variants."""
    problems: list[str] = []
    actors: dict[str, Actor] = {}
    owner: dict[str, Actor] = {}
    for item, line, _ in _items_with_lines(root / GLOSSARY, GLOSSARY, _GLOSSARY_FORM):
        missing = [k for k in REQUIRED if not item.get(k)]
        if missing:
            problems.append(
                f"{GLOSSARY}:{line}: entry lacks {', '.join(missing)} (every entry needs {', '.join(REQUIRED)})"
            )
            continue
        actor = Actor(
            str(item["id"]),
            item["name"],
            item["type"],
            [str(v) for v in item["variants"]],
            " ".join(str(item["description"]).split()),
            line,
            item.get("native"),
            {str(k): str(v) for k, v in (item.get("standard") or {}).items()},
            {str(k): str(v) for k, v in (item.get("common_words") or {}).items()},
            **dating(item),
        )
        for printed in actor.standard:
            if printed not in actor.variants:
                problems.append(
                    f"{GLOSSARY}:{line}: '{actor.id}': standard spelling given for '{printed}', "
                    "which is not one of its variants (list it under variants first)"
                )
        if actor.type not in TYPES:
            problems.append(
                f"{GLOSSARY}:{line}: '{actor.id}' has unknown type '{actor.type}' (use one of: {', '.join(TYPES)})"
            )
        if actor.id in actors:
            problems.append(
                f"{GLOSSARY}:{line}: id '{actor.id}' is already used at line {actors[actor.id].line} "
                "(ids are permanent anchors; give this entry another)"
            )
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
    """Which actors a text mentions: every spelling of every actor, as whole words, case
    as printed, the longest spelling winning where spellings overlap; in a paragraph of
    the reading, as data/mentions.yml decides for it (`records`: paragraph ID -> its
    records, from mention_records)."""

    _patterns: dict[tuple, re.Pattern] = {}  # compiled once per set of spellings (several hooks use it)

    def __init__(self, actors: dict[str, Actor], records: dict[str, list[Mention]] | None = None):
        self.actor_of = {v: a for a in actors.values() for v in a.spellings}
        self.records = records or {}
        variants = tuple(sorted(self.actor_of, key=lambda v: (-len(v), v)))
        if variants and variants not in self._patterns:
            self._patterns.clear()
            self._patterns[variants] = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, variants)) + r")(?!\w)")
        self.pattern = self._patterns.get(variants)

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
    for item, line, lines in _items_with_lines(path, MENTIONS, _MENTIONS_FORM):
        where = f"{MENTIONS}:{line}"
        missing = [k for k in _MENTIONS_FORM.required if not item.get(k)]
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
                f"{_found(occurrence)} (1 for the first time the words occur, 2 for the second, ...)"
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


def load_timeline(root: Path) -> list[Event]:
    events: list[Event] = []
    problems: list[str] = []
    for part, editorial in (("events", False), ("editorial_context", True)):
        for item, line, lines in _items_with_lines(root / TIMELINE, TIMELINE, _TIMELINE_FORM, part):
            missing = [k for k in _TIMELINE_FORM.required if not item.get(k)]
            if missing:
                problems.append(f"{TIMELINE}:{line}: event lacks {', '.join(missing)}")
                continue
            if not is_date(str(item["date"])):
                problems.append(
                    f"{TIMELINE}:{lines['date']}: the date '{item['date']}' is not a real date in a form "
                    "the timeline reads (write YYYY, YYYY-MM or YYYY-MM-DD, or a range A/B such as "
                    "1918-05/1920-04)"
                )
                continue
            events.append(
                Event(
                    item["id"],
                    str(item["date"]),
                    item["title"],
                    " ".join(str(item["description"]).split()),
                    line,
                    list(item.get("actors") or []),
                    list(item.get("paragraphs") or []),
                    editorial,
                    **dating(item),
                )
            )
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
                problems.append(
                    f"{TIMELINE}:{event.line}: event '{event.id}': paragraph '{paragraph}' does not exist{hint}"
                )
    return problems


_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")  # not \d: it takes other scripts' digits


def is_date(text: str) -> bool:
    """YYYY, YYYY-MM or YYYY-MM-DD naming a real month and day, or a range of two: A/B
    (what date_key and format_date read)."""

    def real(part: str) -> bool:
        match = _DATE.fullmatch(part)
        if not match:
            return False
        try:
            datetime.date(*(int(g or 1) for g in match.groups()))  # refuses month 13, 30 February
        except ValueError:
            return False
        return True

    parts = text.split("/")
    return len(parts) <= 2 and all(real(p) for p in parts)


def date_key(date: str) -> tuple[int, int, int]:
    """Sort key of a timeline date: its start; a year alone sorts before its months."""
    parts = [int(p) for p in date.split("/")[0].split("-")]
    return tuple(parts + [0] * (3 - len(parts)))


MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


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
