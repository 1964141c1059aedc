"""Nothing unsafe gets into a page: what a contributor's Markdown renders to is checked
against an allowlist by nh3, and anything outside it stops `scripts/lint` and the build
with `file:line: what is not allowed (how to fix)`.

One bad fixture per kind of problem, each added to a real page; the line named must be
the line where the offending thing is written."""

import pytest
from conftest import ROOT
from helpers import line_of
from test_lint import lint

from qarabagh_edition import site_config
from qarabagh_edition.rules.html_allowlist import check_page, check_pages, page_markdown

MD = page_markdown(*site_config.markdown_extensions(ROOT))  # one for every test: reset between pages
PAGE = ROOT / "docs" / "conclusion.md"

# (snippet appended to docs/conclusion.md, the text of the line it must be reported on,
#  words the message must contain)
BAD = {
    # Event attributes, in any form
    "attr_list on the ID line": (
        'A sentence.\n{: #conclusion-99 onclick="alert(1)" }',
        "onclick",
        'event attribute onclick="alert(1)" on <p>',
    ),
    "second line of a tag": (
        '<p class="editorial"\n   onmouseover="alert(1)">x</p>',
        "onmouseover",
        "event attribute onmouseover",
    ),
    "upper case, on an image": ('<IMG SRC="x.png" ONERROR="alert(1)">', "ONERROR", "event attribute onerror"),
    "in an attr_list of a link": (
        '[x](other.md){: onfocus="alert(1)" autofocus }',
        "onfocus",
        "event attribute onfocus",
    ),
    # Script-bearing elements and URLs, in any encoding
    "script element": ("<script>alert(1)</script>", "<script>", "element <script>"),
    "script inside svg": ("<svg><script>alert(1)</script></svg>", "<svg>", "element <svg>"),
    "javascript: link": ("[click](javascript:alert(1))", "javascript:", 'link href="javascript:alert(1)"'),
    "javascript: with character references": (
        '<a href="&#106;ava&#x73;cript:alert(1)">x</a>',
        "&#106;",
        'link href="javascript:alert(1)"',
    ),
    "javascript: split by a tab": ('<a href="java&#9;script:alert(1)">x</a>', "java&#9;", "link href="),
    "javascript: in capitals": ("[click](JAVASCRIPT:alert(1))", "JAVASCRIPT", 'link href="JAVASCRIPT:alert(1)"'),
    "data: URL": ("[x](data:text/html;base64,PHNjcmlwdD4=)", "data:text", 'link href="data:text/html'),
    "vbscript: URL": ('<a href="vbscript:msgbox(1)">x</a>', "vbscript", 'link href="vbscript:'),
    # Elements that change where links go or where forms post
    "base element": ('<base href="https://elsewhere.example/">', "<base", "element <base>"),
    "form": ('<form action="https://elsewhere.example/collect">', "<form", "element <form>"),
    "button with formaction": (
        '<button formaction="https://elsewhere.example/">Go</button>',
        "<button",
        "element <button>",
    ),
    "link target": ('[x](https://example.org/){: target="_blank" }', "target", 'attribute target="_blank"'),
    "link ping": (
        '<a href="https://example.org/" ping="https://tracker.example/">x</a>',
        "ping",
        'attribute ping="https://tracker.example/"',
    ),
    # Redirects
    "meta refresh": (
        '<meta http-equiv="refresh" content="0; url=https://elsewhere.example/">',
        "<meta",
        "element <meta>",
    ),
    # Embedded foreign resources
    "image from another host": (
        "![map](https://elsewhere.example/map.png)",
        "![map]",
        'src="https://elsewhere.example/map.png" on <img> loads a file from elsewhere',
    ),
    "protocol-relative image": ('<img src="//elsewhere.example/x.png" alt="">', "<img", "loads a file from elsewhere"),
    "image srcset": (
        '<img src="local.png" srcset="https://elsewhere.example/x.png 2x" alt="">',
        "srcset",
        "attribute srcset=",
    ),
    "iframe": ('<iframe src="https://elsewhere.example/"></iframe>', "<iframe", "element <iframe>"),
    "object": ('<object data="https://elsewhere.example/x.swf"></object>', "<object", "element <object>"),
    "video": ('<video src="https://elsewhere.example/x.mp4"></video>', "<video", "element <video>"),
    "stylesheet link": ('<link rel="stylesheet" href="https://elsewhere.example/x.css">', "<link", "element <link>"),
    # Styles
    "style element": ("<style>@import url(https://elsewhere.example/x.css);</style>", "<style>", "element <style>"),
    "style attribute": (
        'A sentence.\n{: #conclusion-98 style="background:url(https://elsewhere.example/x)" }',
        "style=",
        "style style=",
    ),
    "class of the site's chrome": (
        "A sentence.\n{: #conclusion-97 .md-header }",
        ".md-header",
        "class 'md-header' on <p> is not one of the edition's classes",
    ),
}


@pytest.mark.parametrize("snippet, where, what", BAD.values(), ids=BAD.keys())
def test_each_kind_of_unsafe_markup_is_refused_at_its_line(snippet, where, what):
    source = PAPER_TEXT + "\n" + snippet + "\n"
    problems = check_page(source, "docs/conclusion.md", MD)
    line = next(n for n, text in enumerate(source.split("\n"), 1) if n > PAPER_LINES and where in text)
    assert any(p.startswith(f"docs/conclusion.md:{line}: ") and what in p for p in problems), problems
    assert all("(" in p and p.endswith(")") for p in problems), "every message says how to fix it"


PAPER_TEXT = PAGE.read_text(encoding="utf-8")
PAPER_LINES = len(PAPER_TEXT.split("\n"))


ALLOWED = {
    "links to other sites, mail, pages and anchors": "See [a](https://example.org/x?y=1#z), [b](http://example.org/), "
    "[c](mailto:editors@example.org), [d](glossary.md#elchibey), [e](#conclusion-1).",
    "an image of the site": "![A map](assets/images/favicon.svg)",
    "aligned table": "| Year | Event |\n|:-----|------:|\n| 1994 | Ceasefire |",
    "footnote": "A claim.[^1]\n\n[^1]: Its source.",
    "admonition and details": '!!! note "Editors"\n    A note.\n\n??? warning "More"\n    Hidden.',
    "emphasis, code, quotation": "*a* **b** `c`\n\n> Quoted.\n{: #conclusion-96 }",
    "editorial heading": "## A heading { #conclusion-heading .editorial }",
    "contributor's note": "<!-- correction: why -->\nText.\n{: #conclusion-95 }",
    "deletions and insertions": "<del>old</del> <ins>new</ins>",
}


@pytest.mark.parametrize("snippet", ALLOWED.values(), ids=ALLOWED.keys())
def test_ordinary_markdown_passes(snippet):
    assert check_page(PAPER_TEXT + "\n" + snippet + "\n", "docs/conclusion.md", MD) == []


def test_todays_pages_pass_unchanged():
    assert check_pages(ROOT, "docs", MD) == []


def test_lint_reports_the_problem_with_its_line(project_copy):
    page = project_copy / "docs" / "political-implications.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(
        text.replace("{: #political-3 }", "{: #political-3 onclick=\"location='https://elsewhere.example'\" }"),
        encoding="utf-8",
    )
    code, output = lint(project_copy)
    line = line_of(page, "{: #political-3 ")
    assert code == 1
    assert f"docs/political-implications.md:{line}: the event attribute onclick=" in output, output


def test_the_build_stops_on_it(project_copy, build_copy):
    page = project_copy / "docs" / "introduction.md"
    page.write_text(
        page.read_text(encoding="utf-8") + "\n![A map](https://elsewhere.example/map.png)\n", encoding="utf-8"
    )
    result = build_copy(project_copy)
    assert result.returncode != 0
    line = line_of(page, "![A map]")
    assert (
        f'docs/introduction.md:{line}: src="https://elsewhere.example/map.png" on <img> loads a file from elsewhere'
    ) in result.output, result.output
