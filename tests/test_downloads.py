"""The parts the downloads are made of (qarabagh_edition.downloads): the build's one
date, the offline zip and the PDF, each the same bytes however often it is made.
tests/test_reproducible.py builds the whole site twice."""

from __future__ import annotations

import os
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT

from qarabagh_edition.downloads import build_time, offline_zip, pdf

EPOCH = 1796101886  # 2026-12-01 05:11:26 UTC, an even second (zip counts in twos)
WHEN = (2026, 12, 1, 5, 11, 26)


# --- the build's date ---------------------------------------------------------------


def test_a_given_source_date_epoch_is_kept():
    environ = {"SOURCE_DATE_EPOCH": "1000000000"}
    assert build_time.fix_build_time(ROOT, environ) == 1000000000
    assert environ == {"SOURCE_DATE_EPOCH": "1000000000"}


def test_a_malformed_source_date_epoch_is_an_error_that_says_what_is_wanted():
    with pytest.raises(ValueError, match="SOURCE_DATE_EPOCH='yesterday': expected whole seconds"):
        build_time.source_date_epoch(ROOT, {"SOURCE_DATE_EPOCH": "yesterday"})


def test_without_one_it_is_the_last_commit_time_and_is_set_for_the_engine(tmp_path):
    dated = {
        **os.environ,
        "GIT_AUTHOR_DATE": "2001-02-03T04:05:06Z",
        "GIT_COMMITTER_DATE": "2001-02-03T04:05:06Z",
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    subprocess.run(["git", "commit", "-q", "--allow-empty", "-m", "dated"], cwd=tmp_path, env=dated, check=True)
    environ: dict[str, str] = {}
    assert build_time.fix_build_time(tmp_path, environ) == 981173106
    assert environ == {"SOURCE_DATE_EPOCH": "981173106"}


def test_outside_a_git_checkout_the_date_is_fixed_not_the_wall_clock(tmp_path):
    assert build_time.source_date_epoch(tmp_path, {}) == build_time.WITHOUT_GIT


def test_dates_are_utc_whatever_the_local_zone(monkeypatch):
    import time

    try:
        for zone in ("UTC", "Asia/Baku", "America/Los_Angeles"):
            monkeypatch.setenv("TZ", zone)
            time.tzset()
            assert build_time.zip_date_time(EPOCH) == WHEN, zone
            assert build_time.w3c_datetime(EPOCH) == "2026-12-01T05:11:26Z", zone
    finally:  # the process's zone back for the other tests, even after a failure
        monkeypatch.undo()
        time.tzset()
    assert build_time.zip_date_time(0) == (1980, 1, 1, 0, 0, 0), "zip starts in 1980"


# --- the offline zip -------------------------------------------------------------------


def site_folder(folder: Path, order: list[str], mtime: int, mode: int) -> Path:
    """The same three files, written in another order, at another time, with other permissions."""
    files = {
        "index.html": b"<p>home</p>\n" * 50,
        "search/search_index.js": b"var index = {};\n",
        "assets/a.css": b"body{}\n",
    }
    for name in order:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(files[name])
        path.chmod(mode)
        os.utime(path, (mtime, mtime))
    return folder


def test_the_zip_is_the_same_bytes_whenever_and_however_its_files_were_written(tmp_path):
    one = site_folder(tmp_path / "one", ["index.html", "search/search_index.js", "assets/a.css"], 1_700_000_000, 0o644)
    two = site_folder(tmp_path / "two", ["assets/a.css", "search/search_index.js", "index.html"], 1_800_000_000, 0o600)
    assert offline_zip.write_zip(one, tmp_path / "one.zip", "edition", EPOCH) == 3
    offline_zip.write_zip(two, tmp_path / "two.zip", "edition", EPOCH)
    assert (tmp_path / "one.zip").read_bytes() == (tmp_path / "two.zip").read_bytes()
    with zipfile.ZipFile(tmp_path / "one.zip") as archive:
        entries = archive.infolist()
        assert archive.read("edition/index.html") == b"<p>home</p>\n" * 50
    assert [e.filename for e in entries] == [
        "edition/assets/a.css",
        "edition/index.html",
        "edition/search/search_index.js",
    ]
    assert {e.date_time for e in entries} == {WHEN}, "every entry carries the build's date, not its file's"
    assert {e.external_attr >> 16 for e in entries} == {0o100644}
    assert {(e.create_system, e.compress_type) for e in entries} == {(3, zipfile.ZIP_DEFLATED)}


def test_another_build_date_gives_another_zip(tmp_path):
    folder = site_folder(tmp_path / "site", ["index.html", "search/search_index.js", "assets/a.css"], 0, 0o644)
    offline_zip.write_zip(folder, tmp_path / "one.zip", "edition", EPOCH)
    offline_zip.write_zip(folder, tmp_path / "two.zip", "edition", EPOCH + 86400)
    assert (tmp_path / "one.zip").read_bytes() != (tmp_path / "two.zip").read_bytes()


# --- the PDF ------------------------------------------------------------------------------

PAPER = {
    "title": "The Qarabagh Crisis",
    "authors": [{"name": "A. Author"}, {"name": "B. Author"}],
    "journal": "Journal",
    "volume": 3,
    "issue": 4,
    "year": 2018,
    "first_page": 16,
    "last_page": 32,
    "issn": "2520-3282",
}
PRINT_PAGE = """<html><body><div id="whole-paper">
<nav class="whole-paper__contents"><a href="#introduction">Introduction</a></nav>
<section class="whole-paper__section"><h1 id="introduction">Introduction <a class="headerlink" href="#introduction">¶</a></h1>
<p id="introduction-1">Karabakh &amp; Iran.<span class="paragraph-tools">copy</span>
<span class="conjecture">Iran</span><a class="conjecture-mark" href="../corrections/#correction-introduction-1">conj.</a>
<a href="#introduction">up</a></p>
<details><summary>As published</summary>Qarabagh</details></section></div></body></html>"""


EDITION = {
    "editors": "The editors",
    "short_title": "Crisis",
    "date": "2026-12-01",
    "citation": "The editors, eds. 2026. The Qarabagh Crisis <&>, by A. Author and B. Author.",
}


def test_the_pdf_document_keeps_the_paper_and_drops_what_works_only_on_screen():
    document = pdf.pdf_document(PRINT_PAGE, PAPER, "https://edition.example.org/", EPOCH, EDITION)
    assert "<li>Introduction</li>" in document and 'id="introduction-1"' in document
    assert "Karabakh &amp; Iran." in document and "A. Author, B. Author" in document
    for gone in ("whole-paper__contents", "paragraph-tools", "headerlink", "<details"):
        assert gone not in document, gone
    assert '<meta name="dcterms.created" content="2026-12-01T05:11:26Z">' in document
    # A link to a page the PDF does not hold leads to the site, not to the build's folder;
    # a link within the document stays within it.
    assert 'href="https://edition.example.org/corrections/#correction-introduction-1"' in document
    assert 'href="#introduction"' in document


def test_the_pdf_is_the_same_bytes_twice_and_dated_by_the_build(tmp_path):
    from pypdf import PdfReader

    stylesheet = ROOT / "overrides" / "assets" / "stylesheets" / "pdf.css"
    document = pdf.pdf_document(PRINT_PAGE, PAPER, "https://edition.example.org/", EPOCH, EDITION)
    for name in ("one.pdf", "two.pdf"):
        pdf.write_pdf(
            document,
            base_url=f"{tmp_path}/",
            stylesheet=stylesheet,
            target=tmp_path / name,
            site=tmp_path,
            site_url="https://edition.example.org/",
        )
    assert (tmp_path / "one.pdf").read_bytes() == (tmp_path / "two.pdf").read_bytes()
    reader = PdfReader(str(tmp_path / "one.pdf"))
    info = reader.metadata
    assert info["/CreationDate"].startswith("D:20261201051126") and info["/ModDate"] == info["/CreationDate"]
    # The corrected reading's PDF names its editors, in its metadata and its running head.
    assert info["/Title"] == "The Qarabagh Crisis (corrected English edition)"
    assert info["/Author"] == "The editors (eds.); the article by A. Author, B. Author"
    text = reader.pages[0].extract_text()
    assert "The editors, eds. (2026), Crisis, corrected English edition" in text
    assert "Cite this edition as: The editors, eds. 2026. The Qarabagh Crisis <&>," in " ".join(text.split())


def test_the_pdf_is_tagged_and_its_conjecture_marks_stand_apart_from_the_words(tmp_path):
    """A conjecture's mark ran into the word before it in the PDF's text ("Iranconj."), as
    copied or read aloud; and the PDF is tagged (structure for screen readers and reflow)."""
    from pypdf import PdfReader

    document = pdf.pdf_document(PRINT_PAGE, PAPER, "https://edition.example.org/", EPOCH, EDITION)
    pdf.write_pdf(
        document,
        base_url=f"{tmp_path}/",
        stylesheet=ROOT / "overrides" / "assets" / "stylesheets" / "pdf.css",
        target=tmp_path / "tagged.pdf",
        site=tmp_path,
        site_url="https://edition.example.org/",
    )
    reader = PdfReader(str(tmp_path / "tagged.pdf"))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Iranconj." not in text and re.search(r"Iran\s+conj\.", text), text
    catalog = reader.trailer["/Root"]
    assert bool(catalog["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in catalog
    assert catalog["/Lang"] == "en"


def test_the_pdf_carries_the_apparatus_key_numbered_notes_and_labelled_queries(site):
    """Where no marker opens a panel: a key to the marks; each change numbered where it
    stands and given as a note after its paragraph (class, printed words → reading, reason);
    each query labelled as a query. In the PDF's document and in its text."""
    from bs4 import BeautifulSoup
    from pypdf import PdfReader

    from qarabagh_edition.downloads import FILES
    from qarabagh_edition.downloads.pdf_apparatus import changes_entries

    changes = changes_entries(site / "as-published" / "changes")
    page = (site / "print_page" / "index.html").read_text(encoding="utf-8")
    document = BeautifulSoup(
        pdf.pdf_document(page, PAPER, "https://edition.example.org/", EPOCH, EDITION, changes), "lxml"
    )
    assert document.select_one(".pdf-key h2").get_text() == "Key to the marks"
    checked = 0
    for ident, entry in changes.items():
        paragraph = document.find(id=ident)
        listed = BeautifulSoup(entry["apparatus"], "html.parser").select("li:not(.apparatus-entry--query)")
        numbers = [int(sup.get_text()) for sup in paragraph.select("sup.pdf-note-ref")]
        assert numbers == list(range(1, len(listed) + 1)), ident
        notes = paragraph.find_next("ol", class_="pdf-apparatus").select("li")
        assert len(notes) == len(listed), ident
        assert all(n.select_one(".apparatus-class") and n.select_one("ins, del") for n in notes), ident
        assert not paragraph.find_next("ol", class_="pdf-apparatus").select(".apparatus-revision")
        checked += 1
    assert checked > 50
    queries = document.select("aside.editorial-query")
    assert queries and all(q.get_text().startswith("Query. ") for q in queries)
    # The PDF the build wrote says the same.
    reader = PdfReader(str(site / FILES["pdf"]))
    text = " ".join(" ".join(p.extract_text() for p in reader.pages[:3]).split())
    assert "Key to the marks" in text and "Normalisation: a name in the glossary" in text
    everything = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert everything.count("Query. ") >= len(queries) * 0.9 and "Emendation" in everything
