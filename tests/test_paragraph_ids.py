"""Every paragraph, list item and heading has a short, permanent ID that is its anchor."""

import re
from collections import Counter

from conftest import ROOT
from helpers import html_pages, soup

from qarabagh_edition.published_layer import VALID_ID, load_layer, load_pages


def test_every_published_id_is_an_anchor_exactly_once_on_its_page(site):
    layer = load_layer(ROOT)
    counts = Counter()
    pages_of = {}
    for path in html_pages(site):
        page_url = path.parent.relative_to(site).as_posix()
        if (
            path.parent.name in ("search", "print_page")
            or path.name == "404.html"
            or page_url.startswith("as-published")
        ):
            continue  # print_page repeats every page, and the record every ID, by design
        for element in soup(site, page_url).select("article [id]"):
            counts[element["id"]] += 1
            pages_of.setdefault(element["id"], page_url)
    assert layer, "the as-published layer is empty"
    for ident, entry in layer.items():
        assert counts[ident] == 1, f"{ident}: found {counts[ident]} times"
        expected_page = entry.page.removesuffix(".md").removesuffix("index")
        assert pages_of[ident].strip(".") == expected_page.strip("/"), (ident, pages_of[ident], entry.page)


def test_the_record_carries_every_published_id_once_on_its_page_and_on_its_whole_paper(site):
    layer = load_layer(ROOT)
    whole = Counter(e["id"] for e in soup(site, "as-published/whole-paper/").select("article [id]"))
    for ident, entry in layer.items():
        page = "as-published/" + (entry.page.removesuffix(".md") + "/" if entry.page != "index.md" else "")
        found = soup(site, page).select(f'article [id="{ident}"]')
        assert len(found) == 1, (ident, page, len(found))
        assert whole[ident] == 1, (ident, whole[ident])


def test_ids_are_written_in_the_source_not_computed(site):
    # The anchor of each block is the ID written under it in docs/, so inserting a
    # paragraph elsewhere cannot renumber it.
    pages, problems = load_pages(ROOT)
    assert problems == []
    for page, blocks in pages.items():
        source = (ROOT / "docs" / page).read_text(encoding="utf-8")
        for block in blocks:
            assert re.search(r"\{:?\s*#" + re.escape(block.id) + r"[\s}]", source), (page, block.id)


def test_ids_are_short_and_readable():
    layer = load_layer(ROOT)
    for ident in layer:
        assert VALID_ID.match(ident) and len(ident) <= 40, ident


def test_every_paragraph_and_list_item_of_the_content_has_an_id(site):
    for path in html_pages(site):
        page_url = path.parent.relative_to(site).as_posix()
        if page_url in ("search", "print_page") or path.name == "404.html":
            continue
        article = soup(site, page_url).select_one("article.md-content__inner")
        if article.select_one(".editorial-banner"):
            continue  # the editors' own pages (glossary, timeline) are not the paper
        for element in article.select("p, li, blockquote, h1, h2, h3"):
            # Not the paper's text: title block, contents, Cite box, editors' notes and
            # generated sections (class "editorial"), the footnoted references, the lines
            # the template writes (which reading this is; the printed page's source; "Show changes").
            if (
                any(
                    c in ("editorial", "reading-marker", "reading-banner", "print-source", "show-changes-row")
                    or c.startswith("record-")
                    for c in element.get("class") or []
                )
                or element.find_parent(
                    class_=re.compile(
                        r"paper-front|paper-contents|md-source-file|cite-this|editorial-note|footnote|published-reading"
                    )
                )
                or "reading-time" in (element.get("class") or [])
            ):
                continue
            if element.find_parent(id=re.compile(r"^ref-")) or (element.get("id") or "").startswith("ref-"):
                continue
            if element.name == "li" and element.find("p"):
                continue
            if element.name == "p" and element.find_parent("li") and element.find_parent("li").get("id"):
                continue
            assert (
                element.get("id")
                or element.find_parent(id=True) is not None
                and element.find_parent(id=True).name in ("li", "blockquote")
            ), f"{page_url}: {element.name} without id: {element.get_text()[:60]}"
