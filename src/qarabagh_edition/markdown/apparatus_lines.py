"""The page's apparatus, read once from its own lines, then taken out of them.

The apparatus lines above a paragraph (`<!-- emendation: … -->`, qarabagh_edition.apparatus)
are read by reading_page.parse_page, the parser lint and the build's checks use, from
the lines Python-Markdown is given, before its html_block step (20) would stash them as
raw HTML. Then they are removed from those lines: readers meet the apparatus as the
edition shows it (markers, notes, conjecture marks), and no comment of it reaches a page.

The extensions that show the apparatus (change_marks, reading_markers) each register
this one preprocessor under one name, so it runs once however many of them are listed,
and ask `apparatus_of(md)` for the page's apparatus by paragraph ID.
"""

from __future__ import annotations

from markdown import Markdown
from markdown.preprocessors import Preprocessor

from qarabagh_edition.apparatus import Apparatus, parse
from qarabagh_edition.reading_page import parse_page

NAME = "edition_apparatus_lines"
FOUND = "edition_apparatus"  # the Markdown instance's attribute: this page's apparatus by ID


class ApparatusLines(Preprocessor):
    def run(self, lines):
        # Problems are lint's and the build's checks' to report: here the page is only read.
        blocks, _ = parse_page("\n".join(lines), "")
        found: dict[str, Apparatus] = {}
        taken: set[int] = set()
        for block in blocks:
            if block.id and block.notes:
                found[block.id] = parse(block.notes, "")[0]
            for _, _, line in block.notes:  # a note's comment: from its first line to its '-->'
                end = line - 1
                while end < len(lines) - 1 and "-->" not in lines[end]:
                    end += 1
                taken.update(range(line - 1, end + 1))
        setattr(self.md, FOUND, found)
        return [text for index, text in enumerate(lines) if index not in taken]


def register(md: Markdown) -> None:
    # Before html_block (20), which would stash the comments as raw HTML.
    md.preprocessors.register(ApparatusLines(md), NAME, 25)


def apparatus_of(md: Markdown) -> dict[str, Apparatus]:
    """The apparatus of the page being converted, by paragraph ID (blocks with notes only)."""
    return getattr(md, FOUND, {})
