"""A malformed data file (data/glossary.yml, data/timeline.yml, data/mentions.yml) stops
the build, and scripts/lint, with `file:line: what is wrong (how to fix)`, not a traceback.
One bad fixture per kind of mistake."""

import subprocess
import sys

import pytest
from conftest import ROOT
from helpers import line_of


def replace(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def fails_with(build_copy, project, message):
    """The build stops with `message` and no traceback; scripts/lint reports it too."""
    result = build_copy(project)
    assert result.returncode != 0
    assert message in result.output, result.output
    assert "Traceback" not in result.output, result.output
    lint = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "lint_content.py"), "--root", str(project)],
        capture_output=True,
        text=True,
    )
    assert lint.returncode == 1 and message in lint.stdout.split("\n"), lint.stdout + lint.stderr
    return result.output


def test_an_entry_that_is_not_a_mapping(project_copy, build_copy):
    glossary = project_copy / "data" / "glossary.yml"
    replace(glossary, "\n- id: abazari\n", "\n- ahmadinejad\n\n- id: abazari\n")
    line = line_of(glossary, "- ahmadinejad")
    fails_with(
        build_copy,
        project_copy,
        f"data/glossary.yml:{line}: an entry must be a mapping of keys (id:, name:, ...), not 'ahmadinejad' "
        "(give its keys one per line, the first after the '- ')",
    )


def test_a_glossary_that_is_not_a_list(project_copy, build_copy):
    glossary = project_copy / "data" / "glossary.yml"
    text = glossary.read_text(encoding="utf-8")
    start = text.index("\n- id: abazari\n")
    entries = text[start:].replace("\n", "\n  ").replace("\n  \n", "\n\n")
    glossary.write_text(text[:start] + "\nentries:" + entries, encoding="utf-8")
    line = line_of(glossary, "entries:")
    fails_with(
        build_copy,
        project_copy,
        f"data/glossary.yml:{line}: the file must be a list of entries, not a mapping ('entries:') "
        "(start each entry with '- ' at the left margin, with no key above them)",
    )


@pytest.mark.parametrize("date", ["1920-13", "September 1920", "1992-02-30", "1918-05/1920-04/1921"])
def test_a_date_the_timeline_cannot_read(project_copy, build_copy, date):
    timeline = project_copy / "data" / "timeline.yml"
    replace(timeline, 'date: "1920"', f'date: "{date}"')
    line = line_of(timeline, f'date: "{date}"')
    fails_with(
        build_copy,
        project_copy,
        f"data/timeline.yml:{line}: the date '{date}' is not a real date in a form the timeline reads "
        "(write YYYY, YYYY-MM or YYYY-MM-DD, or a range A/B such as 1918-05/1920-04)",
    )


def test_mentions_that_are_not_valid_yaml(project_copy, build_copy):
    mentions = project_copy / "data" / "mentions.yml"
    replace(mentions, "words: Azerbaijan\n", "words: [Azerbaijan\n")
    # PyYAML notices the unclosed list on the line after it opens.
    line = line_of(mentions, "words: [Azerbaijan") + 1
    fails_with(
        build_copy,
        project_copy,
        f"data/mentions.yml:{line}: not valid YAML: did not find expected ',' or ']' (check indentation and quotes)",
    )


@pytest.mark.parametrize(
    "file, old, new",
    [
        ("glossary.yml", "  name: Morteza Abazari\n", "  name: Morteza Abazari\n  name: Somebody Else\n"),
        ("timeline.yml", '    date: "1920"\n', '    date: "1920"\n    date: "1921"\n'),
        ("mentions.yml", "  actor: iranian-azerbaijan\n", "  actor: iranian-azerbaijan\n  actor: azerbaijan\n"),
    ],
)
def test_a_key_given_twice_in_one_entry(project_copy, build_copy, file, old, new):
    # PyYAML keeps the second silently: the first would vanish without a word.
    path = project_copy / "data" / file
    replace(path, old, new)
    key = old.split(":")[0].strip()
    first = line_of(path, old.rstrip("\n"))
    fails_with(
        build_copy,
        project_copy,
        f"data/{file}:{first + 1}: '{key}' is given twice (first at line {first}; keep one of the two)",
    )


def test_variants_given_as_text_not_a_list(project_copy, build_copy):
    glossary = project_copy / "data" / "glossary.yml"
    replace(glossary, "variants: [Morteza Abazari]", "variants: Morteza Abazari")
    line = line_of(glossary, "variants: Morteza Abazari")
    output = fails_with(
        build_copy,
        project_copy,
        f"data/glossary.yml:{line}: 'variants' must be a list, not 'Morteza Abazari' "
        "(write variants: [Morteza Abazari])",
    )
    assert "variant 'M'" not in output  # not one message per letter


def test_an_occurrence_that_is_not_a_number(project_copy, build_copy):
    mentions = project_copy / "data" / "mentions.yml"
    replace(mentions, "  words: Azerbaijan\n", "  words: Azerbaijan\n  occurrence: second\n")
    line = line_of(mentions, "occurrence: second")
    fails_with(
        build_copy,
        project_copy,
        f"data/mentions.yml:{line}: occurrence must be a whole number from 1, not 'second' "
        "(1 for the first time the words occur, 2 for the second, ...)",
    )
