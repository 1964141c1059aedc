"""The glossary of actors (data/glossary.yml): its entries, checked for form (required
fields, known type, unique IDs and spellings). Which actors a text mentions is
qarabagh_edition.mentions'; the timeline, qarabagh_edition.timeline. Problems are
`file:line: what is wrong (how to fix it)`.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

from qarabagh_edition.data_entries import GLOSSARY_FORM, items_with_lines
from qarabagh_edition.errors import ContentError

GLOSSARY = "data/glossary.yml"

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
REQUIRED = GLOSSARY_FORM.required


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


def load_glossary(root: Path) -> dict[str, Actor]:
    """Every actor, checked for form: required fields, known type, unique ids and variants."""
    problems: list[str] = []
    actors: dict[str, Actor] = {}
    owner: dict[str, Actor] = {}
    for item, line, _ in items_with_lines(root / GLOSSARY, GLOSSARY, GLOSSARY_FORM):
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
