"""Tooltips: the page's titles are shown by the edition's one tooltip, made on hover or
focus, not by one Material tooltip per element made at load
(qarabagh_edition.markdown.tooltips, assets/javascripts/tooltips.js)."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

# What the treeprocessor writes (qarabagh_edition.markdown.tooltips): tests/golden/markdown/tooltips/.


def test_no_page_keeps_a_title_on_the_editions_marks(site):
    """So Material's content.tooltips sets none up for them at load; and the permalinks
    and back-links are named for screen readers."""
    titled, named = [], 0
    for path in site.rglob("index.html"):
        article = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one("article")
        if article is None:
            continue
        titled += [
            f"{path.relative_to(site)}: {element.name}.{element.get('class')}"
            for element in article.select("a.headerlink[title], a.footnote-backref[title], .editorial-badge[title]")
        ]
        for link in article.select("a.headerlink, a.footnote-backref"):
            assert link.get("aria-label") == link.get("data-tooltip") and link["aria-label"], (path, link)
            named += 1
    assert titled == []
    assert named > 500  # every page's permalinks, the whole paper's included


@pytest.mark.browser
def test_permalink_and_badge_tooltips_show_on_hover_and_focus(page, server):
    page.goto(server + "print_page/", wait_until="networkidle")
    # Material set up no tooltip of its own for the page's text.
    assert page.locator("article [title]").count() == 0
    tooltip = page.locator("#edition-tooltip[role=tooltip]")
    heading = page.locator("article h2.editorial").first
    heading.hover()
    badge = heading.locator(".editorial-badge")
    badge.hover()
    tooltip.wait_for(state="visible", timeout=5000)
    assert tooltip.inner_text().startswith("This heading was added by the editors")
    assert badge.get_attribute("aria-describedby") == "edition-tooltip"
    permalink = heading.locator("a.headerlink")
    permalink.focus()
    tooltip.wait_for(state="visible", timeout=5000)
    assert tooltip.inner_text() == "Link to this heading"
    # Its name is already that text: a screen reader says it once, not again as a description.
    assert permalink.get_attribute("aria-label") == "Link to this heading"
    assert permalink.get_attribute("aria-describedby") is None
    page.keyboard.press("Escape")
    tooltip.wait_for(state="hidden", timeout=5000)


@pytest.mark.browser
def test_on_touch_a_glossary_name_and_a_citation_preview_in_place(browser, server):
    """Touch has no hover: a tap on a name or a citation showed nothing and left the page.
    It previews in place, with the link onward; a second tap on it follows it."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True)
    page = context.new_page()
    page.goto(server + "roots-of-the-crisis/", wait_until="networkidle")
    tooltip = page.locator("#edition-tooltip")
    citation = page.locator(".citation a.footnote-ref").first
    citation.scroll_into_view_if_needed()
    citation.tap()
    tooltip.wait_for(state="visible", timeout=5000)
    assert "Vaezi" in tooltip.inner_text() and "/roots-of-the-crisis/" in page.url
    assert tooltip.locator("a.edition-tooltip__onward").get_attribute("href") == citation.get_attribute("href")
    term = page.locator("article a.glossary-term").first
    term.scroll_into_view_if_needed()
    term.tap()
    page.wait_for_function(
        "document.querySelector('#edition-tooltip a.edition-tooltip__onward')?.textContent.includes('glossary')"
    )
    words = tooltip.inner_text()
    assert len(words) > 40 and "/roots-of-the-crisis/" in page.url, words
    box = tooltip.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= 740
    term.tap()  # again: on to the entry
    page.wait_for_url("**/glossary/**")
    context.close()
