"""The project's content as one build reads it: the record, the reading pages, the
citations, the glossary, the timeline and the mention records.

The build reads it once, after its checks (overrides/hooks/edition.py, on_pre_build),
and hands it to every stage and Markdown extension that needs it, so that no page reads
the files again and nothing is remembered between builds: `serve` reads it anew for
each rebuild, and sees every edit. The views made from it (the two readings of every
paragraph, the Glossary's lists, the sections' figures) are made on first use, from
this build's data only.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from qarabagh_edition.actors import Actor, load_glossary
from qarabagh_edition.mentions import Matcher, Mention, mention_records
from qarabagh_edition.printed_citations import CitationRecord, load_citations
from qarabagh_edition.published_layer import LayerEntry, load_layer, load_pages
from qarabagh_edition.reading_page import Block
from qarabagh_edition.site_config import nav_titles
from qarabagh_edition.timeline import Event, load_timeline


@dataclass
class Project:
    root: Path
    docs_dir: str
    nav: list  # mkdocs.yml's nav
    layer: dict[str, LayerEntry]
    pages: dict[str, list[Block]]  # the paper's reading pages, by their path inside docs/
    citations: dict[str, list[CitationRecord]]
    actors: dict[str, Actor]
    events: list[Event]
    mentions: dict[str, list[Mention]]

    @classmethod
    def read(cls, root: Path, docs_dir: str = "docs", nav: list | None = None) -> Project:
        """ContentError when a file cannot be read (the checks say why first)."""
        layer = load_layer(root)
        pages, _ = load_pages(root, docs_dir)
        actors = load_glossary(root)
        return cls(
            root,
            docs_dir,
            list(nav or []),
            layer,
            pages,
            load_citations(root, layer),
            actors,
            load_timeline(root),
            mention_records(root, actors, pages),
        )

    @cached_property
    def holding(self) -> dict[str, str]:
        """Block ID -> the reading page that holds it: which page a rendered tree is, told
        by its IDs, as the rules read the pages."""
        return {block.id: page for page, blocks in self.pages.items() for block in blocks if block.id}

    @cached_property
    def matcher(self) -> Matcher:
        return Matcher(self.actors, self.mentions)

    @cached_property
    def paragraphs(self) -> list:
        """Every body paragraph with both readings (pages.two_readings); ContentError when
        an apparatus does not lead from the printed text to the reading."""
        from qarabagh_edition.pages.two_readings import reading_paragraphs

        return reading_paragraphs(self)

    @cached_property
    def glossary_pages(self):
        """What the Glossary, the Timeline and "Actors in this section" show."""
        from qarabagh_edition.pages.glossary import GlossaryPages

        return GlossaryPages(self, nav_titles(self.nav))

    @cached_property
    def section_stats(self) -> dict[str, dict]:
        """The paper's sections' words, minutes and main actors (pages.instructors)."""
        from qarabagh_edition.pages.instructors import section_stats

        return section_stats(self, self.nav)


def given_or_read(given, root: str | Path, docs_dir: str, nav: list | None = None) -> Project:
    """The Project an engine handed a Markdown extension (the build does), else the files
    read now (a Markdown used on its own, as the tests use it)."""
    return given or Project.read(Path(root), docs_dir, nav)


def project_settings(root: str = ".", where: str = "the project folder") -> dict:
    """The settings every extension that reads the project's data takes (Python-Markdown's
    Extension.config form): where the project is, or the build's Project itself."""
    return {
        "root": [root, f"The project folder ({where})"],
        "docs_dir": ["docs", "The reading pages' folder, inside root"],
        "project": ["", "The build's Project (qarabagh_edition.project); read from root when not given"],
    }


def project_of(extension):
    """() -> the Project an extension's settings name: the build's, or read from its root
    (None when it has neither). Called when a page is converted, not when it is set up."""
    given, root = extension.getConfig("project"), extension.getConfig("root")
    nav = extension.getConfig("nav") if "nav" in extension.config else None
    return lambda: given_or_read(given, root, extension.getConfig("docs_dir"), nav) if given or root else None
