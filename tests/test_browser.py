"""In a real Chromium, served from 127.0.0.1: pages load cleanly, stay local, search works."""
from urllib.parse import urlparse

import pytest

from helpers import SECTIONS

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


def test_paragraph_anchor_scrolls_to_the_paragraph(page, server):
    page.goto(server + "political-implications/#political-5")
    box = page.locator("#political-5").bounding_box()
    assert box is not None and 0 <= box["y"] < page.viewport_size["height"]
