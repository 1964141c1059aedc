"""The landing page presents the article: title, authors, record, abstract, contents."""

import yaml
from conftest import ROOT
from helpers import SECTIONS, content, soup


def test_title_authors_and_affiliations(site):
    page = content(site)
    assert page.find("h1").get_text(strip=True) == (
        "The Qarabagh Crisis and Its Consequences on the Foreign Policy of Iran and the Republic of Azerbaijan"
    )
    authors = [li.select_one(".paper-author").get_text(strip=True) for li in page.select(".paper-authors li")]
    assert authors == ["Hamid Sarmadi", "Morteza Noormohamadi Nazariian", "Yaser Qarashi Habashi"]
    affiliations = [a.get_text(" ", strip=True) for a in page.select(".paper-affiliation")]
    assert "Islamic Azad University of Bonab" in affiliations[0]
    assert all("Bonab" in a for a in affiliations) and len(affiliations) == 3
    corresponding = page.select(".paper-authors li")[0].get_text(" ", strip=True)
    assert "corresponding author" in corresponding


def test_journal_record(site):
    record = content(site).select_one(".paper-record").get_text(" ", strip=True)
    for expected in [
        "Specialty Journal of Politics and Law",
        "vol. 3",
        "no. 4",
        "2018",
        "16–32",
        "Science Arena Publications",
        "ISSN 2520-3282",
    ]:
        assert expected in " ".join(record.split()), expected
    paper = yaml.safe_load((ROOT / "published" / "paper.yml").read_text())
    assert content(site).select_one(".paper-record a[href]")["href"] == paper["url"]


def test_abstract_and_keywords(site):
    page = content(site)
    abstract = page.find(id="abstract-1")
    assert abstract.get_text().startswith("Abstract: ") and "Karabakh crisis" in abstract.get_text()
    assert "from 1988 to 1994" in abstract.get_text() and "20 percent" in abstract.get_text()
    assert abstract.find("em") is not None  # italic as published
    # As published: on the record's landing page, where the marker leads.
    marker = page.select_one("a.corrected-marker[data-for=abstract-1]")
    assert marker["href"] == "as-published/#abstract-1"
    published = soup(site, "as-published/").find(id="abstract-1")
    assert published.get_text().startswith("Abstract: The present issue well known as the Qarabagh crisis")
    assert page.find(id="keywords-1").get_text().strip() == (
        "Keywords: Karabakh Crisis, Foreign Policy of Iran, Azerbaijan."
    )


def test_contents_list_links_every_section_in_order(site):
    links = content(site).select(".paper-contents__list")[0].select("a")
    assert [a["href"].lstrip("./") for a in links] == [path for path, _ in SECTIONS]
    assert [a.get_text(strip=True).casefold() for a in links] == [h.casefold() for _, h in SECTIONS]


def test_the_page_says_what_this_is_before_anything_else(site):
    # Before the title: the printed article, its corrected reading by the edition's editors,
    # and the switch to the printed words (issue 27, the first minute).
    page = content(site)
    first = page.find(string=True, recursive=True)
    while first is not None and not first.strip():
        first = first.find_next(string=True)
    about = first.find_parent("p")
    assert about is not None and about.find_next("h1") is not None, "the statement must come before the title"
    text = " ".join(about.get_text(" ", strip=True).split())
    assert "2018" in text and "corrected in English" in text and "editors" in text
    assert "“As published”" in text and "printed words" in text


def test_a_key_to_the_marks_names_each_one_as_the_text_draws_it(site):
    key = content(site).select_one("details.marks-legend")
    assert key is not None and "How to read the marks" in key.summary.get_text()
    terms = key.select("dt")
    assert terms[0].select_one("a.glossary-term") and terms[1].select_one(".citation a.footnote-ref")
    words = " ".join(key.get_text(" ", strip=True).split())
    for mark in ("conj.", "A conjecture", "Editorial query", "Corrected", "Show changes", "supplied words"):
        assert mark in words, mark
    # Its links lead where the text's do (the glossary entry, the full reference).
    glossary, references = soup(site, "glossary/"), soup(site, "references/")
    assert glossary.find(id=terms[0].a["href"].split("#")[1]) and references.find(id=terms[1].a["href"].split("#")[1])
