"""Golden-file tests of what the package generates for pages (the Glossary, Timeline,
References, Corrections and For instructors pages, what a marker opens, the whole paper
on one page; the marks beside paragraphs are tests/golden/markdown/'s), from the small project in tests/golden/markdown/project/.
Each output is compared with tests/golden/pages/<name>; after a deliberate change:
    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_page_goldens.py
"""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path

import markdown
import pytest

from qarabagh_edition.downloads.whole_paper import Section, combine
from qarabagh_edition.pages.corrections import corrections_markdown
from qarabagh_edition.pages.instructors import instructors_markdown, reading_time
from qarabagh_edition.pages.record import name_the_readings, record_pages
from qarabagh_edition.pages.references import audit, bibliography, citing_paragraphs
from qarabagh_edition.pages.two_readings import changes_data
from qarabagh_edition.project import Project

GOLDEN = Path(__file__).parent / "golden" / "pages"
PROJECT = Path(__file__).parent / "golden" / "markdown" / "project"
PAGE = "sample.md"
TITLES = {PAGE: "Sample"}
NAV = [{"The paper": [{"Sample": PAGE}]}]
REPO = "https://github.com/example/edition"


def paragraphs():
    # The revisions (from git blame) change with every commit of the fixture: left out.
    return [
        dataclasses.replace(p, revision=None, change_revisions=[None] * len(p.apparatus.changes))
        for p in Project.read(PROJECT, "docs", NAV).paragraphs
    ]


def rendered_page() -> str:
    return markdown.Markdown(extensions=["attr_list", "footnotes"]).convert((PROJECT / "docs" / PAGE).read_text())


def _glossary():
    return Project.read(PROJECT, "docs", NAV).glossary_pages


def _bibliography():
    citing, _ = citing_paragraphs(PROJECT, "docs")
    return bibliography(
        {"vaezi2008": "Vaezi, A. 2008. *A Book*.", "other2000": "Other, B. 2000. *Uncited*."},
        citing,
        {"vaezi2008": "The author is A. Vaezi [sic]; *not* a <b>link</b>"},
    )


def _audit():
    _, page_of = citing_paragraphs(PROJECT, "docs")
    return audit(PROJECT, page_of)


def _instructors():
    stats = Project.read(PROJECT, "docs", NAV).section_stats
    return (
        instructors_markdown(
            stats,
            "https://example.org/",
            {"pdf": "downloads/x.pdf", "zip": "downloads/x.zip"},
            "Sarmadi, H. 2018. <i>The Title</i>.",
        )
        + "\n"
        + reading_time(stats[PAGE])
    )


def _whole_paper():
    page = rendered_page()
    return combine(
        [
            Section("", "Abstract and keywords", '<h1 id="home">Home</h1>\n<p id="abstract-1">A.</p>'),
            Section(
                "sample/", "Sample", page + '\n<p><a href="#sample-2">back</a> <a href="../glossary/#iran">Iran</a></p>'
            ),
        ],
        "print_page/",
    )


def _record(src_uri: str) -> str:
    paper = {"title": "The Sample Paper"}
    pages = record_pages(PROJECT, "docs", {"index.md": "Home", PAGE: "Sample"}, paper)
    return next(p.markdown for p in pages if p.src_uri == src_uri)


def _named_search_index():
    index = {
        "docs": [
            {"location": "", "title": "Home"},
            {"location": "sample/", "title": "Sample"},
            {"location": "sample/#part", "title": "A part"},
            {"location": "glossary/", "title": "Glossary"},
            {"location": "as-published/sample/", "title": "SAMPLE"},
        ]
    }
    named = name_the_readings(index, {"./": "as-published/", "sample/": "as-published/sample/"})
    return json.dumps(named, ensure_ascii=False, indent=1)


OUTPUTS = {
    "glossary.md": lambda: _glossary().glossary_markdown(),
    "timeline.md": lambda: _glossary().timeline_markdown(),
    "actors-in-section.md": lambda: _glossary().actors_in_section(PAGE),
    "references-bibliography.md": _bibliography,
    "references-audit.md": _audit,
    "instructors.md": _instructors,
    "corrections.md": lambda: corrections_markdown(paragraphs(), TITLES, REPO, lambda page: f"../{page[:-3]}/"),
    "changes.json": lambda: json.dumps(
        changes_data(PAGE, paragraphs(), REPO), ensure_ascii=False, indent=1, sort_keys=True
    ),
    "record-sample.md": lambda: _record("as-published/sample.md"),
    "record-whole-paper.md": lambda: _record("as-published/whole-paper.md"),
    "search-index-named.json": _named_search_index,
    "whole-paper.html": _whole_paper,
}


@pytest.mark.parametrize("name", sorted(OUTPUTS))
def test_golden(name: str):
    expected = GOLDEN / name
    produced = OUTPUTS[name]().rstrip("\n") + "\n"
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.mkdir(parents=True, exist_ok=True)
        expected.write_text(produced, encoding="utf-8")
    assert expected.exists(), f"{expected} is missing: run UPDATE_GOLDEN=1 pytest {__file__}"
    assert produced == expected.read_text(encoding="utf-8"), f"{name} differs from its golden file"
