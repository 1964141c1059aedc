"""Make each in-text citation one link, and add the editors' note where a printed
citation disagrees with the reference list.

mkdocs-bibtex writes "(Vaezi 2008, 157–58)" followed by a footnote number; here the
citation text itself becomes the link to the full reference, so it reads like the
paper and shows the reference on hover or focus (Material's footnote tooltips).
The notes come from `differs` in bib/citations.yml (data, not prose on the page).
"""
from __future__ import annotations

from mkdocs.plugins import event_priority

import html
import re
from pathlib import Path

from qarabagh_edition.published_layer import load_citations

# "(Vaezi 2008, 157&ndash;58)<sup id="fnref:vaezi2008"><a class="footnote-ref" href="#fn:vaezi2008">1</a></sup>"
INLINE_CITATION = re.compile(
    r'(?P<text>\((?:[^()<>]|<em>|</em>)*?\))'
    r'<sup id="(?P<ref_id>fnref\d*:[^"]+)"><a class="footnote-ref" href="(?P<href>#fn:[^"]+)">\d+</a></sup>'
)

_citations: dict = {}


def on_pre_build(config, **kwargs):
    root = Path(config.config_file_path).resolve().parent
    _citations.clear()
    _citations.update(load_citations(root))


def link_citations(content: str) -> str:
    return INLINE_CITATION.sub(
        lambda m: (f'<span class="citation" id="{m["ref_id"]}">'
                   f'<a class="footnote-ref" href="{m["href"]}">{m["text"]}</a></span>'),
        content,
    )


def editorial_note(records) -> str:
    items = "\n".join(
        f"<li>Printed citation “{html.escape(r.published)}”: {html.escape(r.differs)}</li>" for r in records
    )
    return (
        '<aside class="editorial-note" role="note" aria-label="Editorial note">'
        '<span class="editorial-label">Editorial note</span>'
        f'<ul>{items}</ul></aside>'
    )


def add_notes(content: str) -> str:
    for paragraph, records in _citations.items():
        differing = [r for r in records if r.differs]
        if not differing:
            continue
        block = re.search(rf'<(p|li)\b[^>]*\bid="{re.escape(paragraph)}"[^>]*>.*?</\1>', content, re.S)
        if block:
            # After a paragraph; inside a list item (an <aside> may not stand between <li>s).
            at = block.end() - len("</li>") if block.group(1) == "li" else block.end()
            content = content[:at] + "\n" + editorial_note(differing) + content[at:]
    return content


@event_priority(50)  # before the whole-paper page takes the page (whole_paper.py)
def on_page_content(content, page, **kwargs):
    return add_notes(link_citations(content))
