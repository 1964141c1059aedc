"""Citing the paper: the Cite box, downloads, paragraph links with citations, and the
metadata that Google Scholar, Zotero and social sites read."""

import json
import subprocess
from collections import defaultdict

import pytest
import yaml
from conftest import ROOT
from helpers import SECTIONS, soup
from pybtex.database import parse_string

PAPER = yaml.safe_load((ROOT / "published" / "paper.yml").read_text(encoding="utf-8"))
ALL_PAGES = [""] + [path for path, _ in SECTIONS]
# The article as published: the landing page and the record's pages (as-published/).
RECORD_PAGES = ["", "as-published/", "as-published/whole-paper/"] + [f"as-published/{path}" for path, _ in SECTIONS]
FULL_TEXT = "http://127.0.0.1:8000/as-published/whole-paper/"


def meta_record(document) -> dict[str, list[str]]:
    """Read the Highwire Press tags the way Zotero's Embedded Metadata translator does."""
    record = defaultdict(list)
    for meta in document.find_all("meta", attrs={"name": True}):
        if meta["name"].startswith("citation_"):
            record[meta["name"]].append(meta.get("content", ""))
    return record


@pytest.mark.parametrize("path", ALL_PAGES)
def test_every_page_offers_the_paper_in_chicago_and_apa(site, path):
    box = soup(site, path).select_one("details.cite-this")
    assert box is not None and box.summary.get_text(strip=True) == "Cite"
    chicago = " ".join(box.select_one("#cite-paper-chicago").get_text().split())
    apa = " ".join(box.select_one("#cite-paper-apa").get_text().split())
    assert chicago.startswith(
        "Sarmadi, Hamid, Morteza Noormohamadi Nazariian, and Yaser Qarashi Habashi. 2018. "
        "“The Qarabagh Crisis and Its Consequences"
    )
    assert "Specialty Journal of Politics and Law 3 (4): 16–32." in chicago
    assert apa.startswith(
        "Sarmadi, H., Noormohamadi Nazariian, M., & Qarashi Habashi, Y. (2018). "
        "The Qarabagh crisis and its consequences on the foreign policy of Iran and the Republic "
        "of Azerbaijan."
    )
    assert "Specialty Journal of Politics and Law, 3(4), 16–32." in apa
    links = {a.get_text(strip=True): a["href"] for a in box.select(".cite-this__downloads a")}
    assert set(links) == {"BibTeX", "RIS"}


@pytest.mark.parametrize("path", [p for p, _ in SECTIONS])
def test_section_pages_cite_the_section_with_its_permanent_url(site, path):
    box = soup(site, path).select_one("details.cite-this")
    section = box.select_one("#cite-section-chicago")
    url = f"http://127.0.0.1:8000/{path}"
    assert section is not None and url in section.get_text()
    title = soup(site, path).find("h1").get_text(" ", strip=True).replace("¶", "").strip()
    assert f"Section “{title}”" in section.get_text() or f"Section “{title.title()}”" in section.get_text()


def test_bibtex_and_ris_downloads_describe_the_paper(site):
    bib = parse_string((site / "cite" / "sarmadi2018qarabagh.bib").read_text(encoding="utf-8"), "bibtex")
    entry = bib.entries["sarmadi2018qarabagh"]
    assert entry.type == "article"
    assert [str(p) for p in entry.persons["author"]] == [
        "Sarmadi, Hamid",
        "Noormohamadi Nazariian, Morteza",
        "Qarashi Habashi, Yaser",
    ]
    assert entry.fields["journal"] == PAPER["journal"] and entry.fields["pages"] == "16--32"
    assert (entry.fields["volume"], entry.fields["number"], entry.fields["year"]) == ("3", "4", "2018")
    ris = (site / "cite" / "sarmadi2018qarabagh.ris").read_bytes().decode("utf-8")
    fields = defaultdict(list)
    for line in ris.split("\r\n"):
        if line[2:6] == "  - ":
            fields[line[:2]].append(line[6:])
    assert fields["TY"] == ["JOUR"] and fields["ER"] == [""]
    assert fields["AU"] == ["Sarmadi, Hamid", "Noormohamadi Nazariian, Morteza", "Qarashi Habashi, Yaser"]
    assert fields["TI"] == [PAPER["title"]] and fields["JO"] == [PAPER["journal"]]
    assert (fields["VL"], fields["IS"], fields["SP"], fields["EP"], fields["PY"]) == (
        ["3"],
        ["4"],
        ["16"],
        ["32"],
        ["2018"],
    )
    assert fields["SN"] == ["2520-3282"]


def test_bib_entry_of_the_paper_agrees_with_its_record():
    from pybtex.database import parse_file

    entry = parse_file(str(ROOT / "bib" / "paper.bib")).entries["sarmadi2018qarabagh"]
    assert entry.fields["title"].replace("{", "").replace("}", "") == PAPER["title"]
    assert entry.fields["journal"] == PAPER["journal"] and entry.fields["issn"] == PAPER["issn"]
    assert entry.fields["pages"].replace("--", "-") == PAPER["pages"]
    assert [" ".join(p.first_names + p.last_names) for p in entry.persons["author"]] == [
        a["name"] for a in PAPER["authors"]
    ]


@pytest.mark.parametrize("path", RECORD_PAGES)
def test_scholar_meta_tags_give_the_right_record(site, path):
    record = meta_record(soup(site, path))
    assert record["citation_title"] == [PAPER["title"]]
    assert record["citation_author"] == [a["name"] for a in PAPER["authors"]]
    assert record["citation_journal_title"] == ["Specialty Journal of Politics and Law"]
    assert record["citation_volume"] == ["3"] and record["citation_issue"] == ["4"]
    assert record["citation_firstpage"] == ["16"] and record["citation_lastpage"] == ["32"]
    assert record["citation_publication_date"] == ["2018"]
    assert record["citation_issn"] == ["2520-3282"]
    assert record["citation_publisher"] == ["Science Arena Publications"]
    # The full text is the record: the article as published, on one page.
    assert record["citation_fulltext_html_url"] == [FULL_TEXT]
    assert record["citation_pdf_url"] == [
        "http://127.0.0.1:8000/downloads/sarmadi-2018-qarabagh-crisis-as-published.pdf"
    ]
    references = record["citation_reference"]
    assert len(references) >= 15
    assert any(
        "citation_title=forign policy of Iran in Caucasi" in r
        and "citation_author=Hassan Vaezi" in r
        and "citation_publication_date=2008" in r
        for r in references
    )


def test_json_ld_and_open_graph(site):
    document = soup(site, "as-published/introduction/")
    data = json.loads(document.find("script", type="application/ld+json").string)
    assert data["@type"] == "ScholarlyArticle" and data["headline"] == PAPER["title"]
    assert [a["name"] for a in data["author"]] == [a["name"] for a in PAPER["authors"]]
    periodical = data["isPartOf"]["isPartOf"]["isPartOf"]
    assert periodical["name"] == PAPER["journal"] and periodical["issn"] == PAPER["issn"]
    assert (data["pageStart"], data["pageEnd"], data["datePublished"]) == ("16", "32", "2018")
    document = soup(site, "introduction/")
    og = {m["property"]: m["content"] for m in document.find_all("meta", property=True)}
    assert og["og:type"] == "article" and og["og:url"] == "http://127.0.0.1:8000/introduction/"
    assert "Introduction" in og["og:title"]


@pytest.mark.parametrize("path", [p for p, _ in SECTIONS] + ["print_page/"])
def test_reading_pages_describe_the_corrected_edition_not_the_article(site, path):
    document = soup(site, path)
    # Zotero and Google Scholar would take a page with Highwire tags for the article itself.
    assert meta_record(document) == {}
    data = json.loads(document.find("script", type="application/ld+json").string)
    assert data["@type"] == "CreativeWork" and "corrected English edition" in data["name"]
    assert data["isBasedOn"]["@type"] == "ScholarlyArticle" and data["isBasedOn"]["headline"] == PAPER["title"]
    assert data["editor"]["name"] == "The editors of the online edition"
    version = subprocess.run(["git", "log", "-1", "--format=%cs %h"], cwd=ROOT, capture_output=True, text=True)
    date, short = version.stdout.split()
    assert data["version"] == f"{date}, commit {short}"


def test_citation_cff_agrees_with_the_record():
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"].startswith("1.2")
    preferred = cff["preferred-citation"]
    assert preferred["title"] == cff["title"] == PAPER["title"]
    names = [f"{a['given-names']} {a['family-names']}" for a in preferred["authors"]]
    assert names == [a["name"] for a in PAPER["authors"]]
    assert (preferred["journal"], preferred["volume"], preferred["issue"], preferred["year"]) == (
        PAPER["journal"],
        PAPER["volume"],
        PAPER["issue"],
        PAPER["year"],
    )
    assert f"{preferred['start']}-{preferred['end']}" == PAPER["pages"]


EDITORS = "The editors of the online edition"
AUTHORS_FIRST = "Sarmadi, Hamid, Morteza Noormohamadi Nazariian, and Yaser Qarashi Habashi. 2018."
BY_THE_AUTHORS = "by Hamid Sarmadi, Morteza Noormohamadi Nazariian, and Yaser Qarashi Habashi"


def version_of_the_site() -> str:
    date, short = subprocess.run(
        ["git", "log", "-1", "--format=%cs %h"], cwd=ROOT, capture_output=True, text=True
    ).stdout.split()
    return f"version of {date}, commit {short}"


def credits_the_edition(citation: str, url: str) -> None:
    """The corrected reading: its editors as editors, its version, the article and its
    authors as what it is based on; never the authors as the authors of these words."""
    citation = " ".join(citation.split())
    assert citation.startswith(f"{EDITORS}, eds. "), citation
    assert BY_THE_AUTHORS in citation and f"Corrected English edition, {version_of_the_site()}" in citation
    assert "First published in Specialty Journal of Politics and Law 3 (4): 16–32, 2018." in citation
    assert not citation.startswith("Sarmadi") and url in citation


def credits_the_authors(citation: str, url: str) -> None:
    citation = " ".join(citation.split())
    assert citation.startswith(AUTHORS_FIRST) and EDITORS not in citation and url in citation, citation


def credits_the_editors(citation: str, url: str) -> None:
    citation = " ".join(citation.split())
    assert citation.startswith(f"{EDITORS}. ") and "eds." not in citation, citation
    assert "Sarmadi" not in citation and version_of_the_site() in citation and url in citation


# A page of each role (qarabagh_edition.cite_this.page_role), and who its citations credit.
ROLES = [
    ("political-implications/", credits_the_edition),
    ("references/", credits_the_edition),
    ("as-published/political-implications/", credits_the_authors),
    ("glossary/", credits_the_editors),
    ("timeline/", credits_the_editors),
    ("corrections/", credits_the_editors),
    ("instructors/", credits_the_editors),
    ("pack/", credits_the_editors),
]


@pytest.mark.parametrize("path, credits", ROLES)
def test_each_page_is_cited_as_the_work_of_who_wrote_its_words(site, path, credits):
    box = soup(site, path).select_one("details.cite-this")
    url = f"http://127.0.0.1:8000/{path}"
    for style in ("chicago", "apa"):
        assert url in box.select_one(f"#cite-section-{style}").get_text()
    credits(box.select_one("#cite-section-chicago").get_text(), url)
    credits(box["data-cite-chicago-base"] + " " + url, url)  # what a paragraph's "cite" starts with
    apa = " ".join(box.select_one("#cite-section-apa").get_text().split())
    assert apa.startswith(
        {
            credits_the_authors: "Sarmadi, H.,",
            credits_the_edition: f"{EDITORS} (Eds.). (",
            credits_the_editors: f"{EDITORS}. (",
        }[credits]
    ), apa


def test_the_home_page_and_every_page_share_one_citation_of_the_edition(site):
    texts = {
        " ".join(soup(site, path).select_one("#cite-edition-chicago").get_text().split())
        for path in ["", "introduction/", "glossary/", "as-published/"]
    }
    assert len(texts) == 1
    credits_the_edition(texts.pop(), "http://127.0.0.1:8000/")
    # A paragraph of the home page (the abstract, in the corrected reading) is cited as the edition.
    credits_the_edition(soup(site, "").select_one("details.cite-this")["data-cite-chicago-base"] + " /", "/")


def bib_entry(site, path):
    entries = parse_string((site / "cite" / path).read_text(encoding="utf-8"), "bibtex").entries
    assert len(entries) == 1
    return next(iter(entries.values()))


def ris_fields(site, path) -> dict[str, list[str]]:
    text = (site / "cite" / path).read_bytes().decode("utf-8")
    assert text.endswith("ER  - \r\n") and "\n" not in text.replace("\r\n", "")
    fields = defaultdict(list)
    for line in text.split("\r\n")[:-1]:
        assert line[2:6] == "  - ", line
        fields[line[:2]].append(line[6:])
    return fields


def test_bibtex_and_ris_of_the_edition_and_of_each_section_credit_the_right_people(site):
    edition = bib_entry(site, "sarmadi2018qarabagh-edition.bib")
    assert edition.type == "book" and "author" not in edition.persons
    assert [str(p) for p in edition.persons["editor"]] == ["{The editors of the online edition}"]
    assert edition.fields["version"] == version_of_the_site() and edition.fields["url"] == "http://127.0.0.1:8000/"
    assert edition.fields["note"].startswith("Based on: " + AUTHORS_FIRST)
    fields = ris_fields(site, "sarmadi2018qarabagh-edition.ris")
    assert fields["TY"] == ["EDBOOK"] and fields["ED"] == [EDITORS] and "AU" not in fields
    section = bib_entry(site, "social-impacts.bib")
    assert section.type == "inbook" and section.fields["title"] == "Social Impacts"
    assert [str(p) for p in section.persons["editor"]] == ["{The editors of the online edition}"]
    assert "author" not in section.persons and section.fields["url"] == "http://127.0.0.1:8000/social-impacts/"
    fields = ris_fields(site, "social-impacts.ris")
    assert fields["TY"] == ["CHAP"] and fields["ED"] == [EDITORS] and "AU" not in fields
    assert fields["TI"] == ["Social Impacts"] and fields["T2"] == [PAPER["title"]]
    record = bib_entry(site, "as-published/social-impacts.bib")
    assert [str(p) for p in record.persons["author"]] == [
        "Sarmadi, Hamid",
        "Noormohamadi Nazariian, Morteza",
        "Qarashi Habashi, Yaser",
    ]
    assert record.fields["url"] == "http://127.0.0.1:8000/as-published/social-impacts/"
    fields = ris_fields(site, "as-published/social-impacts.ris")
    assert fields["TY"] == ["JOUR"] and len(fields["AU"]) == 3 and "ED" not in fields
    glossary = bib_entry(site, "glossary.bib")
    assert [str(p) for p in glossary.persons["author"]] == ["{The editors of the online edition}"]
    assert ris_fields(site, "glossary.ris")["AU"] == [EDITORS]
    # The Cite box links them.
    links = [a["href"] for a in soup(site, "social-impacts/").select(".cite-this__downloads a")]
    assert links[-2:] == ["../cite/social-impacts.bib", "../cite/social-impacts.ris"]
    assert "../cite/sarmadi2018qarabagh-edition.bib" in links


def copied_citation(browser, url: str, paragraph: str | None) -> str:
    """What a reader gets on the clipboard: a paragraph's "cite", or the Cite box's "This
    section" (Chicago) copy button."""
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    if paragraph:
        page.locator(f"#{paragraph}").hover()
        page.locator(f"#{paragraph} .paragraph-cite").click()
    else:
        page.locator("details.cite-this summary").click()
        page.locator("#cite-section-chicago .cite-copy").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    context.close()
    return copied


@pytest.mark.browser
@pytest.mark.parametrize(
    "path, paragraph, credits",
    [
        ("political-implications/", "political-5", credits_the_edition),
        ("political-implications/", None, credits_the_edition),
        ("as-published/political-implications/", "political-5", credits_the_authors),
        ("as-published/political-implications/", None, credits_the_authors),
        ("glossary/", None, credits_the_editors),  # the editors' pages have no numbered paragraphs
    ],
)
def test_a_copied_citation_credits_who_wrote_the_words(browser, server, path, paragraph, credits):
    copied = copied_citation(browser, server + path, paragraph)
    url = f"http://127.0.0.1:8000/{path}" + (f"#{paragraph}" if paragraph else "")
    credits(copied, url)
    if paragraph:
        assert copied.endswith(url) and ", ¶ 5. " in copied
    else:
        assert "Copy" not in copied and "Section “" in copied


@pytest.mark.browser
def test_a_paragraph_link_can_be_copied_with_its_citation(browser, server):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(server + "political-implications/", wait_until="networkidle")
    paragraph = page.locator("#political-5")
    paragraph.hover()
    page.locator("#political-5 .paragraph-cite").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith(f"{EDITORS}, eds.")
    assert "Section “Political implications”, ¶ 5." in copied
    assert copied.endswith("http://127.0.0.1:8000/political-implications/#political-5")
    page.locator("#political-5 .paragraph-link").click()
    assert (
        page.evaluate("navigator.clipboard.readText()") == "http://127.0.0.1:8000/political-implications/#political-5"
    )
    from playwright.sync_api import expect

    expect(page.locator("#copy-status")).to_contain_text("Copied link to paragraph 5")  # announced (aria-live)
    context.close()


@pytest.mark.browser
def test_cite_box_copy_button_copies_the_citation(browser, server):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(server + "introduction/", wait_until="networkidle")
    page.locator("details.cite-this summary").click()
    page.locator("#cite-paper-apa .cite-copy").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("Sarmadi, H., Noormohamadi Nazariian, M., & Qarashi Habashi, Y. (2018).")
    assert "Copy" not in copied
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("width, height", [(360, 740), (1280, 900)], ids=["phone", "desktop"])
def test_cite_opened_mid_page_opens_where_the_reader_is_and_closes(browser, server, width, height):
    """ "Cite" in the pinned row, tapped halfway down the longest section: its box opens in
    the window, the page does not move, and it closes with Escape and with its Close button,
    the keyboard back on "Cite". (It unpinned the row and opened some 19,000 px above.)"""
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(server + "social-impacts/", wait_until="networkidle")
    page.evaluate("window.scrollTo(0, (document.documentElement.scrollHeight - innerHeight) / 2)")
    page.wait_for_timeout(300)
    scrolled = page.evaluate("scrollY")
    assert scrolled > 3 * height
    summary = page.locator("details.cite-this > summary")

    def shown(locator) -> bool:
        box = locator.bounding_box()
        return box is not None and box["height"] > 0 and 0 <= box["y"] and box["y"] + box["height"] <= height

    def focus_on_cite() -> bool:
        return page.evaluate("document.activeElement === document.querySelector('details.cite-this > summary')")

    box = summary.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    assert page.evaluate("document.getElementById('cite-this').open")
    assert shown(page.locator("#cite-paper-chicago")), "the paper's citation is in the window"
    assert shown(page.locator(".cite-this__close")), "its Close button is in the window"
    assert page.evaluate("scrollY") == scrolled, "the page did not move"
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('cite-this').open") and focus_on_cite()
    page.keyboard.press("Enter")
    assert page.evaluate("document.getElementById('cite-this').open")
    page.locator(".cite-this__close").click()
    assert not page.evaluate("document.getElementById('cite-this').open") and focus_on_cite()
    assert page.evaluate("scrollY") == scrolled and shown(summary)
    context.close()


def test_the_corrected_edition_is_credited_to_its_editors_with_its_version(site, fork_site):
    import subprocess

    from helpers import soup

    edition = soup(site, "introduction/").select_one("#cite-edition-chicago").get_text(" ", strip=True)
    assert edition.startswith("The editors of the online edition, eds.")
    assert "by Hamid Sarmadi, Morteza Noormohamadi Nazariian, and Yaser Qarashi Habashi" in " ".join(edition.split())
    date, short = subprocess.run(
        ["git", "log", "-1", "--format=%cs %h"], cwd=ROOT, capture_output=True, text=True
    ).stdout.split()
    assert f"Corrected English edition, version of {date}, commit {short}" in " ".join(edition.split())
    assert "First published in Specialty Journal of Politics and Law 3 (4): 16–32, 2018" in " ".join(edition.split())
    # A published fork links the editors to the repository's contributors.
    link = soup(fork_site, "introduction/").select_one("#cite-edition-chicago a")
    assert link["href"] == "https://github.com/example-org/qarabagh/graphs/contributors"
    home = soup(fork_site, "").select_one(".paper-record").get_text(" ", strip=True)
    assert "Corrected English reading by the editors of the online edition" in " ".join(home.split())
    # No self-praise.
    for text in [(ROOT / "README.md").read_text(encoding="utf-8"), (site / "index.html").read_text(encoding="utf-8")]:
        assert "definitive" not in text.lower()


@pytest.mark.browser
def test_paragraph_tools_come_when_wanted_and_cite_offers_those_of_the_paragraph_in_view(browser, server):
    from playwright.sync_api import expect

    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(server + "social-impacts/", wait_until="networkidle")
    # None at load: the longest section's 200 buttons made it slow to start.
    assert page.locator(".paragraph-tools").count() == 0
    page.locator("#social-3").hover()
    assert page.locator("#social-3 > .paragraph-tools button").all_inner_texts() == ["¶ 3", "cite", "Add to pack"]
    # The keyboard going into a paragraph (here to an actor's name) brings them too.
    term = page.locator("article [data-paragraph] a.glossary-term").nth(40)
    term.focus()
    ident = term.evaluate("e => e.closest('[data-paragraph]').id")
    assert page.locator(f"#{ident} > .paragraph-tools .paragraph-link").count() == 1
    # "Cite" offers the tools of the paragraph in view, one Tab away.
    page.evaluate("document.getElementById('social-20').scrollIntoView()")
    page.locator("details.cite-this > summary").focus()
    page.keyboard.press("Enter")
    offer = page.locator(".cite-this__paragraph")
    expect(offer.locator("h2")).to_have_text("The paragraph in view (¶ 20)")
    offer.locator(".paragraph-cite").focus()
    page.keyboard.press("Enter")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "¶ 20." in copied and copied.endswith("/social-impacts/#social-20"), copied
    offer.locator(".pack-toggle").click()
    expect(offer.locator(".pack-toggle")).to_have_attribute("aria-pressed", "true")
    expect(page.locator("#social-20 > .paragraph-tools .pack-toggle")).to_have_attribute("aria-pressed", "true")
    assert "is-in-pack" in page.locator("#social-20").get_attribute("class")
    context.close()


def test_the_pdfs_name_whose_text_they_are(site):
    from pypdf import PdfReader

    year = version_of_the_site().split()[2][:4]
    corrected = PdfReader(str(site / "downloads" / "sarmadi-2018-qarabagh-crisis.pdf"))
    assert corrected.metadata["/Title"] == PAPER["title"] + " (corrected English edition)"
    assert corrected.metadata["/Author"].startswith(f"{EDITORS} (eds.); the article by Hamid Sarmadi")
    head = f"{EDITORS}, eds. ({year}), The Qarabagh Crisis, corrected English edition"
    pages = [" ".join(page.extract_text().split()) for page in corrected.pages]
    assert all(head in text for text in pages) and not any("Sarmadi et al." in text for text in pages)
    cite_as = pages[0].split("Cite this edition as: ", 1)[1]
    assert cite_as.startswith(f"{EDITORS}, eds. {year}. ") and BY_THE_AUTHORS in cite_as
    assert f"Corrected English edition, {version_of_the_site()}" in cite_as
    record = PdfReader(str(site / "downloads" / "sarmadi-2018-qarabagh-crisis-as-published.pdf"))
    assert record.metadata["/Author"] == "Hamid Sarmadi, Morteza Noormohamadi Nazariian, Yaser Qarashi Habashi"
    assert all("Sarmadi et al. (2018), The Qarabagh Crisis" in page.extract_text() for page in record.pages)


@pytest.mark.parametrize("title", ["Unmatched } brace", "A {b", 'Quoted "title" }', "Line\nTY  - JOUR", "@misc{x,"])
def test_any_page_title_gives_bibtex_and_ris_that_read_back(title):
    from qarabagh_edition import cite_formats

    cite = {
        "edition": {"date": "2026-12-07", "short": "abc1234", "commit": "abc1234" * 5},
        "chicago_base": "Sarmadi, Hamid. 2018. “T.” <em>J</em>.",
        "bibtex": "",
    }
    for role in ("reading", "editorial"):
        text = cite_formats.bibtex(role, cite, PAPER, EDITORS, "http://x/print_page/", title)
        entries = parse_string(text, "bibtex").entries
        assert len(entries) == 1
        entry = next(iter(entries.values()))
        assert " ".join(entry.fields["title"].split()) == " ".join(title.split()).replace("{", "(").replace("}", ")")
        assert entry.fields["url"] == "http://x/print_page/"
        ris = cite_formats.ris(role, cite, PAPER, EDITORS, "http://x/", title).split("\r\n")
        assert [line[:2] for line in ris].count("TY") == 1 and "TI  - " + title.replace("\n", " ") in ris
