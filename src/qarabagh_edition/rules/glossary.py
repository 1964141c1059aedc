"""The glossary and the timeline against the text, for the build and scripts/lint alike:
a spelling claimed by two entries, an entry or spelling the paper never prints, a common
English word as a spelling, a timeline event naming an actor or a paragraph that does not
exist, a mentions record that no longer matches its paragraph, a later fact without its
date and source."""

from __future__ import annotations

from pathlib import Path

from qarabagh_edition.actors import load_glossary
from qarabagh_edition.errors import ContentError
from qarabagh_edition.mentions import load_mentions
from qarabagh_edition.rules.content import data_names  # names and IDs shown as titles: plain text
from qarabagh_edition.rules.dated_facts import check_dated_facts
from qarabagh_edition.rules.spellings import check_spellings
from qarabagh_edition.timeline import check_references, load_timeline


def check_glossary(root: Path, layer: dict, pages: dict) -> list[str]:
    """`file:line: what is wrong (how to fix)` for data/glossary.yml, data/timeline.yml and
    data/mentions.yml, read against the paper's text in both readings."""
    try:  # every loader inside: a file that cannot be read at all raises ContentError
        actors = load_glossary(root)
        events = load_timeline(root)
        mention_problems = load_mentions(root, actors, {b.id: b.text for bs in pages.values() for b in bs if b.id})[1]
    except ContentError as error:
        return error.problems
    # The glossary's spellings are the paper's as printed; later facts are dated and sourced.
    return (
        check_spellings(actors, [entry.text for entry in layer.values()])
        + check_references(events, actors, set(layer))
        + mention_problems
        + data_names(actors, events)
        + check_dated_facts(root)
    )


def data_markup(root: Path, md) -> list[str]:
    """The data's Markdown judged as what a page of docs/ may be: descriptions and other
    forms, and names and titles as the headings they become (an inline attr_list on a code
    span, `` `Name`{: #pack-link } ``, holds no markup character, yet gives an element an ID).
    Rendered with `md` (html_allowlist.page_markdown). The build logs these and goes on, so
    that the built pages' gate reports its own too."""
    from qarabagh_edition.actors import GLOSSARY
    from qarabagh_edition.rules.html_allowlist import check_field
    from qarabagh_edition.timeline import TIMELINE

    try:
        actors, events = load_glossary(root), load_timeline(root)
    except ContentError:
        return []  # check_glossary says why
    fields = [
        (GLOSSARY, actor.line, text)
        for actor in actors.values()
        for text in (f"### {actor.name}", actor.description, actor.native)
    ]
    fields += [(TIMELINE, event.line, text) for event in events for text in (f"### {event.title}", event.description)]
    return [problem for shown, line, text in fields if text for problem in check_field(str(text), shown, line, md)]
