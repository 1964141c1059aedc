"""In a real Chromium, served from 127.0.0.1: pages load cleanly, stay local, search works."""

from urllib.parse import urlparse

import pytest
from helpers import SECTIONS, follow_without_reload

pytestmark = pytest.mark.browser

PAGES = [""] + [path for path, _ in SECTIONS]


def visit(page, url: str):
    """Open a page, recording console errors, page errors and every requested host."""
    record = {"errors": [], "hosts": set()}
    page.on("console", lambda message: message.type == "error" and record["errors"].append(message.text))
    page.on("pageerror", lambda error: record["errors"].append(str(error)))
    page.on("request", lambda request: record["hosts"].add(urlparse(request.url).hostname))
    page.goto(url, wait_until="networkidle")
    return record


def open_search(page, query: str):
    # The "/" shortcut opens search the way a keyboard user does, at any width.
    page.keyboard.press("/")
    page.locator("input.md-search__input").press_sequentially(query, delay=20)


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_without_console_errors_and_requests_only_the_site(page, server, path):
    record = visit(page, server + path)
    assert record["errors"] == []
    assert record["hosts"] <= {"127.0.0.1"}, record["hosts"]
    assert page.locator("article h1").count() == 1


def test_search_finds_the_social_impacts_page(page, server):
    visit(page, server + "introduction/")
    open_search(page, "Khojaly")
    results = page.locator(".md-search-result__list a")
    results.first.wait_for(timeout=15000)
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    assert any("social-impacts/" in href for href in hrefs), hrefs


def test_search_requests_nothing_from_another_host(page, server):
    record = visit(page, server)
    open_search(page, "Tabriz")
    page.locator(".md-search-result__list a").first.wait_for(timeout=15000)
    assert record["hosts"] <= {"127.0.0.1"}, record["hosts"]


def test_colour_scheme_follows_the_operating_system(browser, server):
    for scheme, expected in (("dark", "slate"), ("light", "default")):
        context = browser.new_context(color_scheme=scheme)
        page = context.new_page()
        page.goto(server + "introduction/")
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == expected
        context.close()


def test_page_is_drawn_in_its_final_colours_before_materials_script_runs(browser, server):
    """No flash of other colours on a first visit: what the reader sees before Material's
    script (which picks the scheme) has run is what they see after it."""

    def colours(context, block_material: bool):
        page = context.new_page()
        if block_material:
            page.route("**/assets/javascripts/bundle.*.min.js", lambda route: route.abort())
        page.goto(server + "social-impacts/", wait_until="load")
        shown = page.evaluate("""() => [document.body.getAttribute('data-md-color-scheme'),
            getComputedStyle(document.querySelector('.md-header')).backgroundColor,
            getComputedStyle(document.body).backgroundColor]""")
        page.close()
        return shown

    for scheme in ("dark", "light"):
        context = browser.new_context(color_scheme=scheme)
        before, after = colours(context, block_material=True), colours(context, block_material=False)
        assert before == after, f"{scheme}: {before} before Material's script, {after} after"
        context.close()


# Counts, for each page shown, how many of the edition's per-page set-ups ran
# (window.edition.onEveryPage, assets/javascripts/edition.js) and how many there are.
COUNT_SET_UPS = """
Object.defineProperty(window, "edition", {configurable: true, get() { return undefined; }, set(helpers) {
  const onEveryPage = helpers.onEveryPage;
  window.__setUps = {registered: 0, runs: 0};
  helpers.onEveryPage = (setUp) => {
    window.__setUps.registered += 1;
    onEveryPage(function () { window.__setUps.runs += 1; return setUp.apply(this, arguments); });
  };
  Object.defineProperty(window, "edition", {value: helpers, writable: true, configurable: true});
}});
"""


def test_each_page_is_set_up_once(browser, site, instant_server):
    """Served (Material announces each page), after instant navigation, and from disk
    (Material announces nothing there): every set-up runs exactly once per page shown."""
    context = browser.new_context()
    context.add_init_script(COUNT_SET_UPS)
    page = context.new_page()
    page.goto(instant_server + "introduction/", wait_until="networkidle")
    counts = page.evaluate("window.__setUps")
    assert counts["registered"] >= 4 and counts["runs"] == counts["registered"], counts
    follow_without_reload(page, page.locator(".md-footer__link--next"), "/roots-of-the-crisis/")
    page.wait_for_function("window.__setUps.runs >= 2 * window.__setUps.registered", timeout=5000)
    page.wait_for_timeout(200)  # a second, unwanted run would come within this
    counts = page.evaluate("window.__setUps")
    assert counts["runs"] == 2 * counts["registered"], counts
    page.goto((site / "social-impacts" / "index.html").as_uri(), wait_until="load")
    counts = page.evaluate("window.__setUps")
    assert counts["runs"] == counts["registered"], counts
    page.locator("#social-1").hover()
    assert page.locator("#social-1 > .paragraph-tools .pack-toggle").count() == 1
    context.close()


def test_paragraph_anchor_scrolls_to_the_paragraph(page, server):
    page.goto(server + "political-implications/#political-5")
    box = page.locator("#political-5").bounding_box()
    assert box is not None and 0 <= box["y"] < page.viewport_size["height"]


def test_the_paragraph_a_link_points_to_is_lit_briefly_on_arrival(page, instant_server):
    """From another site (the address) and from the site's own links (instant navigation)."""
    lit = """id => { const e = document.getElementById(id); return getComputedStyle(e).backgroundColor !== 'rgba(0, 0, 0, 0)'
        && e.getAnimations().length === 1; }"""
    page.goto(instant_server + "political-implications/#political-5", wait_until="load")
    assert page.evaluate(lit, "political-5") and not page.evaluate(lit, "political-4")
    page.wait_for_function("!document.getElementById('political-5').getAnimations().length", timeout=5000)
    page.goto(instant_server + "glossary/", wait_until="networkidle")
    link = page.locator(".glossary-mentions a[href*='#social-']").first
    target = link.get_attribute("href").split("#")[1]
    follow_without_reload(page, link, "/social-impacts/")
    page.wait_for_function(lit, arg=target, timeout=3000)


@pytest.mark.parametrize("width, height", [(360, 740), (1280, 900)], ids=["phone", "desktop"])
def test_back_to_top_does_not_cover_the_row_before_the_text(browser, server, width, height):
    """Scrolling up brings Material's "Back to top": below the sticky row of the reading
    switch and "Cite", not over them."""
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(server + "social-impacts/", wait_until="networkidle")
    page.mouse.move(width / 2, height / 2)
    for _ in range(10):
        page.mouse.wheel(0, 300)
        page.wait_for_timeout(50)
    for _ in range(3):
        page.mouse.wheel(0, -200)
        page.wait_for_timeout(80)
    page.wait_for_timeout(400)
    top, row = page.evaluate("""() => [document.querySelector('.md-top'), document.querySelector('.page-tools')]
        .map(e => { const r = e.getBoundingClientRect(); return [r.top, r.bottom, r.left, r.right, !e.hidden]; })""")
    context.close()
    assert top[4], "Back to top did not appear on scrolling up"
    assert top[0] >= row[1] or top[1] <= row[0] or top[2] >= row[3] or top[3] <= row[2], (top, row)


@pytest.mark.parametrize(
    "path, source",
    [
        ("social-impacts/", "Corrected English edition, version of"),
        ("as-published/social-impacts/", "Section “Social Impacts (as published)”"),
    ],
)
def test_a_printed_page_keeps_its_paragraph_numbers_and_says_what_it_is(page, server, path, source):
    """Printed from the browser (as an instructor would), a section keeps each paragraph's
    number on the paper (they stood at -3.2em, outside it), and a source line says what
    the page is: its title, the edition and its address."""
    from io import BytesIO

    from pypdf import PdfReader

    page.goto(server + path, wait_until="networkidle")
    paragraphs = page.locator("article [data-paragraph]").count()
    reader = PdfReader(
        BytesIO(page.pdf(format="A4", margin={"top": "1cm", "bottom": "1cm", "left": "1cm", "right": "1cm"}))
    )
    numbers, text = [], []
    for sheet in reader.pages:
        width = float(sheet.mediabox.width)

        def seen(shown, cm, tm, font, size, width=width):
            x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
            if "¶" in shown:
                numbers.append((shown.strip(), 0 <= x < width))

        text.append(sheet.extract_text(visitor_text=seen))
    on_paper = [number for number, inside in numbers if inside]
    assert len(on_paper) >= paragraphs > 20, (paragraphs, numbers[:5])
    words = " ".join(" ".join(text).split())
    assert "Printed from The Qarabagh Crisis" in words and source in words, words[:600]
    assert f"/{path}" in words.replace(" ", "")
