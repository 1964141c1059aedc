"""A contributor's mistake fails the build with `file:line: what is wrong (how to fix)`."""

import re

import pytest
from helpers import line_of


def first_line_of_block_ending(path, id_line: int) -> int:
    lines = path.read_text(encoding="utf-8").split("\n")
    number = id_line - 1
    while number > 1 and lines[number - 2].strip():
        number -= 1
    return number


def test_duplicate_paragraph_id_fails(project_copy, build_copy):
    page = project_copy / "docs" / "political-implications.md"
    page.write_text(page.read_text().replace("{: #political-5 }", "{: #political-4 }"))
    result = build_copy(project_copy)
    assert result.returncode != 0
    line = first_line_of_block_ending(page, line_of(page, "In 2001, the Azerbaijani government") + 1)
    assert re.search(
        rf"docs/political-implications\.md:{line}: ID 'political-4' is already used at "
        rf"docs/political-implications\.md:\d+",
        result.output,
    ), result.output
    assert "unique" in result.output


def test_paragraph_without_id_fails(project_copy, build_copy):
    page = project_copy / "docs" / "conclusion.md"
    line = line_of(page, "{: #conclusion-1 }") - 1  # the paragraph's last line, which the ID goes under
    page.write_text(page.read_text().replace("\n{: #conclusion-1 }", ""))
    result = build_copy(project_copy)
    assert result.returncode != 0
    # One message, at the line the ID goes under, naming the ID to put back (never a new one).
    assert (
        f"docs/conclusion.md:{line}: this paragraph has lost its ID line: it is the published paragraph "
        "'conclusion-1'" in result.output
    ), result.output
    assert "put {: #conclusion-1 } on its own line directly under it" in result.output
    assert "is missing from docs/conclusion.md" not in result.output and "name-N" not in result.output


def test_paragraph_whose_published_text_is_missing_fails(project_copy, build_copy):
    page = project_copy / "docs" / "introduction.md"
    page.write_text(page.read_text() + "\nA paragraph that was never published.\n{: #introduction-99 }\n")
    result = build_copy(project_copy)
    assert result.returncode != 0
    line = line_of(page, "A paragraph that was never published.")
    assert (
        f"docs/introduction.md:{line}: paragraph 'introduction-99' has no published text in published/" in result.output
    ), result.output


def test_heading_without_id_fails(project_copy, build_copy):
    page = project_copy / "docs" / "social-impacts.md"
    heading = next(text for text in page.read_text().split("\n") if text.endswith(" { #social-israel .editorial }"))
    title = heading.removeprefix("## ").removesuffix(" { #social-israel .editorial }")
    page.write_text(page.read_text().replace(" { #social-israel .editorial }", ""))
    result = build_copy(project_copy)
    assert result.returncode != 0
    line = line_of(page, f"## {title}")
    assert f"docs/social-impacts.md:{line}: heading '{title}' has no ID" in result.output


def test_duplicate_id_in_the_published_layer_fails(project_copy, build_copy):
    layer = project_copy / "published" / "conclusion.yml"
    text = layer.read_text()
    layer.write_text(text + "  conclusion-1: |-\n    Again.\n")
    result = build_copy(project_copy)
    assert result.returncode != 0
    line = len(text.rstrip("\n").split("\n")) + 1
    assert re.search(rf"published/conclusion\.yml:{line}: 'conclusion-1' is given twice", result.output), result.output


def test_all_problems_are_reported_at_once(project_copy, build_copy):
    for name, old, new in [
        ("conclusion.md", "{: #conclusion-1 }", "{: #conclusion-x }"),
        ("introduction.md", "{: #introduction-2 }", "{: #introduction-1 }"),
    ]:
        page = project_copy / "docs" / name
        page.write_text(page.read_text().replace(old, new))
    output = build_copy(project_copy).output
    assert "docs/conclusion.md" in output and "docs/introduction.md" in output


# A line planted above conclusion-1's review status, the line to find it by, and the message
# expected at that line ({line}; {next} is the line after it).
COMMENT_MISTAKES = {
    "text after a comment is not published unrecorded": (
        "<!-- reviewed: yes --> Iran never had a Caucasus policy.",
        "Iran never had a Caucasus policy.",
        "docs/conclusion.md:{line}: text after the end of a comment ('-->'): 'Iran never had a Caucasus policy.' "
        "would be published outside any paragraph's record",
    ),
    "a misspelt kind of note is named": (
        "<!-- reviewed: yes -->\n<!-- querry: At the end | really? -->",
        "<!-- querry:",
        "docs/conclusion.md:{line}: 'querry:' is not a kind of note (one of: normalisation, emendation, "
        "conjecture, supplied, query, reviewed; check the spelling)",
    ),
    "a comment left open is named where it opens": (
        "<!-- check the next paragraph\n<!-- reviewed: yes -->",
        "<!-- check the next paragraph",
        "docs/conclusion.md:{line}: this comment is never closed: the next one starts at line {next} "
        "(end it with '-->')",
    ),
}


@pytest.mark.parametrize("planted, needle, message", COMMENT_MISTAKES.values(), ids=COMMENT_MISTAKES.keys())
def test_a_mistake_in_the_apparatus_comments_is_named_at_its_line(project_copy, build_copy, planted, needle, message):
    page = project_copy / "docs" / "conclusion.md"
    page.write_text(page.read_text().replace("<!-- reviewed: yes -->", planted, 1))
    result = build_copy(project_copy)
    assert result.returncode != 0
    line = line_of(page, needle)
    assert message.format(line=line, next=line + 1) in result.output, result.output


def test_a_bracket_never_closed_does_not_hold_the_build():
    # `[` followed by a long run of `@key`s and no `]`: the citation pattern once tried every
    # split of the run (a 100 KB line held a build for 34 s; 1 MB, about an hour). It is a
    # hang detector, not a timing: the fixed pattern answers at once, the old one in minutes.
    import subprocess
    import sys

    probe = (
        "from qarabagh_edition.printed_citations import CITATION\n"
        "assert list(CITATION.finditer('[' + '@a' * 100000)) == []\n"
    )
    subprocess.run([sys.executable, "-c", probe], check=True, timeout=20)


def test_a_printed_heading_reworded_fails(project_copy, build_copy):
    page = project_copy / "docs" / "conclusion.md"
    page.write_text(
        page.read_text().replace("# Conclusion { #conclusion }", "# Conclusion: Iran was wrong { #conclusion }", 1)
    )
    result = build_copy(project_copy)
    assert result.returncode != 0
    line = line_of(page, "# Conclusion: Iran was wrong")
    assert (
        f"docs/conclusion.md:{line}: the heading 'conclusion' reads 'Conclusion: Iran was wrong' but was printed "
        "'Conclusion' (put the printed words back"
    ) in result.output, result.output
