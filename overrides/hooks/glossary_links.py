"""Link the first mention of each actor in every paragraph of the paper to its
glossary entry, with the entry's short description as a tooltip.

Contributors write plain prose; the linking happens here, on the rendered HTML,
so the Markdown stays free of markup and the words shown are the words written
(a mention is wrapped, never rewritten).

The descriptions are written once, to assets/javascripts/glossary-data.js, not into a
`title` on every link: the longest section mentions some 250 actors, and a title on
each cost 5 KB compressed per page and had Material set up 250 tooltips at load.
assets/javascripts/glossary-tooltips.js fetches the data on the first hover or focus
and shows one shared tooltip. Without JavaScript the link still leads to the entry.

Why our own hook: mkdocs-ezglossary-plugin needs `<glossary:term>` markup in the
prose, and Material's abbreviations give tooltips on every occurrence but no link
and no "first mention per paragraph"; neither knows the paper's variant spellings.
"""
from __future__ import annotations

from mkdocs.plugins import event_priority

import json
import re
from pathlib import Path

from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from qarabagh_edition.actors import Matcher, load_glossary, mention_records
from qarabagh_edition.published_layer import load_pages

GLOSSARY_URL = "glossary/"
TOOLTIP_DATA = "assets/javascripts/glossary-data.js"  # beside glossary-tooltips.js, which loads it
# A paragraph, list item or quotation of the paper: its ID ends in a number.
PAPER_BLOCK = re.compile(r'<(p|li)\b[^>]*\bid="(?P<id>[a-z]+(?:-[a-z]+)*-\d+)"[^>]*>.*?</\1>', re.S)
TAG = re.compile(r"<[^>]+>")
# Inside these, text is not linked: links, citations, notes, buttons, code.
SKIP = {"a", "sup", "aside", "details", "code", "button", "script", "style"}

_state: dict = {}


def on_pre_build(config, **kwargs):
    root = Path(config.config_file_path).resolve().parent
    actors = load_glossary(root)
    _state["matcher"] = Matcher(actors)
    pages, _ = load_pages(root, Path(config.docs_dir).relative_to(root).as_posix())
    _state["mentions"] = mention_records(root, actors, pages)  # which actor an ambiguous mention is
    _state["tooltips"] = {actor.id: actor.tooltip for actor in actors.values()}


def on_files(files, config, **kwargs):
    # Sorted, so the file (and any cache of it) changes only when a description does.
    tooltips = dict(sorted(_state.get("tooltips", {}).items()))
    data = json.dumps(tooltips, ensure_ascii=False, indent=0)  # a JSON object is a JavaScript literal
    files.append(File.generated(config, TOOLTIP_DATA, content=f"window.editionGlossary = {data};\n"))
    return files


def link_block(block: str, matcher: Matcher, base: str, overrides=()) -> str:
    linked: set[str] = set()
    seen: dict = {}  # occurrences of the overrides' words so far in this paragraph
    out: list[str] = []
    depth = 0  # how deep inside elements whose text is not linked
    position = 0
    for tag in TAG.finditer(block):
        out.append(_link_text(block[position:tag.start()], matcher, base, linked, overrides, seen) if depth == 0
                   else block[position:tag.start()])
        name = re.match(r"</?\s*([a-zA-Z0-9]+)", tag.group(0))
        if name and name.group(1).lower() in SKIP and not tag.group(0).endswith("/>"):
            depth += -1 if tag.group(0).startswith("</") else 1
        out.append(tag.group(0))
        position = tag.end()
    out.append(block[position:])
    return "".join(out)


def _link_text(text: str, matcher: Matcher, base: str, linked: set[str], overrides=(), seen=None) -> str:
    out, position = [], 0
    for start, end, actor in matcher.mentions(text, overrides, seen):
        if actor.id in linked:
            continue
        linked.add(actor.id)
        out.append(text[position:start])
        out.append(f'<a class="glossary-term" href="{base}#{actor.id}">{text[start:end]}</a>')
        position = end
    out.append(text[position:])
    return "".join(out)


@event_priority(50)  # before the whole-paper page takes the page (whole_paper.py)
def on_page_content(content, page, files, **kwargs):
    matcher = _state.get("matcher")
    if matcher is None or page.meta.get("editorial"):
        return content
    glossary = files.get_file_from_path("glossary.md")  # glossary/ or glossary.html (offline copy)
    base = get_relative_url(glossary.url if glossary else GLOSSARY_URL, page.url)
    mentions = _state.get("mentions", {})
    return PAPER_BLOCK.sub(lambda m: link_block(m.group(0), matcher, base, mentions.get(m.group("id"), ())), content)
