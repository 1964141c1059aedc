"""Every page as built is judged by the HTML allowlist, not only what contributors write in
docs/: a script, an event attribute, a `javascript:` link or a file from elsewhere that
comes in through the glossary, the timeline, the bibliography, the record or a template
fails the build with `file:line`, and is not in the pages even so
(qarabagh_edition.rules.built_pages, the gate in overrides/hooks/edition.py). The other doors:
front matter, files of docs/ that are not pages, a committed cache
(qarabagh_edition.rules.html_allowlist, .cache_trust)."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from conftest import ROOT
from helpers import line_of

from qarabagh_edition.rules.built_pages import check_content
from qarabagh_edition.rules.cache_trust import committed_cache_files
from qarabagh_edition.rules.html_allowlist import check_page, other_files, page_markdown

FREEZE = [sys.executable, str(ROOT / "scripts" / "freeze_layer.py")]


def append_to_entry(path, entry_id: str, field: str, text: str) -> int:
    """Append text to a folded field (`field: >-`) of the entry `id: entry_id`; its line."""
    lines = path.read_text(encoding="utf-8").split("\n")
    start = next(
        i for i, line in enumerate(lines) if line.strip() == f"- id: {entry_id}" or line.strip() == f"id: {entry_id}"
    )
    field_at = next(i for i in range(start, len(lines)) if lines[i].strip().startswith(f"{field}:"))
    last = field_at + 1
    while last + 1 < len(lines) and lines[last + 1].startswith(
        " " * (len(lines[field_at]) - len(lines[field_at].lstrip()) + 2)
    ):
        last += 1
    lines[last] += " " + text
    path.write_text("\n".join(lines), encoding="utf-8")
    return last + 1


def test_markup_from_the_data_is_refused_where_it_is_written(project_copy, build_copy, tmp_path):
    glossary = project_copy / "data" / "glossary.yml"
    timeline = project_copy / "data" / "timeline.yml"
    citations = project_copy / "bib" / "citations.yml"
    bibliography = project_copy / "bib" / "paper.bib"
    script_line = append_to_entry(glossary, "ahmadinejad", "description", "<script>alert('glossary')</script>")
    link_line = append_to_entry(timeline, "khiabani-uprising", "description", "[More](javascript:timeline)")
    text = citations.read_text(encoding="utf-8")
    citations.write_text(text.replace('differs: "', 'differs: "<img src=x onerror=alert(2)> ', 1), encoding="utf-8")
    audit_line = line_of(citations, "onerror=alert(2)")
    text = bibliography.read_text(encoding="utf-8")
    entry = re.search(r"@\w+\{vaezi2008,.*?title\s*=\s*\{", text, re.S)
    bibliography.write_text(
        text[: entry.end()] + r"\includegraphics{https://elsewhere.example/pixel.png} " + text[entry.end() :],
        encoding="utf-8",
    )
    image_line = line_of(bibliography, "elsewhere.example")

    result = build_copy(project_copy)

    assert result.returncode != 0
    assert f"data/glossary.yml:{script_line}: the element <script> is not allowed" in result.output, result.output
    assert (
        f'data/timeline.yml:{link_line}: the link href="javascript:timeline" on <a> is not allowed' in result.output
    ), result.output
    assert f'bib/citations.yml:{audit_line}: the event attribute onerror="alert(2)"' in result.output, result.output
    assert (
        f'bib/paper.bib:{image_line}: src="https://elsewhere.example/pixel.png" on <img> loads a file from elsewhere'
    ) in result.output, result.output
    # The build went on to the end (every problem is reported at once), and what it wrote
    # holds none of it as markup (the text of an escaped note may still quote it).
    from bs4 import BeautifulSoup

    for path in (tmp_path / "site-of-copy").rglob("*.html"):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        shown = path.relative_to(tmp_path).as_posix()
        assert not [s for s in page.find_all("script") if "alert('glossary')" in s.text], shown
        assert not page.select('a[href^="javascript:"]'), shown
        assert not [e for e in page.find_all(True) if "onerror" in e.attrs], shown
        assert not page.select('img[src*="elsewhere.example"]'), shown


def test_markup_in_the_record_is_refused_even_as_a_recorded_transcription_fix(project_copy, build_copy, tmp_path):
    layer = project_copy / "published" / "conclusion.yml"
    planted = '<img src="x.png" onerror="alert(document.domain)">'
    layer.write_text(
        layer.read_text(encoding="utf-8").replace(
            "At the end of the article", planted + "At the end of the article", 1
        ),
        encoding="utf-8",
    )
    page = project_copy / "docs" / "conclusion.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(
        text.replace(
            "<!-- reviewed: yes -->",
            "<!-- reviewed: yes -->\n<!-- emendation: "
            f"{planted}At the end → At the end | stray markup in the transcript -->",
            1,
        ),
        encoding="utf-8",
    )
    frozen = subprocess.run(
        FREEZE + ["--root", str(project_copy), "--reason", "PDF extraction dropped a word"],
        capture_output=True,
        text=True,
    )
    assert frozen.returncode == 0, frozen.stdout + frozen.stderr

    result = build_copy(project_copy)

    assert result.returncode != 0
    line = line_of(layer, "onerror=")
    assert (
        f'published/conclusion.yml:{line}: the event attribute onerror="alert(document.domain)" on <img> is not allowed'
    ) in result.output, result.output
    assert "[in /as-published/conclusion/]" in result.output or "[in as-published/conclusion/]" in result.output
    # What the reading page's marker opens (the published wording, from changes.json) is clean too.
    import json

    from bs4 import BeautifulSoup

    changes = json.loads((tmp_path / "site-of-copy" / "as-published" / "changes" / "conclusion.json").read_text())
    pieces = [piece for entry in changes.values() for piece in entry.values() if isinstance(piece, str)]
    assert pieces and not [
        e for piece in pieces for e in BeautifulSoup(piece, "lxml").find_all(True) if "onerror" in e.attrs
    ]


def test_the_papers_record_is_printed_as_text(project_copy, build_copy, tmp_path):
    record = project_copy / "published" / "paper.yml"
    text = record.read_text(encoding="utf-8")
    journal = re.search(r"^journal: (.*)$", text, re.M)
    record.write_text(
        text.replace(journal.group(0), 'journal: "Journal <img src=x onerror=alert(1)>"'), encoding="utf-8"
    )
    # The record is frozen: changed without a recorded fix, the build stops at once.
    line = line_of(record, "journal:")
    assert (
        f"published/paper.yml:{line}: the published text of 'paper:journal' was changed"
        in build_copy(project_copy).output
    )
    frozen = subprocess.run(
        FREEZE + ["--root", str(project_copy), "--reason", "the journal's name, mistyped"],
        capture_output=True,
        text=True,
    )
    assert frozen.returncode == 0, frozen.stdout + frozen.stderr

    result = build_copy(project_copy)

    home = (tmp_path / "site-of-copy" / "index.html").read_text(encoding="utf-8")
    assert "onerror=alert(1)>" not in home, "the record's field reached the page as markup"
    assert "Journal &lt;img src=x onerror=alert(1)&gt;" in home, result.output


def test_the_papers_citation_from_pandoc_is_judged(project_copy, build_copy):
    bibliography = project_copy / "bib" / "paper.bib"
    text = bibliography.read_text(encoding="utf-8")
    entry = re.search(r"@\w+\{sarmadi2018\w*,.*?title\s*=\s*\{", text, re.S)
    bibliography.write_text(
        text[: entry.end()] + r"\href{javascript:alert(1)}{Read} " + text[entry.end() :], encoding="utf-8"
    )

    result = build_copy(project_copy)

    assert result.returncode != 0
    line = line_of(bibliography, "javascript:alert(1)")
    assert f'bib/paper.bib:{line}: the link href="javascript:alert(1)" on <a> is not allowed' in result.output, (
        result.output
    )


def test_a_clean_page_passes_and_what_is_refused_is_taken_out():
    clean = '<p id="social-2" data-paragraph="2"><a class="glossary-term" href="../glossary/#iran">Iran</a></p>'
    assert check_content(clean, "social-impacts/", {"docs/social-impacts.md": ""}).problems == []
    bad = clean + '<a class="reading-marker" data-changes="https://elsewhere.example/changes.json" href="#x">m</a>'
    verdict = check_content(bad, "social-impacts/", {"docs/social-impacts.md": ""})
    assert verdict.problems and "elsewhere.example" not in verdict.content
    assert (
        'data-changes="https://elsewhere.example/changes.json" on <a> loads a file from elsewhere'
        in verdict.problems[0]
    )


def test_what_a_marker_opens_is_judged_like_a_page():
    from qarabagh_edition.rules.built_pages import check_changes

    clean = '{"social-2": {"published": "<del>old</del> <ins>new</ins>", "number": "2"}}'
    assert check_changes(clean, "as-published/changes/social-impacts.json", {}).problems == []
    bad = '{"social-2": {"published": "<img src=x onerror=alert(1)>old", "number": "2"}}'
    verdict = check_changes(
        bad,
        "as-published/changes/social-impacts.json",
        {"published/social-impacts.yml": "  social-2: <img src=x onerror=alert(1)>old"},
    )
    assert verdict.problems == [
        'published/social-impacts.yml:1: the event attribute onerror="alert(1)" on <img> is not '
        "allowed: it would run code in readers' browsers (remove it) "
        "[in as-published/changes/social-impacts.json, social-2]"
    ]
    assert "onerror" not in verdict.content


# -- Front matter, other files, a committed cache -------------------------------------------

EXTENSIONS = ["attr_list", "md_in_html"]
MD = page_markdown(EXTENSIONS, {})  # one for every test: reset between pages


def test_front_matter_is_plain_text():
    page = '---\ntitle: \'Glossary <img src="x.png" onerror="alert(1)">\'\ndescription: \'"><script>alert(1)</script>\'\n---\n\n# Glossary\n'
    problems = check_page(page, "docs/glossary.md", MD)
    assert any(p.startswith("docs/glossary.md:2: the front matter value of 'title' contains '<'") for p in problems), (
        problems
    )
    assert any(
        p.startswith("docs/glossary.md:3: the front matter value of 'description' contains") for p in problems
    ), problems


def test_a_block_between_dashes_that_is_not_front_matter_is_judged_as_the_page():
    # MkDocs takes only a YAML mapping for front matter; anything else is the page's Markdown.
    page = "---\n<script>alert(1)</script>\n---\n\nText.\n"
    problems = check_page(page, "docs/conclusion.md", MD)
    assert any(p.startswith("docs/conclusion.md:2: the element <script> is not allowed") for p in problems), problems


def test_only_pages_and_images_belong_in_docs(tmp_path):
    docs = tmp_path / "docs"
    (docs / "assets" / "javascripts").mkdir(parents=True)
    (docs / "index.md").write_text("# Home\n")
    (docs / "map.png").write_bytes(b"\x89PNG")
    (docs / "evil.html").write_text("<script>alert(1)</script>")
    (docs / "evil.svg").write_text("<svg><script>alert(1)</script></svg>")
    (docs / "assets" / "javascripts" / "edition.js").write_text("alert(1)")
    problems = other_files(tmp_path, "docs")
    assert [p.split(":")[0] for p in problems] == [
        "docs/assets/javascripts/edition.js",
        "docs/evil.html",
        "docs/evil.svg",
    ]
    assert "would replace the edition's own" in problems[0] and "published as it is, unchecked" in problems[1]


def test_a_committed_cache_is_refused(project_copy, build_copy):
    subprocess.run(["git", "init", "-q"], cwd=project_copy, check=True)
    kept = project_copy / ".cache" / "html-allowlist" / "0"
    kept.parent.mkdir(parents=True)
    kept.write_text("[]")
    subprocess.run(["git", "add", "-f", ".cache/html-allowlist"], cwd=project_copy, check=True)
    assert committed_cache_files(project_copy) == [
        ".cache/html-allowlist/0:1: a file of .cache/ is committed: the build would trust what it says about the "
        "pages (remove it from the repository: git rm -r --cached .cache)"
    ]
    result = build_copy(project_copy)
    assert result.returncode != 0 and ".cache/html-allowlist/0:1: a file of .cache/ is committed" in result.output


# The quick answer for a clean page (allowlist_judgement._nothing_removed) must never vouch for
# one of these: each is refused as a page's content, in whatever spelling.
TRICKS = {
    "script URL as character references": '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">x</a>',
    "script URL split by an encoded line break": '<a href="java&#x0A;script:x">x</a>',
    "script URL in mixed case with &colon;": '<a href="JaVaScRiPt&colon;alert(1)">x</a>',
    "a data: URL": '<a href="data:text/html,x">x</a>',
    "a foreign image with encoded slashes": '<img src="https:&#x2F;&#x2F;elsewhere.example/a.png">',
    "an image inside noscript": "<noscript><img src=x onerror=alert(1)></noscript>",
    "an image inside a template": "<template><img src=x onerror=alert(1)></template>",
    "a script inside SVG": "<svg><script>alert(1)</script></svg>",
    "an event attribute on an allowed element": "<details open ontoggle=alert(1)><summary>x</summary></details>",
    "a style with a script URL": '<div style="background:url(javascript:alert(1))">x</div>',
    # Browsers move a second <body> or <html> tag's attributes onto the page's own.
    "a second body tag with an event attribute": '<body onload="alert(1)">',
    "a second html tag with an event attribute": '<html onmouseover="alert(1)">',
    # Left open at the end, markup takes in what the template puts after it.
    "a tag left open at the end": "<img src=x onerror=alert(1) ",
    "a quoted value left open at the end": "<img src=x.png alt='",
    "a comment left open at the end": "<!--",
}


@pytest.mark.parametrize("markup", TRICKS.values(), ids=TRICKS.keys())
def test_no_spelling_of_unsafe_markup_passes_as_a_clean_page(markup):
    page = '<p id="social-2" data-paragraph="2">Text <a class="glossary-term" href="../glossary/#iran">Iran</a></p>'
    assert check_content(page + markup, "social-impacts/", {"docs/social-impacts.md": ""}).problems


# -- Markup that spans a heading, or is left open ---------------------------------------------

SECTIONS = [
    '<h2 id="one">One</h2>\n<p id="social-1" data-paragraph="1">First <a href="#two">on</a>.</p>\n',
    '<h2 id="two">Two</h2>\n<p id="social-2" data-paragraph="2">Second.</p>\n',
    '<h3 id="three">Three</h3>\n<ul>\n<li>Third</li>\n</ul>\n',
]


SPANS = {  # refused only as a whole: each half is nothing, or open markup, on its own
    "an event attribute in a tag that goes on past a heading": ("<img alt='", "' onerror=alert(1)>"),
    "a script inside a comment's end": ("<!--", "--><script>alert(1)</script>"),
    # The mark a fragment is judged with, written in the page, must not vouch for open markup.
    "a forged end mark before a value left open": (
        '<p id="end-of-fragment-mark"></p><img src="a.png" alt=\'',
        "' src=https://elsewhere.example/t.png onerror=alert(1)>",
    ),
    "a forged end mark before a comment left open": (
        '<p id="end-of-fragment-mark"></p><!--',
        "--><img src=x onerror=alert(1)>",
    ),
}


# Pages whose every section passed on its own before the mark could no longer be forged
# (found by a review): the cut before a heading falls inside a value or a comment.
CUT_INSIDE = [
    '<p id="end-of-fragment-mark"></p><img src="a.png" alt=\'<h2>x\' src=https://elsewhere.example/t.png '
    "onerror=alert(1)>",
    '<p id="end-of-fragment-mark"></p><!--<h2 title="--><img src=x onerror=alert(1)>">T</h2>',
    '<p id="end-of-fragment-mark"></p><!--<h2 title="--><script>alert(1)</script>">T</h2>',
]


@pytest.mark.parametrize("page", CUT_INSIDE)
def test_a_page_cut_inside_a_value_or_a_comment_is_judged_whole(page):
    verdict = check_content(SECTIONS[0] + page + SECTIONS[1], "social-impacts/", {"docs/social-impacts.md": ""})
    assert verdict.problems and "alert(1)" not in verdict.content


def test_a_mark_written_in_the_page_does_not_vouch_for_markup_left_open():
    for open_at_end in ("<!--", "<img src=x.png alt='", "<a href='#x' title=\"x"):
        page = '<p id="end-of-fragment-mark"></p><p id="end-of-fragment-0123456789abcdef"></p>' + open_at_end
        assert check_content(page, "social-impacts/", {"docs/social-impacts.md": ""}).problems, open_at_end


@pytest.mark.parametrize("markup", [*TRICKS.values(), *SPANS.values()], ids=[*TRICKS, *SPANS])
def test_markup_refused_on_a_page_is_refused_in_any_of_its_sections(markup):
    """What is refused is refused wherever it stands: at a section's start, at its end
    before the next heading, or across a heading."""
    clean = "".join(SECTIONS)
    assert check_content(clean, "social-impacts/", {}).problems == []
    first, second = markup if isinstance(markup, tuple) else (markup, "")
    for page in (
        SECTIONS[0] + first + second + SECTIONS[1] + SECTIONS[2],
        SECTIONS[0] + SECTIONS[1].replace("<p", first + second + "<p", 1) + SECTIONS[2],
        SECTIONS[0] + first + SECTIONS[1] + second + SECTIONS[2],
    ):
        verdict = check_content(page, "social-impacts/", {"docs/social-impacts.md": ""})
        assert verdict.problems, page
        assert verdict.content != page
