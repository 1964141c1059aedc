"""The whole paper on one page, put together from the pages as built
(qarabagh_edition.downloads.whole_paper): unit tests on three tiny pages, then the page
as built, in a browser."""

import pytest
from bs4 import BeautifulSoup

from qarabagh_edition.downloads.whole_paper import Section, combine

HOME = Section("", "Abstract", '<p id="abstract-1">See <a href="glossary/#elchibey">Elchibey</a>.</p>')
CHAPTER = Section(
    "social-impacts/",
    "Social Impacts",
    "\n".join(
        [
            '<h1 id="social-impacts">Social Impacts</h1>',
            '<p id="social-1">Text<span class="citation" id="fnref:vaezi2008"><a href="#fn:vaezi2008">(Vaezi 2008)</a></span>;'
            ' <a href="../glossary/#elchibey">Ilchibek</a>; back to <a href="../#abstract-1">the abstract</a>;'
            ' <a href="../corrections/#correction-social-1">corrected</a>; <a href="https://example.org/">out</a>.</p>',
            '<div class="footnote"><ol><li id="fn:vaezi2008">Vaezi. <a href="#fnref:vaezi2008">↩</a></li></ol></div>',
        ]
    ),
)
GLOSSARY = Section(
    "glossary/",
    "Glossary",
    "\n".join(
        [
            '<h1 id="glossary">Glossary</h1>',
            '<h3 id="elchibey">Abulfaz Elchibey</h3>',
            '<p>Mentioned in <a href="../social-impacts/#social-1">¶ 1</a> and <a href="../social-impacts/">the section</a>.</p>',
            '<p id="x"><span class="citation" id="fnref:vaezi2008"><a href="#fn:vaezi2008">(Vaezi)</a></span></p>',
            '<div class="footnote"><ol><li id="fn:vaezi2008">Vaezi again.</li></ol></div>',
        ]
    ),
)


def whole() -> BeautifulSoup:
    return BeautifulSoup(combine([HOME, CHAPTER, GLOSSARY], "print_page/"), "lxml")


def test_every_page_keeps_its_ids_unless_another_page_uses_them_too():
    page = whole()
    ids = [e["id"] for e in page.select("[id]")]
    assert len(ids) == len(set(ids))
    assert {"abstract-1", "social-1", "elchibey", "social-impacts", "glossary"} <= set(ids)
    # Footnotes are numbered per page: each page's are renamed after it.
    assert {
        "social-impacts-fn:vaezi2008",
        "glossary-fn:vaezi2008",
        "social-impacts-fnref:vaezi2008",
        "glossary-fnref:vaezi2008",
    } <= set(ids)


def test_links_lead_to_places_on_the_page_or_still_to_their_page():
    page = whole()
    chapter = page.find(id="social-1")
    hrefs = [a["href"] for a in chapter.select("a")]
    assert hrefs == [
        "#social-impacts-fn:vaezi2008",
        "#elchibey",
        "#abstract-1",
        "../corrections/#correction-social-1",
        "https://example.org/",
    ]
    assert page.find(id="abstract-1").a["href"] == "#elchibey"
    mentions = [a["href"] for a in page.find(id="elchibey").find_next("p").select("a")]
    assert mentions == ["#social-1", "#social-impacts"]
    assert page.select_one('[id="glossary-fn:vaezi2008"]') is not None
    assert page.select_one('[id="glossary-fnref:vaezi2008"] a')["href"] == "#glossary-fn:vaezi2008"


def test_contents_lead_to_each_page_and_a_page_without_heading_gets_an_anchor():
    page = whole()
    assert [a["href"] for a in page.select("nav.whole-paper__contents a")] == [
        "#page-home",
        "#social-impacts",
        "#glossary",
    ]
    assert page.select("section.whole-paper__section")[0]["id"] == "page-home"


def test_a_markers_link_to_the_record_is_rewritten_for_the_whole_paper_page():
    # A corrected paragraph's marker links to the record's page (and opens that page's
    # changes, which the template lists by it): the address is rewritten for print_page/
    # like any link (here from the home page, one level up).
    home = Section(
        "",
        "Abstract",
        '<p id="abstract-1">A.</p><p class="reading-marker"><a class="corrected-marker" '
        'href="as-published/#abstract-1">Corrected</a></p>',
    )
    marker = BeautifulSoup(combine([home], "print_page/"), "lxml").select_one("a.corrected-marker")
    assert marker["href"] == "../as-published/#abstract-1"


# -- The page as built ------------------------------------------------------------------

# Where an element is in the window, and whether it is drawn (not in a section skipped
# by content-visibility).
WHERE_AND_DRAWN = """id => { const element = document.getElementById(id);
    const box = element.getBoundingClientRect();
    return [box.top, box.height, innerHeight, element.checkVisibility({contentVisibilityAuto: true})]; }"""


@pytest.mark.browser
def test_the_whole_paper_lays_out_the_sections_near_the_window_and_anchors_still_land(browser, server):
    """Sections far below are not laid out at load (the page's start is fast), and an
    anchor deep in the page still brings its paragraph into view, with the text drawn."""
    context = browser.new_context(viewport={"width": 412, "height": 823})
    page = context.new_page()
    page.goto(server + "print_page/", wait_until="networkidle")
    laid_out = page.evaluate("""() => [...document.querySelectorAll('section.whole-paper__section')].map(
        s => s.firstElementChild.checkVisibility({contentVisibilityAuto: true}))""")
    assert laid_out[0] and not all(laid_out), laid_out
    # Arriving at an anchor deep in the page, and following a link on the page to one (the
    # glossary, at the end).
    page.goto(server + "introduction/", wait_until="networkidle")
    for address, anchor in (
        ("print_page/#social-20", "social-20"),  # from another page
        ("print_page/#conclusion-1", "conclusion-1"),
    ):  # on this page, by address
        page.goto(server + address, wait_until="networkidle")
        page.wait_for_timeout(400)
        top, height, window_height, drawn = place = page.evaluate(WHERE_AND_DRAWN, anchor)
        assert drawn and height > 20 and 0 <= top < window_height, (address, place)
    page.goto(server + "print_page/", wait_until="networkidle")
    page.locator("#social-1 a.glossary-term").first.click()
    page.wait_for_timeout(600)
    entry = page.evaluate("location.hash.slice(1)")
    top, height, window_height, drawn = place = page.evaluate(WHERE_AND_DRAWN, entry)
    assert drawn and 0 <= top < window_height, (entry, place)
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("width", [360, 1280])
def test_a_section_not_yet_drawn_takes_about_the_height_it_will_have(browser, server, width):
    """Before the browser draws a section it takes the height guessed from its lines and
    blocks: the scroll bar is about right from the start, and no section lies over the next."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(server + "print_page/", wait_until="networkidle")
    heights = (
        "[...document.querySelectorAll('section.whole-paper__section')].map(s => s.getBoundingClientRect().height)"
    )
    guessed = page.evaluate(heights)
    page.add_style_tag(content=".whole-paper__section { content-visibility: visible !important; }")
    drawn = page.evaluate(heights)
    context.close()
    assert len(guessed) == len(drawn) >= 10
    far_off = [(n, round(g), round(d)) for n, (g, d) in enumerate(zip(guessed, drawn)) if not 0.65 <= g / d <= 1.5]
    assert far_off == [], far_off
    assert 0.85 <= sum(guessed) / sum(drawn) <= 1.15, (sum(guessed), sum(drawn))


@pytest.mark.browser
def test_the_whole_paper_sets_the_text_as_its_sections_do(page, server):
    """The same reading typography (serif, measure) for a paragraph on its section's page
    and on the whole paper."""

    def looks(path):
        page.goto(server + path, wait_until="networkidle")
        return page.evaluate("""() => { const style = getComputedStyle(document.getElementById('social-2'));
            return [style.fontFamily, style.maxWidth]; }""")

    assert looks("print_page/") == looks("social-impacts/")


@pytest.mark.browser
def test_an_anchor_reached_by_instant_navigation_from_another_page_is_drawn_in_view(browser, instant_server):
    """Material's instant navigation loads the whole paper in place and jumps to the anchor
    itself; the anchor's section is laid out and the paragraph is in the window."""
    context = browser.new_context(viewport={"width": 412, "height": 823})
    page = context.new_page()
    page.goto(instant_server + "introduction/", wait_until="networkidle")
    page.evaluate("""() => { const link = document.createElement('a');
        link.href = '../print_page/#social-20'; link.id = 'to-the-whole-paper'; link.textContent = 'whole paper';
        document.querySelector('article').prepend(link); }""")
    page.evaluate("window.__samePage = true")
    page.locator("#to-the-whole-paper").click()
    page.wait_for_url("**/print_page/#social-20")
    page.wait_for_timeout(800)
    assert page.evaluate("window.__samePage === true")  # no full page load: instant navigation
    top, height, window_height, drawn = place = page.evaluate(WHERE_AND_DRAWN, "social-20")
    assert drawn and 0 <= top < window_height, place
    context.close()
