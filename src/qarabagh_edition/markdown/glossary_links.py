"""Link the first mention of each actor in every paragraph of the paper to its
glossary entry.

Contributors write plain prose; the linking happens here, on the rendered tree, so the
Markdown stays free of markup and the words shown are the words written (a mention is
wrapped, never rewritten). The link is written to the glossary's Markdown file
(`glossary.md#iran`): the engine turns it into the page's URL as it does for any link
between pages (MkDocs' relative-path step runs after this one).

Why our own: mkdocs-ezglossary-plugin needs `<glossary:term>` markup in the prose, and
abbreviations give tooltips on every occurrence but no link and no "first mention per
paragraph"; neither knows the paper's variant spellings nor data/mentions.yml.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

from qarabagh_edition.markdown.paragraph_numbers import NUMBERED_ID  # the paper's blocks: IDs ending in a number
from qarabagh_edition.markdown.tree_text import block_text, crosses, wrap
from qarabagh_edition.mentions import Matcher
from qarabagh_edition.pages.record import RECORD_CLASS  # the record's blocks: text as printed
from qarabagh_edition.project import project_of, project_settings

BLOCKS = {"p", "li"}
# Inside these, text is not linked: links, citations, notes, buttons, code.
SKIP = {"a", "sup", "aside", "details", "code", "button", "script", "style"}


def _opaque(element: etree.Element) -> bool:
    # A block of its own inside this one (a list in a list item) keeps its own mentions.
    return element.tag in SKIP or (element.tag in BLOCKS and "id" in element.attrib)


def link_block(block: etree.Element, matcher: Matcher, href: str) -> None:
    """Wrap the first mention of each actor in the block in a link to `href#actor`.

    The mentions are those Matcher.mentions finds in the block's whole text, as the
    Glossary's lists do; a mention that crosses the edge of an element (half in an
    emphasis) cannot be one link, and the actor's next mention is linked instead."""
    text = block_text(block, _opaque)
    first: dict[str, tuple[int, int]] = {}
    for start, end, actor in matcher.mentions(text, block.get("id")):
        if actor.id not in first and not crosses(block, start, end, _opaque):
            first[actor.id] = (start, end)
    # From the end, so that the offsets of the mentions before each new link stay as they were.
    for ident, (start, end) in sorted(first.items(), key=lambda item: -item[1][0]):
        wrap(
            block,
            start,
            end,
            lambda ident=ident: etree.Element("a", {"class": "glossary-term", "href": f"{href}#{ident}"}),
            _opaque,
        )


class GlossaryLinks(Treeprocessor):
    def __init__(self, md, project, href: str):
        super().__init__(md)
        self.project, self.href = project, href  # project: () -> the build's Project

    def run(self, root):
        # The data is read when a page is rendered, not when the extension is loaded: an
        # engine may load it to check its configuration, before its own checks of the data.
        data = self.project()
        for block in root.iter():
            ident = block.get("id", "")
            if (
                block.tag in BLOCKS
                and ident in data.layer
                and NUMBERED_ID.match(ident)
                and RECORD_CLASS not in block.get("class", "").split()
            ):
                link_block(block, data.matcher, self.href)


class GlossaryLinksExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            **project_settings(".", "where data/ and published/ are"),
            "glossary": ["glossary.md", "The glossary page, as a link from a page to it"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        # After the citation links (6.8), whose words it leaves alone; before MkDocs'
        # relative-path step (0), which turns `glossary.md#id` into the page's URL.
        md.treeprocessors.register(
            GlossaryLinks(
                md,
                project_of(self),
                self.getConfig("glossary"),
            ),
            "edition_glossary_links",
            6.5,
        )


def makeExtension(**kwargs):
    return GlossaryLinksExtension(**kwargs)
