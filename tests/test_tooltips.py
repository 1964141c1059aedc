"""Tooltips: the page's titles are shown by the edition's one tooltip, made on hover or
focus, not by one Material tooltip per element made at load
(qarabagh_edition.pages.tooltips, assets/javascripts/tooltips.js)."""
from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT
from qarabagh_edition.pages.tooltips import titles_as_tooltips


def test_a_permalinks_title_becomes_its_tooltip_and_its_name():
    html = '<h2 id="a">Roots<a class="headerlink" href="#a" title="Link to this heading">¶</a></h2>'
    assert titles_as_tooltips(html) == ('<h2 id="a">Roots<a class="headerlink" href="#a" data-tooltip="Link to this '
                                        'heading" aria-label="Link to this heading">¶</a></h2>')


def test_a_badges_title_becomes_its_tooltip_only():
    html = '<span class="editorial-badge" title="Added by the editors &amp; not &quot;published&quot;.">Editorial</span>'
    assert titles_as_tooltips(html) == ('<span class="editorial-badge" data-tooltip="Added by the editors &amp; '
                                        'not &quot;published&quot;.">Editorial</span>')


def test_other_titles_stay_for_material():
    """An abbreviation's expansion, or a button whose title is its only name, is left as
    it is (Material shows it)."""
    html = ('<abbr title="Organization for Security and Co-operation in Europe">OSCE</abbr>'
            '<a href="https://example.org/edit" title="Edit this page" class="md-content__button md-icon">✎</a>')
    assert titles_as_tooltips(html) == html


def test_text_and_other_attributes_that_look_like_a_title_are_left_alone():
    html = ('<p data-note="x" id="p1">Write title="x" in text; <img alt="a title" src="a.png" />'
            '<a class="conjecture-mark" data-tooltip="As published: x" title="y">conj.</a>'
            '<a data-x="see title=" class="headerlink" href="#z">¶</a></p>')
    assert titles_as_tooltips(html) == html


def test_single_quoted_and_upper_case_attributes_are_read_too():
    html = "<A CLASS='footnote-backref' href=#fnref:1 TITLE='Jump back'>↩</A>"
    assert titles_as_tooltips(html) == "<A CLASS='footnote-backref' href=#fnref:1 data-tooltip='Jump back' aria-label='Jump back'>↩</A>"


def test_no_page_keeps_a_title_on_the_editions_marks(site):
    """So Material's content.tooltips sets none up for them at load; and the permalinks
    and back-links are named for screen readers."""
    titled, named = [], 0
    for path in site.rglob("index.html"):
        article = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one("article")
        if article is None:
            continue
        titled += [f"{path.relative_to(site)}: {element.name}.{element.get('class')}"
                   for element in article.select("a.headerlink[title], a.footnote-backref[title], .editorial-badge[title]")]
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
