"""The timeline (data/timeline.yml): its events, checked for form, and the actors and
paragraphs they name."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

from qarabagh_edition.actors import Actor, dating, unknown_actor
from qarabagh_edition.data_entries import TIMELINE_FORM, items_with_lines
from qarabagh_edition.dates import is_date
from qarabagh_edition.errors import ContentError

TIMELINE = "data/timeline.yml"


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


def load_timeline(root: Path) -> list[Event]:
    events: list[Event] = []
    problems: list[str] = []
    for part, editorial in (("events", False), ("editorial_context", True)):
        for item, line, lines in items_with_lines(root / TIMELINE, TIMELINE, TIMELINE_FORM, part):
            missing = [k for k in TIMELINE_FORM.required if not item.get(k)]
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
