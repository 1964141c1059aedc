"""Mistakes in bib/citations.yml, in permanent IDs across pages and in citation keys on the
editors' own pages fail the build with `file:line: what is wrong (how to fix)`, not with a
traceback, and name the place the contributor has to change."""

import subprocess
import sys

from conftest import ROOT
from helpers import line_of, paragraph_line

LINT = [sys.executable, str(ROOT / "scripts" / "lint_content.py")]


def replace(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def lint_output(project) -> str:
    result = subprocess.run(LINT + ["--root", str(project)], capture_output=True, text=True)
    assert result.returncode == 1, result.stdout + result.stderr
    return result.stdout + result.stderr


def test_citations_file_that_is_not_valid_yaml_fails_with_its_line(project_copy, build_copy):
    citations = project_copy / "bib" / "citations.yml"
    replace(citations, 'published: "(Vaezi, 2008: 158-157)"', 'published: "(Vaezi, 2008: 158-157)')
    # The quoted text runs on into the next line; the parser stops at its `cite:`.
    line = line_of(citations, 'published: "(Vaezi, 2008: 158-157)') + 1
    result = build_copy(project_copy)
    assert result.returncode != 0
    assert "Traceback" not in result.output, result.output
    assert (
        f"bib/citations.yml:{line}: not valid YAML: did not find expected key (check indentation and quotes)"
        in result.output
    ), result.output


def test_occurrence_that_is_not_a_number_fails_with_its_line(project_copy, build_copy):
    citations = project_copy / "bib" / "citations.yml"
    replace(
        citations, 'cite: "[@vaezi2008, pp. 157–158]"\n', 'cite: "[@vaezi2008, pp. 157–158]"\n  occurrence: first\n'
    )
    line = line_of(citations, "occurrence: first")
    result = build_copy(project_copy)
    assert result.returncode != 0
    assert "Traceback" not in result.output, result.output
    assert (
        f"bib/citations.yml:{line}: occurrence must be a whole number (1 for the first place the published "
        "words stand in the paragraph, 2 for the second, ...), not 'first'"
    ) in result.output, result.output
    # scripts/lint says the same.
    assert f"bib/citations.yml:{line}: occurrence must be a whole number" in lint_output(project_copy)


def test_citation_fields_of_the_wrong_type_are_named(project_copy):
    citations = project_copy / "bib" / "citations.yml"
    replace(citations, 'published: "(Vaezi, 2008: 158-157)"', "published: 2008")
    replace(citations, 'cite: "[@vosoghi2008, p. 1]"', "cite: [vosoghi2008]")
    replace(citations, "- paragraph: political-2\n", "- paragraph: [political-2]\n")
    output = lint_output(project_copy)
    assert "Traceback" not in output, output
    assert (
        f"bib/citations.yml:{line_of(citations, 'published: 2008')}: published must be text "
        "(the citation exactly as printed, in quotes), not 2008"
    ) in output, output
    assert (
        f"bib/citations.yml:{line_of(citations, 'cite: [vosoghi2008]')}: cite must be text "
        "(the Pandoc citation, in quotes), not ['vosoghi2008']"
    ) in output, output
    assert (
        f"bib/citations.yml:{line_of(citations, 'paragraph: [political-2]')}: paragraph must be text "
        "(a paragraph ID of published/, e.g. political-2), not ['political-2']"
    ) in output, output


def test_id_reused_on_another_page_blames_the_reuse_not_the_original(project_copy, build_copy):
    page = project_copy / "docs" / "introduction.md"
    original = project_copy / "docs" / "political-implications.md"
    line = paragraph_line(page, "introduction-2")
    original_line = paragraph_line(original, "political-4")
    replace(page, "{: #introduction-2 }", "{: #political-4 }")
    result = build_copy(project_copy)
    assert result.returncode != 0
    assert "Traceback" not in result.output, result.output
    # introduction.md comes first alphabetically, yet political-4 is political-implications.md's paragraph.
    assert (
        f"docs/introduction.md:{line}: ID 'political-4' is already used at docs/political-implications.md:"
        f"{original_line} (IDs are permanent links and must be unique; give this one a new number never used "
        "before)"
    ) in result.output, result.output
    assert f"docs/political-implications.md:{original_line}: ID 'political-4' is already used" not in result.output


def test_unknown_citation_key_on_an_editorial_page_fails(project_copy, build_copy):
    page = project_copy / "docs" / "glossary.md"
    assert "editorial: true" in page.read_text()
    page.write_text(page.read_text() + "\nSee [@nosuchkey].\n")
    line = line_of(page, "See [@nosuchkey].")
    expected = (
        f"docs/glossary.md:{line}: unknown citation key 'nosuchkey' in [@nosuchkey] (keys are listed in bib/paper.bib)"
    )
    result = build_copy(project_copy)
    assert result.returncode != 0
    assert "Traceback" not in result.output, result.output
    assert expected in result.output, result.output
    assert expected in lint_output(project_copy)
