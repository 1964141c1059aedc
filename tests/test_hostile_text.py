"""Text that reads one way to the rules and another to readers (issue 23, markup half).

The invisible characters rules/source_text.py forbids (a right-to-left override reverses
what follows it; a zero-width space splits a name so the spelling rules miss it) are
forbidden as well when written as character references, which the page decodes: the
rules judge what a page renders to.
"""

from __future__ import annotations

import pytest

from qarabagh_edition.rules.html_allowlist import check_field, check_page, page_markdown

EXTENSIONS = ["attr_list", "md_in_html", "admonition", "footnotes", "tables", "toc", "pymdownx.details"]
MD = page_markdown(EXTENSIONS, {})  # one for every test: reset between pages
PAGE = "---\neditorial: true\ntitle: Notes\n---\n\n# Notes { #notes }\n\n"


@pytest.mark.parametrize(
    "written, character",
    [
        ("The war began in &#x202E;4991&#x202C;.", "U+202E"),
        ("Qara&#8203;bagh", "U+200B"),
        ("Qara&#x200b;bagh", "U+200B"),
        ("Qara&ZeroWidthSpace;bagh", "U+200B"),
        ('[a link](#notes "&#x2067;title")', "U+2067"),
        ("Qara&zwnj;bagh", "U+200C"),  # in the English of docs/, as the characters themselves are
    ],
)
def test_a_reference_to_an_invisible_character_is_refused(written, character):
    problems = check_page(PAGE + "Text.\n\n" + written + "\n", "docs/notes.md", MD)
    assert any(p.startswith("docs/notes.md:10: ") and character in p for p in problems), problems


def test_a_persian_name_in_the_data_keeps_its_zero_width_non_joiner():
    assert check_field("Mahmoud Ahmadinejad (احمدی&zwnj;نژاد)", "data/glossary.yml", 3, MD) == []
    problems = check_field("Named &#x202E;here", "data/glossary.yml", 3, MD)
    assert any(p.startswith("data/glossary.yml:3: ") and "U+202E" in p for p in problems), problems


def test_plain_text_and_its_references_pass():
    assert check_page(PAGE + "Text &amp; more &#8211; “quoted” é.\n", "docs/notes.md", MD) == []


@pytest.mark.parametrize(
    "character",
    [
        "\u00ad",  # soft hyphen: splits "Qara\u00adbagh" for the spelling rules, shown only at a line's end
        "\u2061",
        "\u2063",  # invisible function application, invisible separator
        "\u061c",  # Arabic letter mark: a directional control
        "\u180e",  # Mongolian vowel separator
        "\U000e0041",  # a tag character
    ],
)
def test_every_invisible_format_character_is_refused(tmp_path, character):
    """Not a list of the ones known today: every format character (Unicode's Cf) but the
    joiners and marks Persian names need, which stay out of the English of docs/."""
    from qarabagh_edition.rules.source_text import check_file

    page = tmp_path / "page.md"
    page.write_text(f"Line one.\nthe Qara{character}bagh crisis\n", encoding="utf-8")
    problems = check_file(page, "docs/conclusion.md", english=True)
    assert any(p.startswith(f"docs/conclusion.md:2: invisible character U+{ord(character):04X}") for p in problems)
    data = tmp_path / "glossary.yml"
    data.write_text(f"description: the Qara{character}bagh crisis\n", encoding="utf-8")
    assert check_file(data, "data/glossary.yml") != []


# -- `.editorial` on the paper's own words -----------------------------------------------------


def test_the_papers_own_heading_and_paragraph_cannot_be_marked_editorial(project_copy):
    """`.editorial` gives a heading the badge "added by the editors, not in the published
    paper" and a paragraph the editorial style: on the paper's own words, a false claim."""
    import subprocess
    import sys

    from conftest import ROOT

    page = project_copy / "docs" / "conclusion.md"
    text = page.read_text()
    page.write_text(
        text.replace("# Conclusion { #conclusion }", "# Conclusion { #conclusion .editorial }", 1).replace(
            "{: #conclusion-1 }", "{: #conclusion-1 .editorial }", 1
        )
    )
    lines = text.split("\n")
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "lint_content.py"), "--root", str(project_copy)],
        capture_output=True,
        text=True,
    )
    start = next(n for n, line in enumerate(lines, 1) if line.startswith("At the end of the article"))
    for ident, line in (("conclusion", 1), ("conclusion-1", start)):
        assert f"docs/conclusion.md:{line}: '{ident}' is the paper's own" in result.stdout, result.stdout


# -- toc's permalink class is toc's ------------------------------------------------------------


@pytest.mark.parametrize(
    "written, words",
    [
        ("## Safe [&lt;img src=x onerror=alert(1)&gt;](#notes){: .headerlink }", "class 'headerlink' on <a>"),
        ("## Safe [&lt;img src=x onerror=alert(1)&gt;](#notes){: .headerlink }", "contains '<'"),
        ("Text [words shown only on hover](#notes){: .headerlink } here.", "class 'headerlink' on <a>"),
        ('Text <a class="headerlink" href="#notes">hidden</a> here.', "class 'headerlink' on <a>"),
    ],
)
def test_a_page_cannot_give_the_permalinks_class(written, words):
    """`headerlink` is toc's: Material shows it only on hover, and the plain-text rule
    skipped it as the "¶" permalink, so a heading's link with it carried markup past it."""
    problems = check_page(
        PAGE + "Text.\n\n" + written + "\n", "docs/notes.md", page_markdown(EXTENSIONS, {"toc": {"permalink": "¶"}})
    )
    assert any(p.startswith("docs/notes.md:10: ") and words in p for p in problems), problems


def test_the_permalinks_of_a_plain_page_pass():
    assert (
        check_page(
            PAGE + "## A heading { #a }\n\nText.\n",
            "docs/notes.md",
            page_markdown(EXTENSIONS, {"toc": {"permalink": "¶"}}),
        )
        == []
    )


@pytest.mark.parametrize(
    "written",
    [
        "Text [Iran occupied the region](#notes){: .footnote-backref } here.",
        'Text <a class="footnote-backref" href="#fnref:1">hidden words</a> here.',
        "Text [a claim](#notes){: .footnote-ref } here.",
    ],
)
def test_a_page_cannot_dress_its_words_as_a_footnote_link(written):
    problems = check_page(PAGE + "Text.\n\n" + written + "\n", "docs/notes.md", MD)
    assert any(p.startswith("docs/notes.md:10: ") and "is the edition's own" in p for p in problems), problems


def test_footnotes_themselves_pass():
    assert check_page(PAGE + "Text.[^1] More.[^note]\n\n[^1]: A note.\n[^note]: Another.\n", "docs/notes.md", MD) == []


# -- Direction as an attribute -----------------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    [
        'The war lasted <span dir="rtl">1988–1994</span>.',  # shown "1994–1988" (seen in Chromium)
        "The war lasted *1988–1994*{: dir=rtl }.",
        '<p dir="rtl">The war lasted 1988–1994.</p>',
    ],
)
def test_a_page_cannot_reverse_what_readers_see_with_dir(written):
    """`dir="rtl"` reorders numbers and punctuation on the screen, as the override
    character does, while the rules (a number kept as printed) and search read them in
    order. No text of the edition needs it: Persian names are set by their own letters."""
    problems = check_page(PAGE + "Text.\n\n" + written + "\n", "docs/notes.md", MD)
    assert any(p.startswith("docs/notes.md:10: ") and "dir=" in p for p in problems), problems


def test_a_timeline_description_cannot_reverse_its_dates():
    problems = check_field('From <span dir="rtl">1988–1994</span>.', "data/timeline.yml", 20, MD)
    assert any(p.startswith("data/timeline.yml:20: ") and "dir=" in p for p in problems), problems
