"""In-text citations are linked to a BibTeX bibliography; the References page lists
the published reference list, the formatted bibliography and the citation audit."""

import re

import pytest
from conftest import ROOT
from helpers import content, line_of, paragraph_line, soup
from pybtex.database import parse_file

from qarabagh_edition.printed_citations import load_citations
from qarabagh_edition.published_layer import load_layer

BIB = ROOT / "bib" / "paper.bib"
PAPER_KEY = "sarmadi2018qarabagh"


def page_of(paragraph: str) -> str:
    return load_layer(ROOT)[paragraph].page.removesuffix(".md") + "/"


def all_records():
    return [r for records in load_citations(ROOT, load_layer(ROOT)).values() for r in records]


def test_every_printed_citation_is_a_link_to_its_full_reference(site):
    records = all_records()
    assert len(records) >= 20
    by_paragraph = {}
    for record in records:
        by_paragraph.setdefault(record.paragraph, []).append(record)
    for paragraph, cites in by_paragraph.items():
        page = soup(site, page_of(paragraph))
        element = page.find(id=paragraph)
        links = element.select("span.citation a.footnote-ref")
        assert len(links) == sum(len(r.keys) for r in cites), paragraph
        for record in cites:
            for key in record.keys:
                link = element.select_one(f'span.citation a[href="#fn:{key}"]')
                assert link is not None, (paragraph, key)
                target = page.find(id=f"fn:{key}")
                assert target is not None and len(target.get_text(strip=True)) > 10, (paragraph, key)


def test_citations_read_like_the_paper_in_author_date_style(site):
    roots = soup(site, "roots-of-the-crisis/").find(id="roots-1")
    assert roots.select_one("span.citation").get_text() == "(Vaezi 2008, 157–58)"
    reference = soup(site, "roots-of-the-crisis/").find(id="fn:vaezi2008").get_text().strip()
    assert reference.startswith("Vaezi, Hassan. 2008.") and "forign policy of Iran in Caucasi" in reference
    social = soup(site, "social-impacts/").find(id="social-16").get_text(" ")
    assert "Hasan Rashedi and Akbar Azad (2016)" in " ".join(social.split())  # narrative: words kept


def test_differing_citations_carry_an_editorial_note(site):
    for record in all_records():
        if not record.differs:
            continue
        element = soup(site, page_of(record.paragraph)).find(id=record.paragraph)
        note = element.find_next(
            lambda tag: (
                tag.name == "aside"
                and "editorial-note" in tag.get("class", [])
                and not {"editorial-query", "editorial-conjecture"} & set(tag.get("class", []))
            )
        )
        assert note is not None, record.paragraph
        assert record.published in note.get_text() and "Editorial note" in note.get_text()
    notes = sum(
        len(soup(site, p).select("aside.editorial-note:not(.editorial-query):not(.editorial-conjecture)"))
        for p in {page_of(r.paragraph) for r in all_records()}
    )
    assert notes == len({r.paragraph for r in all_records() if r.differs})


def test_bibliography_keys_are_readable_and_unique():
    text = BIB.read_text(encoding="utf-8")
    keys = re.findall(r"^@\w+\{([^,]+),", text, re.M)
    assert len(keys) == len(set(k.lower() for k in keys))
    for key in keys:
        assert re.fullmatch(r"[a-z]+(\d{4}[a-z]*)?", key), key


def test_bibliography_keeps_the_published_names_and_titles():
    bib = parse_file(str(BIB))
    published = [e.text for i, e in sorted(load_layer(ROOT).items()) if i.startswith("references-")]
    listed = [
        "abazari2012",
        "abbasimousavi2013",
        "amirahmadian2012",
        "falah2006",
        "herbert2004",
        "javad1993",
        "rashidi2016",
        "shifer2006",
        "vaezi2008",
        "vosoghi2008",
    ]
    assert len(published) == len(listed) == 10
    for key in listed:
        entry = bib.entries[key]
        surname = " ".join(entry.persons["author"][0].last_names).replace("{", "").replace("}", "")
        matches = [p for p in published if surname in p and entry.fields["year"] in p]
        assert matches, f"{key}: {surname} ({entry.fields['year']}) is not in the published reference list"
        title_words = re.findall(r"\w{4,}", entry.fields["title"].replace("{", "").replace("}", ""))[:3]
        assert all(word in matches[0] for word in title_words), (key, title_words)


def test_web_sources_cited_without_listing_have_entries():
    bib = parse_file(str(BIB))
    cited = {key for record in all_records() for key in record.keys}
    for site_name in ["islamtimes", "trendaz", "iribnews", "aftabnews", "durtanews"]:
        assert site_name in bib.entries and site_name in cited, site_name


def test_references_page_keeps_the_published_list_numbered(site):
    items = content(site, "references/").select("ol > li[id^=references-]")
    assert [li["id"] for li in items] == [f"references-{n}" for n in range(1, 11)]
    assert items[0].find_parent("ol").get("start") in (None, "1")
    assert items[8].get_text().strip() == "Vaezi, Hassan (2008), forign policy of Iran in Caucasi, Ney publishing."


def test_bibliography_lists_every_entry_with_the_paragraphs_citing_it(site):
    page = content(site, "references/")
    bib = parse_file(str(BIB))
    expected_citing = {}
    for record in all_records():
        for key in record.keys:
            expected_citing.setdefault(key, set()).add(record.paragraph)
    for key in bib.entries:
        if key == PAPER_KEY:
            continue
        entry = page.find(id=f"ref-{key}")
        assert entry is not None, key
        linked = {a["href"].split("#")[1] for a in entry.select("a[href*='#']")}
        assert linked == expected_citing.get(key, set()), key
        for href in (a["href"] for a in entry.select("a[href*='#']")):
            path, anchor = href.split("#")
            assert soup(site, "references/" + path).find(id=anchor) is not None, href


def test_the_record_prints_each_citation_as_printed_linked_to_its_reference(site):
    references = {element["id"] for element in soup(site, "references/").select("[id^=ref-]")}
    linked = 0
    for record in all_records():
        page = soup(site, "as-published/" + page_of(record.paragraph))
        paragraph = page.find(id=record.paragraph)
        links = [a for a in paragraph.find_all("a") if a.get_text() == record.published]
        if not record.keys:  # a source named without a reference: the words, unlinked
            assert not links and record.published in paragraph.get_text(), record
            continue
        assert links, f"{record.paragraph}: {record.published} is not a link on the record's page"
        target = links[0]["href"]
        assert target.endswith(f"references/#ref-{record.keys[0]}"), (record.published, target)
        assert f"ref-{record.keys[0]}" in references
        linked += 1
    assert linked >= 20


@pytest.mark.browser
def test_the_record_reads_the_citations_as_printed(page, server):
    page.goto(server + "as-published/roots-of-the-crisis/", wait_until="networkidle")
    citation = page.locator("#roots-1 a", has_text="(Vaezi, 2008: 158-157)")
    assert citation.inner_text() == "(Vaezi, 2008: 158-157)"
    assert "Vaezi 2008" not in page.locator("#roots-1").inner_text()  # not the edition's rendering
    citation.click()
    page.wait_for_url("**/references/#ref-vaezi2008")


def test_citation_audit_lists_every_disagreement(site):
    audit = content(site, "references/").find(id="citation-audit")
    table = audit.find_next("table")
    rows = table.select("tbody tr")
    differing = [r for r in all_records() if r.differs]
    assert len(rows) == len(differing)
    text = table.get_text(" ")
    for published in [
        "(Vosoughi, 2009: p. 1)",
        "(Fala'ah, 2016: p. 7)",
        "(Maelfashar, 2012: p. 2)",
        "(Javadi Arjmand, 1993: p. 5)",
        "(Vaezi, 2008: 158-157)",
    ]:
        assert published in text, published


@pytest.mark.browser
def test_hovering_or_focusing_a_citation_shows_the_full_reference(page, server):
    page.goto(server + "roots-of-the-crisis/", wait_until="networkidle")
    citation = page.locator("#roots-1 span.citation a")
    citation.hover()
    tooltip = page.locator(".md-tooltip2--active, .md-tooltip--active")
    tooltip.first.wait_for(timeout=5000)
    assert "forign policy of Iran in Caucasi" in tooltip.first.inner_text()
    page.mouse.move(0, 0)
    page.goto(server + "roots-of-the-crisis/", wait_until="networkidle")
    citation.focus()
    tooltip.first.wait_for(timeout=5000)
    assert "Vaezi, Hassan" in tooltip.first.inner_text()


# -- Bad input: each fails the strict build with file:line and a plain message ------------


def test_unknown_citation_key_fails(project_copy, build_copy):
    page = project_copy / "docs" / "roots-of-the-crisis.md"
    page.write_text(page.read_text().replace("[@vaezi2008, pp. 157–158]", "[@vaezi2009, pp. 157–158]"))
    result = build_copy(project_copy)
    assert result.returncode != 0
    line = paragraph_line(page, "roots-1")
    assert (
        f"docs/roots-of-the-crisis.md:{line}: unknown citation key 'vaezi2009' in [@vaezi2009, pp. 157–158] "
        "(did you mean 'vaezi2008'?)"
    ) in result.output, result.output


def test_duplicate_bibtex_key_fails(project_copy, build_copy):
    bib = project_copy / "bib" / "paper.bib"
    text = bib.read_text()
    bib.write_text(text + "\n@book{vaezi2008,\n  author = {Someone, Else},\n  title = {Other},\n  year = {2001}\n}\n")
    result = build_copy(project_copy)
    assert result.returncode != 0
    first = line_of(bib, "@book{vaezi2008")  # the entry as it was; the duplicate is appended
    second = len(text.split("\n")) + 1
    assert f"bib/paper.bib:{second}: BibTeX key 'vaezi2008' is already used at line {first}" in result.output, (
        result.output
    )


def test_malformed_bibtex_fails(project_copy, build_copy):
    bib = project_copy / "bib" / "paper.bib"
    text = bib.read_text()
    broken = text.replace(
        "  year      = {2008},\n  publisher = {Ney publishing}",
        "  year      = {2008}\n  publisher = {Ney publishing}",
        1,
    )
    if broken == text:  # the entry's layout changed; break any entry's comma instead
        broken = re.sub(r"(year\s*=\s*\{\d{4}\}),", r"\1", text, count=1)
    bib.write_text(broken)
    result = build_copy(project_copy)
    assert result.returncode != 0
    assert re.search(
        r"bib/paper\.bib:\d+: no ',' after the value of 'year', before the field '\w+' on line \d+ "
        r"\(add ',' after the value\)",
        result.output,
    ), result.output
    assert "Traceback" not in result.output


def test_citation_map_must_quote_the_published_text(project_copy, build_copy):
    mapping = project_copy / "bib" / "citations.yml"
    mapping.write_text(
        mapping.read_text().replace('published: "(Vaezi, 2008: 158-157)"', 'published: "(Vaezi, 2008: 157-158)"')
    )
    result = build_copy(project_copy)
    assert result.returncode != 0
    assert re.search(
        r"bib/citations\.yml:\d+: '\(Vaezi, 2008: 157-158\)' is not in the published text of "
        r"'roots-1'",
        result.output,
    ), result.output


def test_the_editors_notes_on_entries_are_shown_under_them_visibly_editorial(site):
    page = content(site, "references/")
    notes = {
        key: " ".join(e.fields["note"].split())
        for key, e in parse_file(str(BIB)).entries.items()
        if e.fields.get("note")
    }
    assert "shifer2006" in notes and len(notes) >= 3
    for key, note in notes.items():
        entry = page.find(id=f"ref-{key}")
        label = entry.select_one(".editorial-label")
        assert label is not None and label.get_text() == "Editors' note:", key
        text = " ".join(entry.get_text().split())
        assert f"Editors' note: {note}" in text, (key, text)
        assert text.index("Editors' note") < text.index("Cited in"), key  # under the entry, not under another
    shaffer = " ".join(page.find(id="ref-shifer2006").get_text().split())
    assert (
        "The author is Brenda Shaffer; the original is Borders and Brothers: Iran and the Challenge of "
        "Azerbaijani Identity (Cambridge, MA: MIT Press, 2002)." in shaffer
    )
    # Entries without a note have none.
    assert page.find(id="ref-vaezi2008").select_one(".editorial-label") is None


def test_an_editors_note_is_shown_as_written_never_as_markup():
    import markdown
    from bs4 import BeautifulSoup

    from qarabagh_edition.pages.references import bibliography

    hostile = (
        "<script>alert(1)</script> <img src=x onerror=alert(1)> [link](javascript:alert(1)) *em* `code`"
        " {: #ref-other } &amp; \\ <!-- c -->\n\n# heading\n- item\n| a | b |"
    )
    source = bibliography({"vaezi2008": "Vaezi, A. 2008. A Book."}, {}, {"vaezi2008": hostile})
    html = markdown.markdown(source, extensions=["attr_list", "tables", "md_in_html"])
    item = BeautifulSoup(html, "html.parser").find(id="ref-vaezi2008")
    assert item is not None and item.name == "li"
    assert not item.select("script, img, a, em, code, h1, ul ul, table")
    assert " ".join(hostile.split()) + "." in " ".join(item.get_text().split())


def test_the_editors_notes_are_in_the_pdf_under_their_entry(site):
    from pypdf import PdfReader

    reader = PdfReader(str(site / "downloads" / "sarmadi-2018-qarabagh-crisis.pdf"))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    note = text.index("EDITORS' NOTE: The author is Brenda Shaffer")  # the label is set in capitals
    entry = text.rindex("Shifer, Brenda. 2006. Borders and Brothers", 0, note)  # the entry it is under
    assert note - entry < 200 and "MIT Press, 2002). Cited in: social-10" in text[note : note + 300]
