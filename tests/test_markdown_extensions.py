"""Golden-file tests of the edition's Markdown extensions (qarabagh_edition.markdown):
each case in tests/golden/markdown/<extension>/ is rendered by Python-Markdown with the
extension and compared with the HTML beside it (see that folder's README)."""

from __future__ import annotations

import os
from pathlib import Path

import markdown
import pytest

GOLDEN = Path(__file__).parent / "golden" / "markdown"
PROJECT = GOLDEN / "project"
BASE = ["attr_list", "footnotes", "smarty"]
TOC = "toc"  # its permalinks (¶) and their titles, as mkdocs.yml sets them
EXTENSIONS = {
    "paragraph_numbers": ["qarabagh_edition.markdown.paragraph_numbers"],
    "citation_links": ["qarabagh_edition.markdown.citation_links"],
    "glossary_links": ["qarabagh_edition.markdown.glossary_links"],
    "change_marks": ["qarabagh_edition.markdown.change_marks"],
    "reading_markers": ["qarabagh_edition.markdown.reading_markers"],
    "editorial_badges": [TOC, "qarabagh_edition.markdown.editorial_badges"],
    "reading_time": ["qarabagh_edition.markdown.reading_time"],
    "tooltips": [TOC, "qarabagh_edition.markdown.editorial_badges", "qarabagh_edition.markdown.tooltips"],
    # The site's order, as listed in mkdocs.yml.
    "all": [
        TOC,
        "qarabagh_edition.markdown.paragraph_numbers",
        "qarabagh_edition.markdown.citation_links",
        "qarabagh_edition.markdown.glossary_links",
        "qarabagh_edition.markdown.change_marks",
        "qarabagh_edition.markdown.reading_markers",
        "qarabagh_edition.markdown.editorial_badges",
        "qarabagh_edition.markdown.reading_time",
        "qarabagh_edition.markdown.tooltips",
    ],
}
NAV = [{"The paper": [{"Sample": "sample.md"}]}]  # the project's one section
SETTINGS = {
    "smarty": {"smart_quotes": False, "smart_angled_quotes": False, "smart_ellipses": False},  # as mkdocs.yml
    TOC: {"permalink": "¶", "permalink_title": "Link to this heading"},  # as mkdocs.yml
    "qarabagh_edition.markdown.citation_links": {"root": str(PROJECT)},
    # Where each change stands: from its page in a project of its own (its published text).
    "qarabagh_edition.markdown.change_marks": {"root": str(GOLDEN / "places"), "docs_dir": "docs"},
    "qarabagh_edition.markdown.glossary_links": {"root": str(PROJECT), "docs_dir": "docs"},
    "qarabagh_edition.markdown.reading_markers": {"root": str(PROJECT), "docs_dir": "docs"},
    "qarabagh_edition.markdown.reading_time": {"root": str(PROJECT), "docs_dir": "docs", "nav": NAV},
}
CASES = sorted(GOLDEN.glob("*/*.md"))


def render(case: Path) -> str:
    extensions = BASE + EXTENSIONS[case.parent.name]
    return (
        markdown.Markdown(extensions=extensions, extension_configs=SETTINGS).convert(case.read_text(encoding="utf-8"))
        + "\n"
    )


@pytest.mark.parametrize(
    "case", [c for c in CASES if c.parent.name in EXTENSIONS], ids=lambda c: f"{c.parent.name}/{c.stem}"
)
def test_golden(case: Path):
    expected = case.with_suffix(".html")
    rendered = render(case)
    if os.environ.get("UPDATE_GOLDEN"):
        expected.write_text(rendered, encoding="utf-8")
    assert expected.exists(), f"{expected} is missing: run UPDATE_GOLDEN=1 pytest {__file__}"
    assert rendered == expected.read_text(encoding="utf-8"), f"{case.name} renders differently from {expected.name}"


def test_every_extension_has_cases():
    assert {c.parent.name for c in CASES} >= set(EXTENSIONS)


def test_without_the_extensions_nothing_is_linked():
    # The golden files say something only if the extensions change the output.
    for case in CASES:
        if case.parent.name in EXTENSIONS:
            others = BASE + [name for name in EXTENSIONS[case.parent.name] if not name.startswith("qarabagh_edition")]
            plain = (
                markdown.Markdown(extensions=others, extension_configs=SETTINGS).convert(
                    case.read_text(encoding="utf-8")
                )
                + "\n"
            )
            assert plain != case.with_suffix(".html").read_text(encoding="utf-8"), case
