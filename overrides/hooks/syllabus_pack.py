"""The Syllabus pack page: every paragraph of the paper, as built, inline in one page.

An instructor ticks paragraphs or whole sections on the reading pages
(assets/javascripts/pack.js) and the pack page (docs/pack.md) assembles them into a
printable excerpt: each paragraph's number, text, permanent link and the full
references it cites, with the paper's citation at the top. The site is static and
must also work opened from disk (file://), where a script cannot fetch other pages;
so the pack page carries the paragraphs itself, as JSON in
`<script type="application/json" id="pack-data">`.

The data is taken from the *built* HTML of the paper's pages, after every other hook
and plugin has run (`on_post_build`), so the pack shows exactly what a reader sees:
the corrected reading with its glossary links and citations, not a second rendering
of the Markdown that could drift from it. It is injected after the search index is
written, so search does not index the whole paper a second time under "Syllabus pack".

Paragraphs are the blocks whose permanent ID ends in a number (`social-12`), the
same ones that get the "¶ N" button (assets/javascripts/cite.js), on every page of the
navigation that is not editorial (the home page holds the abstract and keywords).
"""
from __future__ import annotations

import hashlib
import json
import re
from copy import deepcopy
from pathlib import Path

from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from qarabagh_edition.urls import rebase

PARAGRAPH_ID = re.compile(r"^[a-z]+(?:-[a-z]+)*-(\d+)$")  # as in cite.js
PLACEHOLDER = re.compile(r'<div id="pack-root"(?P<attrs>[^>]*)>\s*</div>')
# Editorial matter kept inside a paragraph's element: not part of the paper's text.
HOME_SECTION = "Abstract and keywords"
EDITORIAL_PARTS = "details.published-reading, aside.editorial-note, .paragraph-tools, .editorial-badge"

CACHE_DIR = ".cache/syllabus-pack"  # git-ignored, like the Pandoc results
CODE_VERSION = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()

_state: dict = {"nav": None, "pack_pages": []}


def on_nav(nav, **kwargs):
    _state["nav"] = nav
    _state["pack_pages"] = []
    return nav


def on_page_content(html, page, **kwargs):
    if 'id="pack-root"' in html:
        _state["pack_pages"].append(page)
    return html


def _is_paper_page(page) -> bool:
    return not (page.meta or {}).get("editorial")


def _section_title(page) -> str:
    # The home page carries the paper's abstract and keywords under the paper's title.
    return HOME_SECTION if page.is_homepage else page.title


def _references(article) -> dict[str, dict]:
    """Full references of the page's footnotes (citations), by citation key."""
    references = {}
    for item in article.select('div.footnote li[id^="fn:"]'):
        item = BeautifulSoup(str(item), "html.parser").li
        for backref in item.select("a.footnote-backref"):
            backref.decompose()
        inner = item.p if item.p and len(item.find_all("p")) == 1 else item
        html = inner.decode_contents().strip()
        references[item["id"][3:]] = {"html": html, "text": " ".join(inner.get_text().split())}
    return references


def _paragraphs(page, built: Path, pack_path: str, site_url: str, cache: Path) -> list[dict]:
    built_html = built.read_text(encoding="utf-8")
    # Only the article is read: the navigation around it is most of the page.
    start, end = built_html.find('<article class="md-content__inner'), built_html.rfind("</article>")
    if start < 0 or end < 0:
        return []
    article_html = built_html[start:end + len("</article>")]
    # Parsing takes most of this hook's time; a page whose article, address and pack
    # are unchanged (and this code too) gives the same paragraphs as last time.
    key = hashlib.sha256("\0".join([CODE_VERSION, article_html, page.url, _section_title(page), pack_path,
                                     site_url]).encode("utf-8")).hexdigest()
    cached = cache / f"{key}.json"
    if cached.exists():
        return json.loads(cached.read_text(encoding="utf-8"))
    found = _parse_paragraphs(page, article_html, pack_path, site_url)
    cache.mkdir(parents=True, exist_ok=True)
    cached.write_text(json.dumps(found, ensure_ascii=False), encoding="utf-8")
    return found


def _parse_paragraphs(page, article_html: str, pack_path: str, site_url: str) -> list[dict]:
    article = BeautifulSoup(article_html, "lxml").select_one("article")
    if article is None:
        return []
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
            raise PluginError(f"syllabus pack: {page.file.src_uri}: #{element['id']} cites "
                              f"{', '.join(missing)}, which the page's references do not list")
        found.append({
            "id": element["id"],
            "number": int(match.group(1)),
            "section": _section_title(page),
            "path": page.url,
            "url": f"{url}#{element['id']}",
            "corrected": element.get("data-reading") == "corrected",
            "html": copy.decode_contents().strip(),
            "citations": [{"key": key, **references[key]} for key in keys],
        })
    return found


@event_priority(-100)  # after every other hook has written its files
def on_post_build(config, **kwargs):
    nav = _state["nav"]
    if nav is None or not _state["pack_pages"]:
        return
    site_dir = Path(config.site_dir)
    site_url = config.site_url or ""
    if site_url and not site_url.endswith("/"):
        site_url += "/"
    cite = config.extra.get("cite", {})
    edition = cite.get("edition") or {}
    version = (f"version of {edition['date']}, commit {edition['short']}" if edition.get("commit")
               else "unversioned working copy")
    cache = Path(config.config_file_path).resolve().parent / CACHE_DIR
    for pack in _state["pack_pages"]:
        paragraphs, sections, seen = [], [], set()
        for page in nav.pages:
            if not _is_paper_page(page):
                continue
            found = _paragraphs(page, site_dir / page.file.dest_uri, pack.url, site_url, cache)
            for paragraph in found:
                if paragraph["id"] in seen:
                    raise PluginError(f"syllabus pack: paragraph ID {paragraph['id']} appears twice")
                seen.add(paragraph["id"])
                paragraphs.append(paragraph)
            if found:
                sections.append({"title": _section_title(page), "path": page.url})
        data = {
            "paper": {
                "chicago": cite.get("chicago", ""),
                # Which text the pack reproduces: this edition's corrected reading.
                "edition": (f'Corrected English edition by {config.extra["edition"]["editors"].lower()}, '
                            f'{version}. <a href="{site_url}">{site_url}</a>.'),
            },
            "site_url": site_url,
            "pack_url": site_url + pack.url,
            "sections": sections,
            "paragraphs": paragraphs,
        }
        # "<" escaped, so no "</script>" or "<!--" in the text can end the element early.
        payload = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
        target = site_dir / pack.file.dest_uri
        html = target.read_text(encoding="utf-8")
        replaced, count = PLACEHOLDER.subn(
            lambda m: (f'<div id="pack-root"{m.group("attrs")}></div>\n'
                       f'<script type="application/json" id="pack-data">{payload}</script>'),
            html, count=1)
        if not count:
            raise PluginError(f"syllabus pack: {pack.file.src_uri}: the placeholder "
                              '<div id="pack-root"></div> is missing from the built page')
        target.write_text(replaced, encoding="utf-8")
