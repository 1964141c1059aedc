"""No text becomes markup, no content takes the site's own names, and the rules see the
page as readers do (issue 23): hostile contributions planted in throw-away copies of the
project, refused with `file:line` by the strict build and `scripts/lint`; and, with the
rules taken out of a copy, the templates and scripts still print text as text.
"""

from __future__ import annotations

import re
import subprocess
import sys

import markdown
import pytest
import tinyhtml5
from bs4 import BeautifulSoup
from conftest import PROJECT_PARTS, ROOT, _serve, run_build

from qarabagh_edition import front_matter
from qarabagh_edition.reading_page import parse_page
from qarabagh_edition.rules import front_matter_keys, reserved
from qarabagh_edition.rules.html_allowlist import check_page, page_markdown

EXTENSIONS = ["attr_list", "md_in_html", "admonition", "footnotes", "tables", "toc", "pymdownx.details"]
MD = page_markdown(EXTENSIONS, {})  # one for every test: reset between pages
LINT = [sys.executable, str(ROOT / "scripts" / "lint_content.py")]


def lint(project) -> str:
    result = subprocess.run(LINT + ["--root", str(project)], capture_output=True, text=True)
    return result.stdout + result.stderr


def editorial(body: str) -> str:
    return "---\neditorial: true\ntitle: Notes\n---\n\n" + body


# -- Front matter: read as MkDocs reads it, keys an allowlist -----------------------------


@pytest.mark.parametrize(
    "source",
    [
        "---\ntitle: A\n---\n\n# Text\n",
        " ---\ntemplate: x.html\n---\n# Text\n",  # not in the first column: the page's text
        "---\n- a list\n---\n\nText\n",  # not a mapping: the page's text
        "---\ntitle: [unclosed\n---\nText\n",  # not YAML: the page's text
        "template: hooks/downloads.py\nrecord: true\n\n# Text\n",  # MultiMarkdown's form
        "Title: x\n    more\nText\n",
        "---\n---\nText\n",
        "# Heading\ntitle: no\n",
    ],
)
def test_front_matter_is_read_as_mkdocs_reads_it(source):
    from mkdocs.utils.meta import get_data

    text, data = get_data(source)
    found = front_matter.read(source)
    assert found.data == data
    assert "\n".join(source.split("\n")[found.lines :]).lstrip("\n") == text


@pytest.mark.parametrize(
    "page, front, words",
    [
        ("docs/pack.md", "template: hooks/downloads.py", "'template' is set by the edition itself"),
        ("docs/pack.md", "record: true", "'record' is set by the edition itself"),
        ("docs/pack.md", "search:\n  exclude: true", "'search' is set by the edition itself"),
        ("docs/pack.md", "hide:\n  - navigation", "'hide' is set by the edition itself"),
        ("docs/pack.md", "icon: material/x", "'icon' is not one a page may set"),
        ("docs/pack.md", "editorial: maybe", "'editorial' may only be true"),
        ("docs/pack.md", "title: 3", "'title' must be a line of text"),
        ("docs/index.md", "template: main.html", "must stay 'paper-home.html'"),
    ],
)
def test_front_matter_keys_and_values_are_an_allowlist(page, front, words):
    source = f"---\neditorial: true\n{front}\n---\n\n# Pack {{ #pack }}\n"
    if page == "docs/index.md":
        source = f"---\ntitle: Home\n{front}\n---\n\nText.\n"
    problems = front_matter_keys.problems(source, page)
    assert any(p.startswith(f"{page}:3: ") and words in p for p in problems), problems


def test_multimarkdown_front_matter_is_front_matter_too():
    problems = front_matter_keys.problems("template: hooks/downloads.py\n\n# Text\n", "docs/x.md")
    assert problems == [
        "docs/x.md:1: the front matter key 'template' is set by the edition itself (remove it; a "
        "page's front matter may give only title, description, editorial: true)"
    ]


def test_the_editions_own_settings_stay_its_own():
    assert front_matter_keys.problems("---\ntitle: Home\n---\nText\n", "docs/index.md") == [
        "docs/index.md:1: this page's front matter must say 'template: paper-home.html' (put it back)"
    ]
    for path in sorted((ROOT / "docs").rglob("*.md")):
        shown = path.relative_to(ROOT).as_posix()
        assert front_matter_keys.problems(path.read_text(encoding="utf-8"), shown) == []


# -- Titles are plain text -----------------------------------------------------------------

HOSTILE_TEXT = [
    "&lt;/title&gt;&lt;img src=x onerror=alert(1)&gt;",
    "&lt img",
    "&LT;b&GT;",
    "&#60;b",
    "&#x3C;b",
    "&#X3c",
    "&#0000060;b",
    "say &quot;hi",
    "say &QUOT hi",
    "&amp;lt;b&amp;gt;",
    "a &gt b",
    'say "hi"',
]


@pytest.mark.parametrize("text", HOSTILE_TEXT)
def test_a_heading_with_markup_characters_is_refused(text):
    source = editorial(f"# Notes {{ #notes }}\n\nText.\n\n## {text} {{ #second }}\n\nMore.\n")
    problems = check_page(source, "docs/notes.md", MD)
    assert any(p.startswith("docs/notes.md:10: the heading ") and "plain text" in p for p in problems), problems


@pytest.mark.parametrize("text", HOSTILE_TEXT)
def test_a_front_matter_title_with_markup_characters_is_refused(text):
    source = f"---\neditorial: true\ntitle: '{text}'\n---\n\n# Notes {{ #notes }}\n"
    problems = check_page(source, "docs/notes.md", MD)
    assert any(p.startswith("docs/notes.md:3: the front matter value of 'title'") for p in problems), problems


def test_plain_titles_pass():
    source = editorial("# Notes on “Qarabagh” & Karabakh: 1988–1994 ‹draft› { #notes }\n\nText &amp; more.\n")
    assert check_page(source, "docs/notes.md", MD) == []


# -- Reserved IDs and classes ----------------------------------------------------------------


@pytest.mark.parametrize(
    "page, body, line, name",
    [
        ("docs/pack.md", '<div id="pack-data">{}</div>\n', 8, "ID 'pack-data'"),
        ("docs/notes.md", "Text.\n{: #edition-tooltip }\n", 9, "ID 'edition-tooltip'"),
        ("docs/notes.md", '<span id="copy-status">Copied</span>\n', 8, "ID 'copy-status'"),
        ("docs/notes.md", "Text.\n{: #cite-paper-apa }\n", 9, "ID 'cite-paper-apa'"),
        ("docs/notes.md", "## Pack data\n\nText.\n", 8, "ID 'pack-data'"),  # the ID toc makes of a heading
        ("docs/notes.md", "Hidden where scripts run.\n{: .needs-javascript }\n", 9, "class 'needs-javascript'"),
        (
            "docs/pack.md",
            '<div id="pack-root" class="pack-root"></div>\n\n<div id="pack-root"></div>\n',
            10,
            "ID 'pack-root'",
        ),
    ],
)
def test_content_may_not_use_the_editions_names(page, body, line, name):
    source = editorial(f"# Notes {{ #notes }}\n\n{body}")
    problems = check_page(source, page, MD)
    assert any(p.startswith(f"{page}:{line}: the {name} is the edition's own") for p in problems), problems


def test_every_id_the_templates_and_scripts_look_up_is_reserved():
    written = []
    for path in list((ROOT / "overrides").rglob("*.html")) + list(
        (ROOT / "overrides" / "assets" / "javascripts").glob("*.js")
    ):
        text = path.read_text(encoding="utf-8")
        written += re.findall(r'getElementById\("([\w-]+)"', text) + re.findall(r'\bid="([\w-]+)"', text)
        written += re.findall(r'querySelector(?:All)?\(["\'][^"\']*#([\w-]+)', text)
        written += re.findall(r'\.id = "([\w-]+)"', text)
        written += [p + "x" for p in re.findall(r'getElementById\("([\w-]+-)" \+', text)]
        written += re.findall(r"window\.(edition\w*)", text)  # an ID is also a name on window
    assert len(written) > 10
    assert [name for name in written if not reserved.is_reserved(name)] == []


# -- One parser's view: comments -------------------------------------------------------------

PAGE = "# Introduction { #introduction }\n\n"
FORMS = [
    "<!-- a note --!>\nShown to readers.\n-->",
    "<!-->\nShown to readers.",
    "<!--->\nShown to readers.",
    "<!-- a <!-- nested -->\nShown to readers.\n{: #introduction-1 }",
    "<!-- a -- b -->\nShown.\n{: #introduction-1 }",
    "    <!-- indented: a code block -->",
    "   <!-- indented -->\nShown.\n{: #introduction-1 }",
    "Text <!-- in a line --> more\n{: #introduction-1 }",
    "<!-- never closed\n\nShown to readers?\n",
    "<![CDATA[ hidden ]]>\n\nShown.\n{: #introduction-1 }",
    "<?php hidden ?>\n\nShown.\n{: #introduction-1 }",
    "<!DOCTYPE html>\n\nShown.\n{: #introduction-1 }",
    "<div>\n<!-- a --!> hidden from the rules\n</div>",
    "> <!-- in a quotation --!> shown\n{: #introduction-1 }",
]


@pytest.mark.parametrize("form", FORMS)
def test_every_form_where_html_reads_a_comment_otherwise_is_refused(form):
    _, problems = parse_page(PAGE + form + "\n", "docs/introduction.md")
    # Reported where the form stands (its first line, or the comment inside it).
    assert any(p.startswith(("docs/introduction.md:3: ", "docs/introduction.md:4: ")) for p in problems), problems


def shown_words(source: str) -> set[str]:
    html = markdown.Markdown(extensions=["attr_list", "md_in_html", "footnotes", "tables"]).convert(source)
    body = tinyhtml5.parse(f"<!doctype html><html><head></head><body>{html}</body></html>")
    text = [
        piece
        for element in body.iter()  # a comment's own text is not shown; what follows it is
        for piece in ((element.text if isinstance(element.tag, str) else None), element.tail)
        if piece
    ]
    return set(re.findall(r"\w+", " ".join(text)))


@pytest.mark.parametrize("form", FORMS + ["<!-- reviewed: yes -->\nShown.\n{: #introduction-1 }"])
def test_text_shown_to_readers_is_text_the_rules_saw(form):
    """Either the rules refuse the page, or every word a reader sees is in a block they read."""
    source = PAGE + form + "\n"
    blocks, problems = parse_page(source, "docs/introduction.md")
    seen = set(re.findall(r"\w+", " ".join(b.text for b in blocks)))
    assert problems or shown_words(source) <= seen


# -- The strict build and lint, on a copy ----------------------------------------------------


PACK_ROOT_LINE = (ROOT / "docs" / "pack.md").read_text(encoding="utf-8").split("\n").index(
    '<div id="pack-root" class="pack-root">'
) + 1


def test_hostile_pages_stop_the_build_and_lint_with_file_and_line(project_copy, build_copy):
    notes = project_copy / "docs" / "notes.md"
    notes.write_text(
        editorial(
            "# Notes { #notes }\n\nText.\n\n## &lt;/title&gt;&lt;img src=x onerror=alert(1)&gt; "
            "{ #hostile }\n\nMore.\n{: #edition-tooltip }\n"
        )
    )
    pack = project_copy / "docs" / "pack.md"
    pack.write_text(
        pack.read_text()
        .replace("---\n\n# Syllabus", "template: hooks/downloads.py\n---\n\n# Syllabus")
        .replace('<div id="pack-root"', '<div id="pack-data">{}</div>\n\n<div id="pack-root"')
    )
    expected = [
        "docs/notes.md:10: the heading '</title><img src=x onerror=alert(1)>' contains '<'",
        "docs/notes.md:13: the ID 'edition-tooltip' is the edition's own",
        "docs/pack.md:5: the front matter key 'template' is set by the edition itself",
        # The hostile <div> lands on the root's line, one front matter line further down.
        f"docs/pack.md:{PACK_ROOT_LINE + 1}: the ID 'pack-data' is the edition's own",
    ]
    result = build_copy(project_copy)
    assert result.returncode != 0 and "Traceback" not in result.output
    for message in expected:
        assert message in result.output, result.output
    output = lint(project_copy)
    for message in expected:
        assert message in output, output


def test_a_comment_ended_by_html_elsewhere_stops_the_build_and_lint(project_copy, build_copy):
    page = project_copy / "docs" / "conclusion.md"
    text = page.read_text()
    page.write_text(text.replace("<!-- reviewed: yes -->", "<!-- reviewed: yes --!>\nAn unrecorded sentence.\n-->", 1))
    line = text.split("\n").index("<!-- reviewed: yes -->") + 1
    expected = f"docs/conclusion.md:{line}: this comment is not of the one form the edition reads"
    result = build_copy(project_copy)
    assert result.returncode != 0 and "Traceback" not in result.output
    assert expected in result.output, result.output
    assert expected in lint(project_copy)


def test_a_data_title_with_a_character_reference_stops_the_build_and_lint(project_copy, build_copy):
    timeline = project_copy / "data" / "timeline.yml"
    text = timeline.read_text()
    timeline.write_text(
        text.replace("title: Azerbaijan Democratic Republic", "title: Azerbaijan &lt;img src=x onerror=alert(1)&gt;", 1)
    )
    line = text.split("\n").index("  - id: azerbaijan-democratic-republic") + 1
    expected = f"data/timeline.yml:{line}: the title of 'azerbaijan-democratic-republic' contains '<'"
    result = build_copy(project_copy)
    assert result.returncode != 0 and "Traceback" not in result.output
    assert expected in result.output, result.output
    assert expected in lint(project_copy)


# -- Without the rules: templates and scripts still print text as text -----------------------

PWNED = "window.__pwned=(window.__pwned||[]).concat"


@pytest.fixture(scope="module")
def unguarded_site(tmp_path_factory):
    """A copy with hostile text where the rules would refuse it, and the page rules taken
    out of its mkdocs.yml: what the templates and scripts do with it on their own."""
    import shutil

    copy = tmp_path_factory.mktemp("unguarded") / "project"
    copy.mkdir()
    for part in PROJECT_PARTS:
        source = ROOT / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, copy / part)
    (copy / "node_modules").symlink_to(ROOT / "node_modules")
    # The page rules taken out of the copy's build module (the names it calls them by).
    build = copy / "overrides" / "hooks" / "edition.py"
    build.write_text(
        build.read_text() + "\n\n# (rules taken out)\ncheck_pages = lambda *args: []\n"
        "check_files = lambda *args: []\n"
        "check_content = lambda html, *args: type('Verdict', (), {'content': html, 'problems': []})\n"
    )
    (copy / "docs" / "hostile.md").write_text(
        "---\neditorial: true\n---\n\n"
        f"# &lt;/title&gt;&lt;img src=x onerror={PWNED}(1)&gt; {{ #hostile }}\n\n"
        f'[A link]({"#hostile"} "<img src=x onerror={PWNED}(2)>") and '
        f'[another](#hostile "&lt;img src=x onerror={PWNED}(3)&gt;").\n'
    )
    (copy / "docs" / 'say" onmouseover="alert(6).md').write_text("---\neditorial: true\n---\n\n# Say { #say }\n")
    pack = copy / "docs" / "pack.md"
    fake = (
        '{"paper": {"chicago": "&lt;img src=x onerror=' + PWNED + '(4)&gt;", "edition": "x"}, '
        '"sections": [], "paragraphs": []}'
    )
    pack.write_text(
        pack.read_text().replace('<div id="pack-root"', f'<div id="pack-data">{fake}</div>\n\n<div id="pack-root"')
    )
    bib = copy / "bib" / "paper.bib"
    bib.write_text(
        bib.read_text().replace(
            "  pages     = {16--32},", "  pages     = {16--32},\n  doi       = {10.1/<img src=x onerror=alert(5)>},", 1
        )
    )
    site = copy.parent / "site"
    result = run_build(copy, site, env={"EDITION_SKIP_DOWNLOADS": "1", "REPO_URL": "https://example.org/o/r"})
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def test_a_heading_full_of_references_stays_text_in_the_title(unguarded_site):
    head = BeautifulSoup((unguarded_site / "hostile" / "index.html").read_text(), "html.parser").head
    assert head.title.get_text().startswith("</title><img src=x onerror=")
    assert head.find("img") is None


def test_a_doi_holding_markup_stays_text_in_the_cite_box(unguarded_site):
    box = BeautifulSoup((unguarded_site / "introduction" / "index.html").read_text(), "html.parser").select_one(
        "#cite-edition-apa"
    )
    assert "<img src=x onerror=alert(5)>" in box.get_text()
    assert box.find("img") is None


def test_the_edit_link_is_escaped(unguarded_site):
    link = BeautifulSoup((unguarded_site / "hostile" / "index.html").read_text(), "html.parser").select_one(
        "a.md-content__button[rel=edit]"
    )
    assert link["href"] == "https://example.org/o/r/edit/main/docs/hostile.md"
    assert link["data-tooltip"] == "Edit this page" and not link.get("title")
    quoted = BeautifulSoup(next(unguarded_site.glob("say*/index.html")).read_text(), "html.parser").select_one(
        "a.md-content__button[rel=edit]"
    )
    assert quoted["href"] == 'https://example.org/o/r/edit/main/docs/say" onmouseover="alert(6).md'
    assert "onmouseover" not in quoted.attrs


@pytest.fixture(scope="module")
def unguarded_server(unguarded_site):
    yield from _serve(unguarded_site)


def test_link_titles_make_no_element_on_hover_or_focus(page, unguarded_server):
    page.goto(unguarded_server + "hostile/")
    page.wait_for_load_state("load")
    before = page.evaluate("document.querySelectorAll('img').length")
    links = page.locator("article p a[href$='#hostile']")
    assert links.count() == 2
    for link in links.all():
        link.hover()
        page.wait_for_timeout(400)
        link.focus()
        page.wait_for_timeout(400)
    assert page.evaluate("window.__pwned || null") is None
    assert page.evaluate("document.querySelectorAll('img').length") == before


def test_a_pack_data_element_in_the_content_runs_nothing(page, unguarded_server):
    page.goto(unguarded_server + "pack/")
    page.wait_for_selector("#pack-root[data-pack-ready]")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned || null") is None
    # The pack comes from the build's own data (the planted one has no sections).
    assert "Introduction" in page.locator("#pack-root").inner_text()


def test_data_names_and_ids_are_plain_and_not_the_editions():
    from types import SimpleNamespace as Entry

    from qarabagh_edition.rules import plain_text

    actors = {"pack-data": Entry(id="pack-data", name="Iran &#60;b&#62;", line=7)}
    events = [Entry(id="edition-readings", title="A &quot;quoted&quot; title", line=9)]
    assert [
        p.split(" (")[0] for p in plain_text.data_problems(actors, events, "data/glossary.yml", "data/timeline.yml")
    ] == [
        "data/glossary.yml:7: the name of 'pack-data' contains '<'",
        "data/timeline.yml:9: the title of 'edition-readings' contains '\"'",
    ]
    assert [
        p.split(":")[:2] for p in reserved.data_problems(actors, events, "data/glossary.yml", "data/timeline.yml")
    ] == [["data/glossary.yml", "7"], ["data/timeline.yml", "9"]]
