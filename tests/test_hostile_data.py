"""Hostile pull requests that touch only data/ or published/ (issue 23, markup half): the
Markdown a contributor writes in a glossary entry, a timeline event or (through
scripts/freeze) the as-published layer is pasted into a generated page, whose content the
build judges by the wider allowlist of the edition's own markup. So that Markdown is judged
alone, as a page of docs/ is: without this, a description or a published paragraph could
give a fake reading marker (`a.corrected-marker`, which readings.js opens into a panel of
another paragraph's changes), a heading full of character references, or one of the IDs
the site's scripts look up.
"""

from __future__ import annotations

import subprocess
import sys

import markdown
import pytest
import tinyhtml5
from conftest import ROOT

LINT = [sys.executable, str(ROOT / "scripts" / "lint_content.py")]

MARKER = (
    '<span class="reading-marker"><a class="corrected-marker" href="x" '
    'data-changes="../as-published/changes/social-impacts.json" data-for="social-1">¶</a></span>'
)


def lint(project) -> str:
    result = subprocess.run(LINT + ["--root", str(project)], capture_output=True, text=True)
    return result.stdout + result.stderr


@pytest.mark.parametrize(
    "field, hostile, words",
    [
        ("description", MARKER, "class 'corrected-marker' on <a> is not one of the edition's classes"),
        ("description", 'Named. <span id="cite-this">spoof</span>', "the ID 'cite-this' is the edition's own"),
        ("description", "*Named*{: #pack-link } here.", "the ID 'pack-link' is the edition's own"),
        ("description", "*Named*{: .needs-javascript } here.", "the class 'needs-javascript' is the edition's own"),
        ("description", "## Inner &lt;img src=x onerror=alert(1)&gt;", "contains '<'"),
        ("description", "Named. <script>alert(1)</script>", "the element <script> is not allowed"),
        ("native", '<aside class="editorial-note" role="note">Not the editors</aside>', "<aside> is not allowed"),
        ("name", "`Abazi`{: #pack-link .needs-javascript }", "the ID 'pack-link' is the edition's own"),
        ("name", "*Abazi*{: .needs-javascript }", "the class 'needs-javascript' is the edition's own"),
    ],
)
def test_hostile_markup_in_a_glossary_entry_is_refused_by_lint(project_copy, field, hostile, words):
    glossary = project_copy / "data" / "glossary.yml"
    text = glossary.read_text()
    entry = "- id: abazi\n  name: Abazi\n"
    assert entry in text
    if field == "native":
        glossary.write_text(text.replace(entry, f"{entry}  native: '{hostile}'\n", 1))
    elif field == "name":
        glossary.write_text(text.replace(entry, f"- id: abazi\n  name: '{hostile}'\n", 1))
    else:  # the whole description, so that an attr_list line is the description's last
        start = text.index("description:", text.index(entry))
        end = text.index("\n\n", start)
        glossary.write_text(text[:start] + f"description: '{hostile}'" + text[end:])
    line = text.split("\n").index("- id: abazi") + 1
    output = lint(project_copy)
    assert any(row.startswith(f"data/glossary.yml:{line}: ") and words in row for row in output.split("\n")), output


def test_a_fake_reading_marker_in_the_timeline_stops_the_build_and_lint(project_copy, build_copy):
    timeline = project_copy / "data" / "timeline.yml"
    text = timeline.read_text()
    timeline.write_text(text.replace("      The first Azerbaijani republic", f"      {MARKER}\n      The first", 1))
    line = text.split("\n").index("  - id: azerbaijan-democratic-republic") + 1
    expected = f"data/timeline.yml:{line}: class 'corrected-marker' on <a> is not one of the edition's classes"
    result = build_copy(project_copy)
    assert result.returncode != 0 and "Traceback" not in result.output
    assert expected in result.output, result.output
    assert expected in lint(project_copy)


FREEZE = [sys.executable, str(ROOT / "scripts" / "freeze_layer.py")]


def freeze(project) -> None:
    """Record the change as a transcription fix, as a contributor would (scripts/freeze)."""
    subprocess.run(FREEZE + ["--root", str(project), "--reason", "transcription"], check=True, capture_output=True)


def test_a_fake_reading_marker_in_the_published_front_stops_the_build_and_lint(project_copy, build_copy):
    front = project_copy / "published" / "front.yml"
    text = front.read_text()
    front.write_text(text.replace("  ¹ PHD of Political Science", f"  {MARKER} ¹ PHD of Political Science", 1))
    freeze(project_copy)
    line = text.split("\n").index("affiliations:") + 1
    expected = f"published/front.yml:{line}: class 'corrected-marker' on <a> is not one of the edition's classes"
    result = build_copy(project_copy)
    assert result.returncode != 0 and "Traceback" not in result.output
    assert expected in result.output, result.output
    assert expected in lint(project_copy)


@pytest.mark.parametrize(
    "hostile, words",
    [
        ('<span id="pack-link">At</span>', "the ID 'pack-link' is the edition's own"),
        ('<aside class="editorial-note">At</aside>', "<aside> is not allowed"),
    ],
)
def test_hostile_markup_in_a_published_paragraph_is_refused_by_lint(project_copy, hostile, words):
    layer = project_copy / "published" / "conclusion.yml"
    text = layer.read_text()
    layer.write_text(text.replace("    At the end of the article", f"    {hostile} the end of the article", 1))
    freeze(project_copy)
    line = text.split("\n").index("  conclusion-1: |-") + 1
    output = lint(project_copy)
    assert any(row.startswith(f"published/conclusion.yml:{line}: ") and words in row for row in output.split("\n")), (
        output
    )


# -- The editors' notes in a page's comments: text, printed on the Corrections page -------


@pytest.mark.parametrize(
    "reason",
    [
        "fragment beginning with `Which`{: #pack-link .needs-javascript }",
        "see [the note](javascript:alert(1)) and ![x](x.png) and <b>bold</b> and `code`",
        "idiom {: .needs-javascript }",
    ],
)
def test_a_reason_is_text_on_the_corrections_page(reason):
    """A reason, a query's words and its question come from an HTML comment, which no
    allowlist renders: on the Corrections page they are text, whatever Markdown they hold."""
    from qarabagh_edition.pages.corrections import _md

    md = markdown.Markdown(extensions=["attr_list", "md_in_html", "footnotes", "tables", "smarty"])
    rendered = md.convert(f"- ¶ 1: <del>a</del> → <ins>b</ins>: {_md(reason)}")
    item = tinyhtml5.parse(f"<!doctype html><html><body>{rendered}</body></html>").find(".//{*}li")
    assert [child.tag.rsplit("}", 1)[-1] for child in item] == ["del", "ins"], rendered
    assert "".join(item.itertext()).endswith(f": {reason}"), rendered


def test_a_timeline_title_giving_an_id_through_attr_list_is_refused_by_lint(project_copy):
    timeline = project_copy / "data" / "timeline.yml"
    text = timeline.read_text()
    timeline.write_text(
        text.replace(
            "title: Azerbaijan Democratic Republic", "title: '`Azerbaijan`{: #copy-status } Democratic Republic'", 1
        )
    )
    line = text.split("\n").index("  - id: azerbaijan-democratic-republic") + 1
    assert f"data/timeline.yml:{line}: the ID 'copy-status' is the edition's own" in lint(project_copy)
