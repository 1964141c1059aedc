"""Syllabus pack: paragraphs or whole sections ticked on the paper's pages come out on
the pack page in the paper's order, with numbers, permanent links, the references they
cite and the paper's citation; the selection travels in the address; no server needed."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
from helpers import SECTIONS, content, soup

PARAGRAPH_ID = re.compile(r"^[a-z]+(?:-[a-z]+)*-(\d+)$")  # as in cite.js and pack.js
PAPER_PAGES = [""] + [path for path, _ in SECTIONS]  # the home page holds the abstract and keywords


def pack_data(site) -> dict:
    script = soup(site, "pack/").select_one("div#pack-data[hidden]")
    assert script is not None, "pack/index.html has no inline pack data"
    return json.loads(script.string)


def paragraph_ids(site, path: str) -> list[str]:
    article = content(site, path)
    return [
        e["id"]
        for e in article.select("p[id], li[id]")
        if PARAGRAPH_ID.match(e["id"]) and not e.find_parent(class_="footnote")
    ]


# -- The built page -----------------------------------------------------------------------


def test_pack_page_holds_every_paragraph_of_the_paper_in_reading_order(site):
    data = pack_data(site)
    expected = [ident for path in PAPER_PAGES for ident in paragraph_ids(site, path)]
    assert len(expected) > 50
    assert [p["id"] for p in data["paragraphs"]] == expected
    assert [s["path"] for s in data["sections"]] == PAPER_PAGES


def test_each_paragraph_has_its_number_section_link_and_text(site):
    data = pack_data(site)
    site_url = data["site_url"]
    for path in PAPER_PAGES[1:]:
        title = soup(site, path).select_one("#cite-this")["data-section-title"]
        for paragraph in (p for p in data["paragraphs"] if p["path"] == path):
            assert paragraph["section"] == title
            assert paragraph["number"] == int(PARAGRAPH_ID.match(paragraph["id"]).group(1))
            assert paragraph["url"] == f"{site_url}{path}#{paragraph['id']}"
            assert paragraph["html"].strip()
            # The reading as shown, without the tools, the published wording or editors' notes,
            # and without IDs that would clash on the pack page.
            for unwanted in ("paragraph-tools", "reading-marker", "corrected-marker", "editorial-note", ' id="'):
                assert unwanted not in paragraph["html"], (paragraph["id"], unwanted)
    political_7 = next(p for p in data["paragraphs"] if p["id"] == "political-7")
    assert political_7["corrected"] and political_7["html"].startswith("Promoting the principles")


def test_citations_come_with_their_full_references(site):
    data = pack_data(site)
    roots_1 = next(p for p in data["paragraphs"] if p["id"] == "roots-1")
    assert [c["key"] for c in roots_1["citations"]] == ["vaezi2008"]
    assert roots_1["citations"][0]["text"].startswith("Vaezi, Hassan. 2008.")
    assert 'data-cite-key="vaezi2008"' in roots_1["html"]
    # Every in-text citation of every paragraph has its reference.
    for paragraph in data["paragraphs"]:
        cited = set(re.findall(r'data-cite-key="([^"]+)"', paragraph["html"]))
        assert cited == {c["key"] for c in paragraph["citations"]}, paragraph["id"]


def test_pack_data_carries_the_papers_full_citation(site):
    data = pack_data(site)
    chicago = soup(site, "pack/").select_one("#cite-paper-chicago")
    assert data["paper"]["chicago"].startswith("Sarmadi, Hamid")
    assert "Specialty Journal of Politics and Law" in data["paper"]["chicago"]
    assert "Corrected English edition" in data["paper"]["edition"]
    assert chicago is not None and chicago.get_text().startswith("Sarmadi, Hamid")


def test_links_inside_paragraphs_still_lead_to_their_pages_from_the_pack(site):
    data = pack_data(site)
    for paragraph in data["paragraphs"]:
        for href in re.findall(r'href="([^"]+)"', paragraph["html"]):
            target = urlparse(href)
            if target.scheme or href.startswith("#"):
                continue
            assert (site / "pack" / target.path / "index.html").resolve().exists(), (paragraph["id"], href)


def test_search_does_not_index_the_paper_a_second_time_under_the_pack(site):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    pack_entries = [doc for doc in index["docs"] if doc["location"].startswith("pack/")]
    assert pack_entries and not any("Vaezi" in doc["text"] for doc in pack_entries)


# -- In a browser --------------------------------------------------------------------------


def errors_of(page) -> list[str]:
    errors: list[str] = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def rendered_ids(page) -> list[str]:
    page.locator(".pack-paragraph").first.wait_for()
    return page.eval_on_selector_all(".pack-paragraph", "nodes => nodes.map(n => n.dataset.packId)")


@pytest.mark.browser
def test_ticked_paragraphs_and_a_whole_section_make_a_pack_in_reading_order(page, server, site):
    from playwright.sync_api import expect

    site_url = pack_data(site)["site_url"]
    errors = errors_of(page)

    page.goto(server + "social-impacts/")
    page.locator("#social-2").hover()  # a paragraph's tools come on hover or focus
    toggle = page.locator("#social-2 > .paragraph-tools > button.pack-toggle")
    expect(toggle).to_have_text("Add to pack")
    expect(toggle).to_have_attribute("aria-pressed", "false")
    toggle.click()
    expect(toggle).to_have_text("In pack ✓")
    expect(toggle).to_have_attribute("aria-pressed", "true")
    expect(page.locator("#pack-status")).to_contain_text("Added ¶ 2 to the syllabus pack")

    page.goto(server + "roots-of-the-crisis/")
    page.locator("#roots-1").hover()
    roots = page.locator("#roots-1 > .paragraph-tools > button.pack-toggle")
    roots.focus()  # keyboard: a real button, in the paragraph's tools
    page.keyboard.press("Enter")
    expect(roots).to_have_attribute("aria-pressed", "true")

    page.goto(server + "security-and-military-consequences/")
    whole = page.locator("h1 + .pack-section-tools > button.pack-section-toggle")
    expect(whole).to_have_text("Add whole section to pack")
    whole.click()
    expect(whole).to_have_attribute("aria-pressed", "true")
    expect(page.locator("#security-3 .pack-toggle")).to_have_attribute("aria-pressed", "true")

    link = page.locator("#pack-link")
    expect(link).to_have_text("Syllabus pack (6)")
    assert link.get_attribute("href") == "../pack/?p=social-2,roots-1,security-1,security-2,security-3,security-4"
    assert json.loads(page.evaluate("localStorage.getItem('qarabagh-edition.pack')"))[:2] == ["social-2", "roots-1"]
    link.click()

    expected = ["roots-1", "security-1", "security-2", "security-3", "security-4", "social-2"]
    assert rendered_ids(page) == expected
    assert page.url.endswith("/pack/?p=" + ",".join(expected))  # the address says what is shown
    numbers = page.locator(".pack-paragraph__number").all_text_contents()
    assert numbers == ["¶ 1", "¶ 1", "¶ 2", "¶ 3", "¶ 4", "¶ 2"]
    assert page.locator(".pack-section-title").all_text_contents() == [
        "The roots of the crisis Qarabagh",
        "Security Consequences and Military",
        "Social Impacts",
    ]

    # The paper's full citation first, before any paragraph.
    top = page.locator(".pack-excerpt > *").first
    expect(top).to_have_class(re.compile(r"\bpack-source\b"))
    expect(page.locator(".pack-source__citation")).to_contain_text(
        "Sarmadi, Hamid, Morteza Noormohamadi Nazariian, and Yaser Qarashi Habashi. 2018."
    )
    expect(page.locator(".pack-source__citation")).to_contain_text("Specialty Journal of Politics and Law 3 (4): 16–32")

    # Stable links and the references each paragraph cites.
    roots_item = page.locator('.pack-paragraph[data-pack-id="roots-1"]')
    expect(roots_item.locator(".pack-paragraph__text")).to_contain_text(
        "an ethnic conflict with historical and political backgrounds"
    )
    stable = roots_item.locator(".pack-paragraph__link a")
    assert stable.get_attribute("href") == f"{site_url}roots-of-the-crisis/#roots-1"
    expect(roots_item.locator(".pack-paragraph__citations")).to_contain_text("Citations:")
    expect(roots_item.locator(".pack-paragraph__citations li")).to_contain_text("Vaezi, Hassan. 2008.")
    in_text = roots_item.locator("a.footnote-ref")
    assert in_text.get_attribute("href") == "#" + roots_item.locator(".pack-paragraph__citations li").get_attribute(
        "id"
    )
    expect(page.locator('.pack-paragraph[data-pack-id="social-2"] .pack-paragraph__citations')).to_contain_text(
        "Herbert"
    )

    # The links as plain text, one per line.
    lines = page.locator("textarea#pack-links-text").input_value().split("\n")
    assert lines[0] == f"The roots of the crisis Qarabagh ¶ 1: {site_url}roots-of-the-crisis/#roots-1"
    assert lines[-1] == f"Social Impacts ¶ 2: {site_url}social-impacts/#social-2"
    assert len(lines) == 6
    assert page.locator("textarea#pack-links-text").get_attribute("readonly") is not None
    expect(page.get_by_label("Links (plain text)")).to_be_visible()
    assert errors == []


@pytest.mark.browser
def test_a_shared_selection_opens_in_reading_order_in_a_fresh_browser(browser, server):
    context = browser.new_context()
    page = context.new_page()
    errors = errors_of(page)
    page.goto(server + "pack/?p=political-5,roots-1")
    assert rendered_ids(page) == ["roots-1", "political-5"]
    assert page.locator(".pack-section-title").all_text_contents() == [
        "The roots of the crisis Qarabagh",
        "Political implications",
    ]
    # The shared selection becomes this browser's pack.
    assert json.loads(page.evaluate("localStorage.getItem('qarabagh-edition.pack')")) == ["political-5", "roots-1"]
    assert errors == []
    context.close()


@pytest.mark.browser
def test_unknown_ids_in_a_shared_address_are_left_out_and_said(page, server):
    from playwright.sync_api import expect

    page.goto(server + "pack/?p=roots-1,nothing-99")
    assert rendered_ids(page) == ["roots-1"]
    expect(page.locator("#pack-status")).to_contain_text("nothing-99")


@pytest.mark.browser
def test_share_copy_clear_and_print(browser, server):
    from playwright.sync_api import expect

    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(server + "pack/?p=political-5,roots-1")
    rendered_ids(page)

    page.get_by_role("button", name="Share this selection (copies its link)").click()
    expect(page.locator("#pack-status")).to_contain_text("Copied a link to this selection")
    assert page.evaluate("navigator.clipboard.readText()") == server + "pack/?p=roots-1,political-5"

    page.get_by_role("button", name="Copy links (the plain-text list)").click()
    expect(page.locator("#pack-status")).to_contain_text("Copied the list of links")
    assert page.evaluate("navigator.clipboard.readText()") == page.locator("#pack-links-text").input_value()

    page.evaluate("window.print = () => { window.__printed = true; }")
    print_button = page.get_by_role("button", name="Print or save as PDF (the excerpt)")
    expect(print_button).to_have_text("Print or save as PDF")  # the print dialog also saves a PDF
    print_button.click()
    assert page.evaluate("window.__printed") is True

    # Printed: the excerpt, without the controls.
    page.emulate_media(media="print")
    expect(page.locator(".pack-paragraph").first).to_be_visible()
    expect(page.locator(".pack-source")).to_be_visible()
    for hidden in (".pack-controls", ".pack-links", ".pack-sections", ".pack-remove", ".pack-intro"):
        expect(page.locator(hidden).first).to_be_hidden()
    page.emulate_media(media="screen")

    page.get_by_role("button", name="Clear the pack (remove every paragraph)").click()
    expect(page.locator(".pack-paragraph")).to_have_count(0)
    expect(page.locator(".pack-empty")).to_be_visible()
    expect(page.locator("#pack-status")).to_contain_text("The pack is empty")
    assert urlparse(page.url).query == ""
    assert page.evaluate("localStorage.getItem('qarabagh-edition.pack')") == "[]"
    context.close()


@pytest.mark.browser
def test_sections_can_be_ticked_and_paragraphs_removed_on_the_pack_page(page, server):
    from playwright.sync_api import expect

    page.goto(server + "pack/")
    expect(page.locator(".pack-empty")).to_be_visible()
    expect(page.get_by_role("button", name=re.compile(r"^Download as Markdown"))).to_be_disabled()
    page.get_by_label(re.compile(r"^Conclusion \(1 paragraph\)")).check()
    page.get_by_label(re.compile(r"^Introduction \(2 paragraphs\)")).check()
    assert rendered_ids(page) == ["introduction-1", "introduction-2", "conclusion-1"]
    page.get_by_role("button", name=re.compile(r"^Remove ¶ 1 of “Introduction”")).click()
    assert rendered_ids(page) == ["introduction-2", "conclusion-1"]
    # Focus moves to the next paragraph's Remove, not to the top of the page.
    assert page.evaluate("document.activeElement.getAttribute('aria-label')").startswith("Remove ¶ 2 of “Introduction”")
    assert page.locator("input[type=checkbox]").first.evaluate("n => n.indeterminate") is False
    assert page.get_by_label(re.compile(r"^Introduction")).evaluate("n => n.indeterminate") is True


@pytest.mark.browser
def test_pack_link_is_relative_to_the_page_depth(page, server):
    from playwright.sync_api import expect

    page.goto(server)
    page.locator("#abstract-1").hover()
    page.locator("#abstract-1 .pack-toggle").click()
    link = page.locator("#pack-link")
    expect(link).to_have_text("Syllabus pack (1)")
    assert link.get_attribute("href") == "pack/?p=abstract-1"
    page.goto(server + "glossary/")  # an editorial page: no toggles, but the way to the pack
    assert page.locator(".pack-toggle").count() == 0
    expect(page.locator("#pack-link")).to_have_attribute("href", "../pack/?p=abstract-1")
    # The record (the text as published): a paragraph's tools, but no toggle (the pack
    # reproduces the corrected reading).
    page.goto(server + "as-published/social-impacts/")
    page.locator("#social-1").hover()
    expect(page.locator("#social-1 > .paragraph-tools .paragraph-link")).to_have_count(1)
    assert page.locator(".pack-toggle").count() == 0


@pytest.mark.browser
def test_pack_page_works_opened_from_disk(browser, site):
    context = browser.new_context()
    page = context.new_page()
    errors = errors_of(page)
    hosts: set = set()
    page.on("request", lambda request: hosts.add(urlparse(request.url).scheme))
    page.goto((site / "pack" / "index.html").as_uri() + "?p=roots-1")
    assert rendered_ids(page) == ["roots-1"]
    item = page.locator('.pack-paragraph[data-pack-id="roots-1"]')
    assert "an ethnic conflict with historical and political backgrounds" in item.inner_text()
    assert "Vaezi, Hassan. 2008." in item.locator(".pack-paragraph__citations").inner_text()
    assert hosts <= {"file"}, hosts
    assert errors == []
    context.close()


@pytest.mark.browser
def test_the_pack_downloads_as_markdown_opened_from_disk(page, site):
    """Download as Markdown: the excerpt the page shows, as plain Markdown made in the
    browser from the pack's data (from disk too: no request): the paper's citation, each
    paragraph under its section with its number and permanent link, its text with its
    links but not the edition's marks, and the full references cited."""
    data = pack_data(site)
    site_url = data["site_url"]
    requests: list[str] = []
    page.goto((site / "pack" / "index.html").as_uri() + "?p=social-2,roots-1")  # chosen out of order
    rendered_ids(page)
    page.on("request", lambda request: requests.append(request.url))
    with page.expect_download() as download:
        page.get_by_role("button", name="Download as Markdown (the excerpt, a .md file)").click()
    assert download.value.suggested_filename == "qarabagh-syllabus-pack.md"
    markdown = Path(download.value.path()).read_text(encoding="utf-8")
    assert all(url.startswith("blob:") for url in requests), requests

    assert markdown.startswith("# Syllabus pack\n")
    assert "Excerpt from: Sarmadi, Hamid, Morteza Noormohamadi Nazariian, and Yaser Qarashi Habashi. 2018." in markdown
    assert "*Specialty Journal of Politics and Law* 3 (4): 16–32. <https://sciarena.com/" in markdown
    assert "Text: Corrected English edition by the editors of the online edition, version of" in markdown
    # The paper's order, each paragraph under its section with its number and its link.
    headings = [line for line in markdown.splitlines() if line.startswith("#")]
    assert headings == [
        "# Syllabus pack",
        "## The roots of the crisis Qarabagh",
        "### ¶ 1",
        "## Social Impacts",
        "### ¶ 2",
        "## References",
    ]
    links = [line for line in markdown.splitlines() if line.startswith("Link: ")]
    assert links == [f"Link: <{site_url}roots-of-the-crisis/#roots-1>", f"Link: <{site_url}social-impacts/#social-2>"]
    # The text, its links absolute (the file goes anywhere), its citations as their words.
    assert "an ethnic conflict with historical and political backgrounds (Vaezi 2008, 157–58)." in markdown
    assert f"The conflict over, or the occupation of, [Karabakh]({site_url}glossary/#karabakh) is no" in markdown
    assert "jeopardize the security of nations (Herbert 2004, 2)." in markdown
    # Without the edition's marks, and with no HTML.
    assert "conj." not in markdown and "corrections/#correction-" not in markdown
    assert not re.search(r"<(?!https?://)", markdown), re.search(r"<(?!https?://).{0,40}", markdown)
    # Every reference the two paragraphs cite, once, in full, by author.
    cited = {
        c["key"]: c["text"] for p in data["paragraphs"] if p["id"] in ("roots-1", "social-2") for c in p["citations"]
    }
    references = markdown.split("\n## References\n\n", 1)[1].strip().split("\n")
    assert [line.replace("*", "") for line in references] == ["- " + text for text in sorted(cited.values())]
    assert len(references) == 3 and references[-1].startswith("- Vaezi, Hassan. 2008. *forign policy")


@pytest.mark.browser
def test_the_printed_pack_keeps_numbers_links_and_references(page, server, site):
    """Print or save as PDF: the excerpt starts on the first sheet (not after a sheet with
    the source line alone), with each paragraph's number, permanent link and references."""
    from io import BytesIO

    from pypdf import PdfReader

    page.goto(server + "pack/?p=roots-1,social-2")
    rendered_ids(page)
    reader = PdfReader(BytesIO(page.pdf(format="A4")))
    sheets = [" ".join(sheet.extract_text().split()) for sheet in reader.pages]
    # The paper's citation (the source line above it names the pack, not the authors).
    assert "EXCERPT FROM" in sheets[0].upper() and "Sarmadi, Hamid, Morteza" in sheets[0], sheets[0][:400]
    words = " ".join(sheets)
    assert "¶ 1" in words and "¶ 2" in words
    unbroken = words.replace(" ", "")  # a long address wraps
    site_url = pack_data(site)["site_url"]
    assert f"Link:{site_url}roots-of-the-crisis/#roots-1" in unbroken
    assert f"Link:{site_url}social-impacts/#social-2" in unbroken
    for reference in ("Vaezi, Hassan. 2008.", "Herbert, Mealafshar. 2004.", "Meyal-al-Askar, Farahnaz."):
        assert reference in words
    for control in ("Print or save as PDF", "Download as Markdown", "Copy links", "Whole sections"):
        assert control not in words


@pytest.mark.browser
def test_the_pack_page_reached_by_instant_navigation_shows_the_pack(page, instant_server):
    # Material's instant navigation re-creates the inline scripts of the page it shows as
    # plain scripts: pack data in a <script type="application/json"> was run as code, and the
    # pack stayed empty. The data is text in a hidden element now.
    from helpers import follow_without_reload
    from playwright.sync_api import expect

    errors = errors_of(page)
    page.goto(instant_server + "social-impacts/", wait_until="networkidle")
    page.locator("#social-2").hover()
    page.locator("#social-2 > .paragraph-tools > button.pack-toggle").click()
    follow_without_reload(page, page.locator("#pack-link"), "/pack/")
    assert rendered_ids(page) == ["social-2"]
    expect(page.locator("#pack-root")).to_contain_text("Social Impacts")
    assert errors == []
