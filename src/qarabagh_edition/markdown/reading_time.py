"""Each section of the paper shows its reading time under its title:
"36 min read · 7,113 words · 43 paragraphs".

The figures are the For instructors page's (pages/instructors.section_stats, the same
function, with mkdocs.yml's nav, which says which pages are the paper's sections). The
page is the one of `docs/` that holds the title's ID, as the rules read the pages
(project.Project.holding); a record page's title (the paper as printed) has none.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

from qarabagh_edition.pages.instructors import reading_time
from qarabagh_edition.pages.record import RECORD_CLASS
from qarabagh_edition.project import project_of, project_settings


class ReadingTime(Treeprocessor):
    def __init__(self, md, project):
        super().__init__(md)
        self.project = project  # () -> the build's Project

    def run(self, root):
        at, title = next(((index, e) for index, e in enumerate(root) if e.tag == "h1"), (None, None))
        if title is None or RECORD_CLASS in title.get("class", "").split():
            return
        project = self.project()
        stat = project.section_stats.get(project.holding.get(title.get("id", "")))
        if stat:
            line = etree.Element("p", {"class": "reading-time"})
            line.text, line.tail = reading_time(stat), title.tail
            title.tail = None
            root.insert(at + 1, line)


class ReadingTimeExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            **project_settings(".", "where data/ and docs/ are"),
            "nav": [[], "mkdocs.yml's nav: its section 'The paper' lists the pages that show a reading time"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        # After the editorial badges (4.6), before the tooltips (4.2): the documented order.
        md.treeprocessors.register(
            ReadingTime(
                md,
                project_of(self),
            ),
            "edition_reading_time",
            4.4,
        )


def makeExtension(**kwargs):
    return ReadingTimeExtension(**kwargs)
