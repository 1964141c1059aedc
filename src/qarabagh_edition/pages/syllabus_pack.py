"""The Syllabus pack page's data: every paragraph of the paper, as built, inline in one page.

An instructor ticks paragraphs or whole sections on the reading pages
(assets/javascripts/pack.js) and the pack page (docs/pack.md) assembles them into a
printable excerpt: each paragraph's number, text, permanent link and the full
references it cites, with the paper's citation at the top. The site is static and
must also work opened from disk (file://), where a script cannot fetch other pages;
so the pack page carries the paragraphs itself, as JSON in
`<script type="application/json" id="pack-data">`.

The data is taken from the pages' content as rendered and annotated (the build combines
it once every page is rendered, as it does the whole paper), so the pack shows exactly
what a reader sees: the corrected reading with its glossary links and citations, not a
second rendering of the Markdown that could drift from it. Search skips the script
element it is written in, so the whole paper is not indexed again under "Syllabus pack".

Paragraphs are the blocks whose permanent ID ends in a number (`social-12`), the
same ones that get the "¶ N" button (assets/javascripts/cite.js), on every page of the
navigation that is not editorial (the home page holds the abstract and keywords).
"""

from __future__ import annotations

import json
import re
from copy import deepcopy
from dataclasses import dataclass

from qarabagh_edition.urls import rebase

PARAGRAPH_ID = re.compile(r"^[a-z]+(?:-[a-z]+)*-(\d+)$")  # as in cite.js
PLACEHOLDER = re.compile(r'<div id="pack-root"(?P<attrs>[^>]*)>\s*</div>')
# Editorial matter kept inside a paragraph's element: not part of the paper's text.
HOME_SECTION = "Abstract and keywords"  # the home page's section in the pack
EDITORIAL_PARTS = ".reading-marker, aside.editorial-note, .paragraph-tools, .editorial-badge"
# The marks "Show changes" draws (markdown.change_marks): the pack has no such switch.
CHANGE_MARKS = "span.change:not(.change--conjecture), span.queried"


def _references(article) -> dict[str, dict]:
    """Full references of the page's footnotes (citations), by citation key."""
    from bs4 import BeautifulSoup

    references = {}
    for item in article.select('div.footnote li[id^="fn:"]'):
        item = BeautifulSoup(str(item), "html.parser").li
        for backref in item.select("a.footnote-backref"):
            backref.decompose()
        inner = item.p if item.p and len(item.find_all("p")) == 1 else item
        html = inner.decode_contents().strip()
        references[item["id"][3:]] = {"html": html, "text": " ".join(inner.get_text().split())}
    return references


class PackError(Exception):
    """A page's paragraphs cannot go into the pack (the message says where and why)."""


@dataclass
class PaperPage:
    """What the pack needs of a page of the paper."""

    src_uri: str
    url: str  # its path in the site, "social-impacts/"
    title: str  # its section's title in the pack
    content: str  # its content, as rendered and annotated


def page_paragraphs(page: PaperPage, pack_path: str, site_url: str) -> list[dict]:
    """The paragraphs of a page, ready for the pack."""
    from bs4 import BeautifulSoup  # here: importing it takes some 60 ms, spent only for the pack

    article = BeautifulSoup(f"<article>{page.content}</article>", "lxml").select_one("article")
    references = _references(article)
    url = site_url + page.url
    found = []
    for element in article.select("p[id], li[id]"):
        match = PARAGRAPH_ID.match(element["id"])
        if not match or element.find_parent(class_="footnote"):
            continue
        copy = deepcopy(element)  # a detached copy to trim, leaving the page's tree as it is
        for part in copy.select(EDITORIAL_PARTS):
            part.decompose()
        for mark in copy.select(CHANGE_MARKS):
            mark.unwrap()  # the reading's words stay; a conjecture stays marked, with its "conj."
        keys = []
        for ref in copy.select('a.footnote-ref[href^="#fn:"]'):
            key = ref["href"][4:]
            ref["data-cite-key"] = key
            del ref["href"]
            if key not in keys:
                keys.append(key)
        for tag in copy.find_all(True):
            if tag.has_attr("id"):
                del tag["id"]  # would clash on the pack page, where paragraphs meet
            for attribute in ("href", "src"):
                if tag.has_attr(attribute):
                    tag[attribute] = rebase(tag[attribute], page.url, pack_path)
        missing = [key for key in keys if key not in references]
        if missing:
            raise PackError(
                f"syllabus pack: {page.src_uri}: #{element['id']} cites "
                f"{', '.join(missing)}, which the page's references do not list"
            )
        found.append(
            {
                "id": element["id"],
                "number": int(match.group(1)),
                "section": page.title,
                "path": page.url,
                "url": f"{url}#{element['id']}",
                "corrected": element.get("data-reading") == "corrected",
                "html": copy.decode_contents().strip(),
                "citations": [{"key": key, **references[key]} for key in keys],
            }
        )
    return found


def pack_data(pages: list[PaperPage], pack_path: str, site_url: str, cite: dict, editors: str) -> dict:
    """Everything the pack page shows, from the pages of the paper (in reading order)."""
    edition = cite.get("edition") or {}
    version = (
        f"version of {edition['date']}, commit {edition['short']}"
        if edition.get("commit")
        else "unversioned working copy"
    )
    paragraphs, sections, seen = [], [], set()
    for page in pages:
        found = page_paragraphs(page, pack_path, site_url)
        for paragraph in found:
            if paragraph["id"] in seen:
                raise PackError(f"syllabus pack: paragraph ID {paragraph['id']} appears twice")
            seen.add(paragraph["id"])
            paragraphs.append(paragraph)
        if found:
            sections.append({"title": page.title, "path": page.url})
    return {
        "paper": {
            "chicago": cite.get("chicago", ""),
            # Which text the pack reproduces: this edition's corrected reading.
            "edition": (
                f'Corrected English edition by {editors.lower()}, {version}. <a href="{site_url}">{site_url}</a>.'
            ),
        },
        "site_url": site_url,
        "pack_url": site_url + pack_path,
        "sections": sections,
        "paragraphs": paragraphs,
    }


def with_pack_data(html: str, data: dict, shown: str) -> str:
    """The pack page's content with its data after the placeholder <div id="pack-root">."""
    # "<" escaped, so no "</script>" or "<!--" in the text can end the element early.
    payload = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
    replaced, count = PLACEHOLDER.subn(
        lambda m: (
            f'<div id="pack-root"{m.group("attrs")}></div>\n'
            f'<script type="application/json" id="pack-data">{payload}</script>'
        ),
        html,
        count=1,
    )
    if not count:
        raise PackError(
            f'syllabus pack: {shown}: the placeholder <div id="pack-root"></div> is missing from the built page'
        )
    return replaced
