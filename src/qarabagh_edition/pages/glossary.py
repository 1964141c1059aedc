"""The generated editorial pages, from data/glossary.yml, data/timeline.yml and the text itself:

* the Glossary page: entries grouped by type, alphabetical within a group, each
  with its anchor, spellings, description and where the paper mentions it;
* the Timeline page: dated events linked to paragraphs and glossary entries,
  then the editorial context after the paper's publication;
* on every section of the paper, "Actors in this section" (editorial): what the
  section names, under the standard names, so search finds "Karabakh" where the
  paper wrote "Qarabagh".

"Where the paper mentions it" is computed from the pages, never kept by hand.
"""

from __future__ import annotations

import html
import json
import re

from qarabagh_edition.actors import TYPES
from qarabagh_edition.dates import date_key, format_date, is_date
from qarabagh_edition.rules.dated_facts import URL

GLOSSARY_PAGE = "glossary.md"
TIMELINE_PAGE = "timeline.md"


def _printed_spellings(layer, pages, matcher) -> dict[str, dict[str, list[str]]]:
    """Page -> actor -> the spellings the paper printed for it in that page's paragraphs."""
    found: dict[str, dict[str, list[str]]] = {}
    for page, blocks in pages.items():
        for block in blocks:
            entry = layer.get(block.id or "")
            if entry is None:
                continue
            for start, end, actor in matcher.mentions(entry.text):
                spelling = entry.text[start:end]
                spellings = found.setdefault(page, {}).setdefault(actor.id, [])
                if spelling not in spellings:
                    spellings.append(spelling)
    return found


def _paragraph_links(places: list[tuple[str, str]], titles: dict[str, str]) -> str:
    groups: dict[str, list[str]] = {}
    for page, paragraph in places:
        number = paragraph.rsplit("-", 1)[-1]
        groups.setdefault(page, []).append(f"[¶ {number}]({page}#{paragraph})")
    # A line a section: later steps (the whole-paper page) scan the HTML line by line.
    return ";\n".join(f"{titles.get(page, page)} {', '.join(links)}" for page, links in groups.items())


def _quote(words: list[str]) -> str:
    return ", ".join(f"“{w}”" for w in words)


# What Python-Markdown reads as markup and lets a backslash escape.
_MARKUP = re.compile(r"([\\`*_{}\[\]()#+\-.!])")


def _plain(text: str) -> str:
    """Text from the data as Markdown that shows exactly that text, never markup."""
    return _MARKUP.sub(r"\\\1", html.escape(" ".join(str(text).split()), quote=False))


def _date(text: str) -> str:
    return format_date(text) if is_date(text) and "/" not in text else _plain(text)


def dating(as_of: str | None, sources: list[dict[str, str]]) -> list[str]:
    """'As of 7 December 2026; sources: …' under an entry whose statements date
    (qarabagh_edition.rules.dated_facts): quiet, and marked editorial."""
    if not as_of:
        return []
    cited = []
    for source in sources:
        title = _plain(source.get("title", ""))
        url = source.get("url", "")
        if URL.fullmatch(url):  # the rule refuses any other; never a link to what it would refuse
            title = f"[{title}]({url})"
        cited.append(f"{_plain(source.get('publisher', ''))}, “{title}”, {_date(source.get('date', ''))}")
    return [
        f"As of {_date(as_of)}; {'source' if len(cited) == 1 else 'sources'}: {'; '.join(cited)}.",
        "{: .editorial .fact-dating }",
        "",
    ]


def timeline_date(date: str) -> str:
    """A date (or range) as <time> elements whose datetime is machine-readable."""
    parts = date.split("/")
    times = [f'<time datetime="{part}">{format_date(part)}</time>' for part in parts]
    return ("–" if all(len(p) == 4 for p in parts) else " – ").join(times)


class GlossaryPages:
    """What the three kinds of page show, computed once from the data and the pages."""

    def __init__(self, project, titles: dict[str, str]):
        """From a build's Project (qarabagh_edition.project) and the nav's page titles."""
        actors, pages, matcher = project.actors, project.pages, project.matcher
        mentions: dict[str, list[tuple[str, str]]] = {a: [] for a in actors}  # actor -> [(page, paragraph)]
        by_page: dict[str, list[str]] = {}  # page -> actors in order of first mention
        for page, blocks in pages.items():
            order = by_page.setdefault(page, [])
            for block in blocks:
                if block.kind == "heading":
                    continue
                for _, _, actor in matcher.mentions(block.text, block.id):
                    if (page, block.id) not in mentions[actor.id]:
                        mentions[actor.id].append((page, block.id))
                    if actor.id not in order:
                        order.append(actor.id)
        self.actors, self.mentions, self.by_page, self.titles = actors, mentions, by_page, titles
        self.events = project.events
        self.spellings = _printed_spellings(project.layer, pages, matcher)
        self.paragraph_pages = {p: {b.id for b in blocks} for p, blocks in pages.items()}

    def glossary_markdown(self) -> str:
        actors, mentions, titles = self.actors, self.mentions, self.titles
        out = []
        for kind, heading in TYPES.items():
            group = sorted((a for a in actors.values() if a.type == kind), key=lambda a: a.name.casefold())
            if not group:
                continue
            out += [f"## {heading} {{ #type-{kind} }}", ""]
            for actor in group:
                out += [f"### {actor.name} {{ #{actor.id} }}", ""]
                details = []
                if actor.native:
                    details.append(f"**Other forms:** {actor.native}")
                details.append(f"**In the paper as:** {_quote(actor.variants)}")
                # A line break between the two, so that search does not read them as one word.
                out += [
                    "<br>\n".join(details),
                    "{: .glossary-forms }",
                    "",
                    actor.description,
                    "{: .glossary-description }",
                    "",
                ]
                out += dating(actor.as_of, actor.sources)
                where = _paragraph_links(mentions.get(actor.id, []), titles)
                if where:
                    out += [f"**Mentioned in:** {where}", "{: .glossary-mentions }", ""]
        return "\n".join(out)

    def timeline_markdown(self) -> str:
        actors, titles = self.actors, self.titles
        out = []

        def event_block(event) -> list[str]:
            lines = [
                f"### {event.title} {{ #{event.id} }}",
                "",
                timeline_date(event.date),
                "{: .timeline-date }",
                "",
                event.description,
                "",
            ] + dating(event.as_of, event.sources)
            if event.actors:
                names = " · ".join(f"[{actors[a].name}]({GLOSSARY_PAGE}#{a})" for a in event.actors)
                lines += [f"**Actors:** {names}", "{: .timeline-actors }", ""]
            if event.paragraphs:
                pages = []
                for paragraph in event.paragraphs:
                    page = next((p for p, blocks in self.paragraph_pages.items() if paragraph in blocks), None)
                    pages.append((page, paragraph))
                lines += [f"**In the paper:** {_paragraph_links(pages, titles)}", "{: .timeline-paragraphs }", ""]
            return lines

        out += ["## Events the paper refers to { #events }", ""]
        for event in sorted((e for e in self.events if not e.editorial), key=lambda e: date_key(e.date)):
            out += event_block(event)
        out += [
            "## After the paper: editorial context { #editorial-context .editorial }",
            "",
            '!!! warning "Not in the paper"',
            "    The paper was published in 2018, before the 2020 war and the events that followed it.",
            "    The editors list these later events only so that readers know how the conflict",
            "    the paper discusses developed; the paper says nothing about them.",
            "",
        ]
        for event in sorted((e for e in self.events if e.editorial), key=lambda e: date_key(e.date)):
            out += event_block(event)
        return "\n".join(out)

    def actors_in_section(self, page: str) -> str:
        order = self.by_page.get(page) or []
        if not order:
            return ""
        actors, spellings = self.actors, self.spellings.get(page, {})
        items = []
        for actor_id in order:
            actor = actors[actor_id]
            shown = set(actor.standard.values()) | {actor.name}
            printed = [s for s in spellings.get(actor_id, []) if s not in shown]
            notes = [f"printed {_quote(printed)}"] if printed else []
            if actor.native and actor.type == "place":  # where the parties' names for a place differ
                notes.append(f"also {actor.native}")
            # Names, not links: each is linked where the text names it (first in each
            # paragraph), and a hundred more links made the longest page slow to start.
            items.append(actor.name + (f" ({'; '.join(notes)})" if notes else ""))
        return "\n".join(
            [
                "## Actors in this section { #actors-in-this-section .editorial }",
                "",
                "People, places, states, organisations and events named in this section, under their standard "
                "names, with the paper's own spellings and, for places, other names. In the text, each is linked "
                f"to its entry in the [glossary]({GLOSSARY_PAGE}).",
                "{: .editorial }",
                "",
                " ·\n".join(items),  # a line an actor, for the same reason
                "{: .editorial .actors-in-section }",
                "",
            ]
        )


def tooltip_script(actors: dict) -> str:
    """The glossary's descriptions as a script for tooltips.js, written once for the site
    rather than as a title on every link (some 250 on the longest section). Sorted, so
    the file changes only when a description does."""
    data = json.dumps({ident: actors[ident].tooltip for ident in sorted(actors)}, ensure_ascii=False, indent=0)
    return f"window.editionGlossary = {data};\n"  # a JSON object is a JavaScript literal
