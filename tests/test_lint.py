"""`scripts/lint` reports every problem of a contribution as `file:line: message (how to fix)`.
One bad fixture per kind of problem, each checked for its exact place and message."""

import re
import subprocess
import sys

import pytest
from conftest import ROOT
from helpers import line_of, paragraph_line

LINT = [sys.executable, str(ROOT / "scripts" / "lint_content.py")]
FREEZE = [sys.executable, str(ROOT / "scripts" / "freeze_layer.py")]


def lint(project):
    result = subprocess.run(LINT + ["--root", str(project)], capture_output=True, text=True)
    return result.returncode, result.stdout


def replace(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_project_itself_is_clean():
    code, output = lint(ROOT)
    assert (code, output) == (0, "")


def test_lint_command_has_help():
    result = subprocess.run(LINT + ["--help"], capture_output=True, text=True)
    assert result.returncode == 0 and "file:line" in result.stdout


def test_edited_frozen_text(project_copy):
    layer = project_copy / "published" / "conclusion.yml"
    replace(layer, "At the end of the article", "At the end of this article")
    code, output = lint(project_copy)
    line = line_of(layer, "conclusion-1:")
    assert code == 1
    assert f"published/conclusion.yml:{line}: the published text of 'conclusion-1' was changed." in output
    assert "correct the reading page in docs/ instead" in output and "scripts/freeze --reason" in output


def test_deleted_frozen_text(project_copy):
    layer = project_copy / "published" / "introduction.yml"
    text = layer.read_text()
    layer.write_text(re.sub(r"  introduction-2: \|-\n    .*\n", "", text))
    code, output = lint(project_copy)
    assert code == 1
    assert "published/frozen.yml:1: 'introduction-2' was deleted from the frozen layer (restore it from git)" in output


def test_a_recorded_transcription_fix_is_accepted_and_needs_a_reason(project_copy):
    layer = project_copy / "published" / "conclusion.yml"
    replace(layer, "At the end of the article", "At the end of this article")
    # The reading follows the fixed record (its apparatus changes nothing there).
    replace(project_copy / "docs" / "conclusion.md", "\nAt the end of the article", "\nAt the end of this article")
    refused = subprocess.run(FREEZE + ["--root", str(project_copy)], capture_output=True, text=True)
    assert refused.returncode == 2 and "needs --reason" in refused.stderr
    accepted = subprocess.run(
        FREEZE + ["--root", str(project_copy), "--reason", "PDF extraction dropped 'this'"],
        capture_output=True,
        text=True,
    )
    assert accepted.returncode == 0, accepted.stderr
    manifest = (project_copy / "published" / "frozen.yml").read_text()
    assert "PDF extraction dropped 'this'" in manifest and "conclusion-1" in manifest
    # Recorded, the fix is part of the record: nothing left to report.
    assert lint(project_copy) == (0, "")


def test_missing_paragraph_id(project_copy):
    page = project_copy / "docs" / "roots-of-the-crisis.md"
    line = line_of(page, "{: #roots-1 }") - 1
    replace(page, "\n{: #roots-1 }", "")
    code, output = lint(project_copy)
    assert f"docs/roots-of-the-crisis.md:{line}: this paragraph has lost its ID line" in output, output


@pytest.mark.parametrize("broken", ["{: #security-3", "{: #security-3 ", "{: #", "(: #security-3 }", ""])
def test_a_broken_or_deleted_id_line_gets_one_message_naming_the_id_at_its_line(project_copy, broken):
    page = project_copy / "docs" / "security-and-military-consequences.md"
    line = line_of(page, "{: #security-3 }")
    replace(page, "{: #security-3 }", broken)
    code, output = lint(project_copy)
    problems = [p for p in output.splitlines() if ": " in p and not p.startswith(" ")]
    assert code != 0
    # The ID line's own line when it is there but broken; the one above it when it is gone.
    where = line if broken else line - 1
    assert problems == [
        f"docs/security-and-military-consequences.md:{where}: this paragraph has lost its ID line: it is the "
        "published paragraph 'security-3' (published/security-and-military-consequences.yml:12); put "
        "{: #security-3 } on its own line directly under it (IDs are permanent links: keep the published one, "
        "never make up a new one)"
    ], output


def test_duplicate_paragraph_id(project_copy):
    page = project_copy / "docs" / "introduction.md"
    replace(page, "{: #introduction-2 }", "{: #introduction-1 }")
    code, output = lint(project_copy)
    assert re.search(
        r"docs/introduction\.md:\d+: ID 'introduction-1' is already used at docs/introduction\.md:\d+", output
    )


def test_renamed_paragraph_id(project_copy):
    page = project_copy / "docs" / "introduction.md"
    line = paragraph_line(page, "introduction-2")
    replace(page, "{: #introduction-2 }", "{: #introduction-second }")
    code, output = lint(project_copy)
    assert (
        f"docs/introduction.md:{line}: ID 'introduction-second' looks like 'introduction-2' renamed; "
        "IDs are permanent links: change it back to {: #introduction-2 }"
    ) in output


def test_unknown_citation_key(project_copy):
    page = project_copy / "docs" / "roots-of-the-crisis.md"
    replace(page, "[@vaezi2008,", "[@vaezy2008,")
    code, output = lint(project_copy)
    assert re.search(
        r"docs/roots-of-the-crisis\.md:\d+: unknown citation key 'vaezy2008' .*did you mean 'vaezi2008'", output
    )


def test_unknown_glossary_entry(project_copy):
    timeline = project_copy / "data" / "timeline.yml"
    text = timeline.read_text()
    first = re.search(r"actors: \[([\w-]+)", text)
    timeline.write_text(text[: first.start(1)] + "azerbaijan-democratic-republik" + text[first.end(1) :])
    code, output = lint(project_copy)
    assert (
        "'azerbaijan-democratic-republik' is not listed in data/glossary.yml. Check your spelling "
        "(did you mean 'azerbaijan-democratic-republic'?)"
    ) in output
    assert re.search(r"data/timeline\.yml:\d+: event", output)


def test_broken_internal_link_and_anchor(project_copy):
    page = project_copy / "docs" / "glossary.md"
    page.write_text(page.read_text() + "\nSee [the roots](roots-of-the-crisis.md#roots-99) and [a page](nowhere.md).\n")
    code, output = lint(project_copy)
    line = line_of(page, "See [the roots]")
    assert (
        f"docs/glossary.md:{line}: broken link to 'roots-of-the-crisis.md#roots-99': "
        "docs/roots-of-the-crisis.md has no anchor '#roots-99'"
    ) in output
    assert f"docs/glossary.md:{line}: broken link to 'nowhere.md': there is no page docs/nowhere.md" in output


def test_malformed_front_matter(project_copy):
    page = project_copy / "docs" / "timeline.md"
    replace(page, "title: Timeline", "title: Timeline: events: [unclosed")
    code, output = lint(project_copy)
    assert re.search(r"docs/timeline\.md:\d+: malformed front matter: ", output), output


def test_change_the_apparatus_does_not_record(project_copy):
    page = project_copy / "docs" / "conclusion.md"
    text = page.read_text()
    page.write_text(re.sub(r"<!-- (?:normalisation|emendation|conjecture):.*?-->\n", "", text, flags=re.S))
    line = paragraph_line(page, "conclusion-1")
    code, output = lint(project_copy)
    assert re.search(
        rf"docs/conclusion\.md:{line}: paragraph 'conclusion-1' differs from its published text where "
        r"its apparatus says nothing: .* \(record each change above the paragraph: ",
        output,
    ), output


def test_correction_that_introduces_a_non_standard_spelling(project_copy):
    page = project_copy / "docs" / "political-implications.md"
    replace(page, "especially Elchibey, began", "especially Ilchibek, began")
    code, output = lint(project_copy)
    line = line_of(page, "especially Ilchibek, began")
    assert re.search(
        rf"docs/political-implications\.md:{line}: 'Ilchibek' is a non-standard spelling of "
        r"Abulfaz Elchibey; write 'Elchibey' \(see data/glossary\.yml:\d+\)",
        output,
    ), output


def test_published_layer_is_exempt_from_the_spelling_rule():
    # The frozen layer keeps "Ilchibek" etc.; only what a correction brings in is reported.
    code, output = lint(ROOT)
    assert "non-standard spelling" not in output
    assert "Ilchibek" in (ROOT / "published" / "political-implications.yml").read_text()
