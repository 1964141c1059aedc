"""`data-paragraph="12"` on every block whose permanent ID ends in its number
(`social-12`): the number print styles show in the margin, and the paragraph tools
(link, cite) name."""

from __future__ import annotations

import re

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

NUMBERED_ID = re.compile(r"^[a-z]+(?:-[a-z]+)*-(\d+)$")
NUMBERED_TAGS = {"p", "li", "blockquote"}


class ParagraphNumbers(Treeprocessor):
    def run(self, root):
        for element in root.iter():
            if element.tag in NUMBERED_TAGS and (found := NUMBERED_ID.match(element.get("id", ""))):
                element.set("data-paragraph", found.group(1))


class ParagraphNumbersExtension(Extension):
    def extendMarkdown(self, md):
        # After attr_list (8) has set the IDs.
        md.treeprocessors.register(ParagraphNumbers(md), "edition_paragraph_numbers", 7)


def makeExtension(**kwargs):
    return ParagraphNumbersExtension(**kwargs)
