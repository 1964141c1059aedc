"""For instructors: paragraph numbers and links, reading times, the instructors page,
print, the whole-paper page and its PDF, and the offline copy."""

import re
import zipfile

import pytest
from conftest import ROOT
from helpers import SECTIONS, content, soup

from qarabagh_edition.printed_citations import CITATION
from qarabagh_edition.published_layer import load_layer, load_pages

PAGES, _ = load_pages(ROOT)
LAYER = load_layer(ROOT)


def words_of(page: str) -> int:
    return sum(len(re.findall(r"[\w'’-]+", CITATION.sub("", b.text))) for b in PAGES[page] if b.kind != "heading")


def test_each_section_shows_its_reading_time(site):
    for path, _ in SECTIONS:
        words = words_of(path.rstrip("/") + ".md")
        note = content(site, path).select_one("h1 + p.reading-time")
        assert note is not None, path
        assert f"{max(1, round(words / 200))} min read" in note.get_text()
        assert f"{words:,} words" in note.get_text()
        count = sum(1 for b in PAGES[path.rstrip("/") + ".md"] if b.kind != "heading")
        assert note.get_text().endswith(f"{count} paragraph" if count == 1 else f"{count} paragraphs"), note.get_text()


def test_instructors_page_lists_every_section_with_url_words_time_and_actors(site):
    page = content(site, "instructors/")
    rows = page.select("#sections ~ table tbody tr, table tbody tr")
    assert len(rows) == len(SECTIONS)
    for row, (path, _) in zip(rows, SECTIONS):
        cells = row.find_all("td")
        assert cells[1].get_text(strip=True) == f"http://127.0.0.1:8000/{path}"
        assert int(cells[2].get_text(strip=True).replace(",", "")) == words_of(path.rstrip("/") + ".md")
        assert cells[4].select("a[href*='glossary/#']"), path
    assert page.select_one(".editorial-banner") is not None


def test_instructors_page_explains_linking_and_citing_and_gives_reading_lists(site):
    page = content(site, "instructors/")
    text = page.get_text(" ")
    assert "political-implications/#political-12" in text and "¶ 12" in text
    blocks = [code.get_text() for code in page.select("pre code")]
    markdown = next(b for b in blocks if b.startswith("- ["))
    plain = next(b for b in blocks if b.startswith("Introduction ("))
    for path, _ in SECTIONS:
        assert f"(http://127.0.0.1:8000/{path})" in markdown and f"http://127.0.0.1:8000/{path}" in plain
    links = {a.get_text(strip=True): a["href"] for a in page.select("a[download]")}
    assert any(h.endswith(".pdf") for h in links.values()) and any(h.endswith(".zip") for h in links.values())
    for href in links.values():
        assert (site / "instructors" / href).resolve().is_file(), href


def test_whole_paper_page_has_every_paragraph_under_its_own_id(site):
    # print_page/#social-12 is the same paragraph as social-impacts/#social-12.
    ids = {element["id"] for element in soup(site, "print_page/").select("#whole-paper [id]")}
    missing = [i for i, e in LAYER.items() if e.kind == "paragraph" and i not in ids]
    assert missing == []


def test_whole_paper_page_links_lead_to_places_on_it(site):
    whole = soup(site, "print_page/").select_one("#whole-paper")
    ids = [element["id"] for element in whole.select("[id]")]
    assert len(ids) == len(set(ids)), "an ID is used twice on the whole-paper page"
    local = [a["href"][1:] for a in whole.select('a[href^="#"]')]
    assert len(local) > 500
    assert [anchor for anchor in local if anchor not in ids] == []
    # An actor's first mention leads to its glossary entry, on this page.
    assert whole.select_one('a.glossary-term[href="#elchibey"]') is not None and "elchibey" in ids
    # A citation leads to its reference in its own section, and back: footnote IDs repeat
    # from page to page, so each section's are renamed, and the links with them.
    cite = whole.select_one("#social-14 a.footnote-ref, #social-2 a.footnote-ref")
    target = whole.find(id=cite["href"][1:])
    assert target is not None and target.find_parent("section")["data-page"] == "social-impacts/"
    # Links to pages that are not on it still lead there (the whole paper links to none
    # today; tests/test_whole_paper.py shows how such a link is rebased).
    elsewhere = [a["href"] for a in whole.select("a[href]") if not a["href"].startswith(("#", "http"))]
    assert all((site / "print_page" / href.split("#")[0]).resolve().exists() for href in elsewhere), elsewhere
    contents = [a["href"][1:] for a in whole.select("nav.whole-paper__contents a")]
    assert len(contents) >= 10 and all(c in ids for c in contents)


def test_whole_paper_page_is_not_searched_twice(site):
    import json

    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [d["location"] for d in index["docs"] if d["location"].startswith("print_page/")]


def test_pdf_links_lead_to_places_in_it(site):
    from pypdf import PdfReader

    reader = PdfReader(str(site / "downloads" / "sarmadi-2018-qarabagh-crisis.pdf"))
    names = reader.named_destinations
    internal, broken = 0, []
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") != "/Link":
                continue
            action = annotation.get("/A")
            action = action.get_object() if action is not None else None
            if action is not None and action.get("/S") == "/URI":
                continue  # a link to a site
            destination = action.get("/D") if action is not None else annotation.get("/Dest")
            internal += 1
            if isinstance(destination, str) and destination not in names:
                broken.append(destination)
    assert internal > 500, "the PDF's citations, glossary and paragraph links are links"
    assert broken == []


def test_pdf_of_the_whole_paper_opens_and_contains_the_paper(site):
    from pypdf import PdfReader

    pdf = site / "downloads" / "sarmadi-2018-qarabagh-crisis.pdf"
    reader = PdfReader(str(pdf))
    assert len(reader.pages) > 20
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert "The Qarabagh Crisis and Its Consequences" in text
    for _, heading in SECTIONS:
        assert heading.casefold() in text.casefold(), heading
    # Paragraphs are there: the first words of every section's first paragraph, and numbers.
    for path, _ in SECTIONS:
        first = next(b for b in PAGES[path.rstrip("/") + ".md"] if b.kind != "heading")
        opening = CITATION.sub("", first.text).split()[:8]
        # A change's note number may stand after a word (downloads/pdf_apparatus): " 2 ".
        assert re.search(r"(?:\s+\d{1,2})?\s+".join(map(re.escape, opening)), text), opening
    assert "¶ 12" in text
    landing = soup(site, "").select_one('a[href$="sarmadi-2018-qarabagh-crisis.pdf"]')
    assert landing is not None


def test_pdf_of_the_paper_as_published_holds_the_record(site):
    from pypdf import PdfReader

    from qarabagh_edition.reading_page import normalise

    reader = PdfReader(str(site / "downloads" / "sarmadi-2018-qarabagh-crisis-as-published.pdf"))
    text = normalise(" ".join(" ".join(p.extract_text().split()) for p in reader.pages))
    assert "Ilchibe (Ellichi Bei)" in text and "✓ 1. Promoting" in text
    layer = LAYER
    # The opening words of every published paragraph (the corrected reading is not there).
    for entry in layer.values():
        opening = " ".join(normalise(entry.text.replace("*", "")).split()[:6])
        assert opening in text, (entry.id, opening)
    # Printed citations link to the references online.
    uris = {
        annotation.get_object()["/A"]["/URI"]
        for page in reader.pages
        for annotation in page.get("/Annots") or []
        if annotation.get_object().get("/A") is not None and "/URI" in annotation.get_object()["/A"]
    }
    assert "http://127.0.0.1:8000/references/#ref-vaezi2008" in uris, sorted(uris)[:5]
    landing = soup(site, "").select_one('a[href$="sarmadi-2018-qarabagh-crisis-as-published.pdf"]')
    assert landing is not None


def test_offline_zip_contains_the_site_with_inline_search(site):
    archive = site / "downloads" / "sarmadi-2018-qarabagh-crisis-offline.zip"
    with zipfile.ZipFile(archive) as zipped:
        names = set(zipped.namelist())
    root = "sarmadi-2018-qarabagh-crisis/"
    assert {
        root + "index.html",
        root + "introduction.html",
        root + "search/search_index.js",
        root + "assets/javascripts/iframe-worker-shim.js",
    } <= names
    with zipfile.ZipFile(archive) as zipped:
        html = zipped.read(root + "introduction.html").decode()
    assert "unpkg.com" not in html and "iframe-worker-shim.js" in html


@pytest.mark.browser
def test_offline_copy_works_from_disk(browser, site, tmp_path):
    with zipfile.ZipFile(site / "downloads" / "sarmadi-2018-qarabagh-crisis-offline.zip") as zipped:
        zipped.extractall(tmp_path)
    index = tmp_path / "sarmadi-2018-qarabagh-crisis" / "index.html"
    context = browser.new_context()
    page = context.new_page()
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(index.as_uri())
    page.get_by_role("link", name="Introduction").first.click()
    page.wait_for_url("**/introduction.html")
    assert page.locator("#introduction-1").is_visible()
    page.keyboard.press("/")
    page.locator("input.md-search__input").press_sequentially("Khojaly", delay=20)
    page.locator(".md-search-result__list a").first.wait_for(timeout=15000)
    hrefs = page.eval_on_selector_all(".md-search-result__list a", "els => els.map(e => e.href)")
    assert any("social-impacts.html" in h for h in hrefs), hrefs
    assert all(u.startswith(("file://", "data:", "blob:", "about:")) for u in requests), requests
    context.close()


@pytest.mark.browser
def test_paragraph_number_shows_on_hover_and_focus_and_copies_the_link(browser, server):
    from playwright.sync_api import expect

    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(server + "social-impacts/", wait_until="networkidle")
    number = page.locator("#social-12 .paragraph-link")
    assert number.count() == 0  # made when first wanted, not for every paragraph at load
    page.locator("#social-12").hover()
    assert number.inner_text() == "¶ 12"
    expect(number).to_have_css("opacity", "1")
    page.mouse.move(0, 0)
    assert float(number.evaluate("e => getComputedStyle(e.parentElement).opacity")) == 0
    number.focus()  # keyboard focus shows it too
    expect(number).to_have_css("opacity", "1")
    page.keyboard.press("Enter")
    assert page.evaluate("navigator.clipboard.readText()") == "http://127.0.0.1:8000/social-impacts/#social-12"
    expect(page.locator("#copy-status")).to_have_text("Copied link to paragraph 12")
    assert page.locator("#copy-status").get_attribute("aria-live") == "polite"
    context.close()


@pytest.mark.browser
def test_print_stylesheet(page, server):
    page.goto(server + "political-implications/", wait_until="networkidle")
    page.emulate_media(media="print")
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert not page.locator(".md-header").is_visible()
    assert not page.locator("details.cite-this").is_visible()
    number = page.evaluate("getComputedStyle(document.getElementById('political-12'), '::before').content")
    assert number == '"¶ 12"'
    family = page.evaluate("getComputedStyle(document.getElementById('political-12')).fontFamily")
    assert "serif" in family.lower()
    assert page.locator("#political-2 span.citation").is_visible()  # citations kept
    after = page.evaluate("getComputedStyle(document.querySelector('#cite-paper-chicago a'), '::after').content")
    assert "attr" in after or "http" in after or after.startswith('" <')
    # Links within the site print as text, with no address after them (Material's instant
    # navigation makes every address absolute).
    shown = page.evaluate("""[...document.querySelectorAll('article a[href]')]
        .filter(a => a.origin === location.origin && a.offsetParent !== null
                     && getComputedStyle(a, '::after').content.includes('http'))
        .map(a => a.outerHTML.slice(0, 120))""")
    assert shown == [], shown


@pytest.mark.browser
def test_the_whole_paper_page_starts_without_per_paragraph_tools(page, server):
    # Read straight through or printed; every paragraph's tools are on its own page. Making
    # a tool set for each of its paragraphs at load blocked the main thread for 0.4 s.
    page.goto(server + "print_page/", wait_until="networkidle")
    assert page.locator("#whole-paper [data-paragraph]").count() > 80
    assert page.locator(".paragraph-tools").count() == 0
    page.goto(server + "introduction/", wait_until="networkidle")
    page.locator("#introduction-1").hover()
    assert page.locator("#introduction-1 .paragraph-tools").count() == 1
