"""Broken BibTeX stops the build and `scripts/lint` with `bib/paper.bib:line: what is wrong
(how to fix)`, the line being where the problem is. One bad fixture per kind of defect,
each a minimal edit of one entry of the real bib/paper.bib."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from qarabagh_edition.rules.bibtex_syntax import check_file as check_bibtex

SHOWN = "bib/paper.bib"
KEY = "vaezi2008"  # the entry that every fixture breaks
LINT = [sys.executable, str(ROOT / "scripts" / "lint_content.py")]


def entry_span(text: str, key: str) -> tuple[int, int]:
    start = text.index(f"@book{{{key},")
    return start, text.index("\n}\n", start) + 3


def break_entry(bib: Path, old: str, new: str, key: str = KEY) -> None:
    """Replace `old` by `new` inside one entry only."""
    text = bib.read_text(encoding="utf-8")
    start, end = entry_span(text, key)
    assert text[start:end].count(old) == 1, (old, text[start:end])
    bib.write_text(text[:start] + text[start:end].replace(old, new) + text[end:], encoding="utf-8")


def line_in_entry(bib: Path, needle: str, key: str = KEY) -> int:
    text = bib.read_text(encoding="utf-8")
    start = text.index(f"@book{{{key},")
    return text.count("\n", 0, text.index(needle, start)) + 1


def closing_line(bib: Path, key: str = KEY) -> int:
    """The line of the entry's closing '}' (as laid out in paper.bib: alone on its line)."""
    text = bib.read_text(encoding="utf-8")
    return text.count("\n", 0, text.index("\n}\n", text.index(f"@book{{{key},"))) + 2


@pytest.fixture
def bib(tmp_path) -> Path:
    copy = tmp_path / "paper.bib"
    copy.write_text((ROOT / "bib" / "paper.bib").read_text(encoding="utf-8"), encoding="utf-8")
    return copy


def problems_of(bib: Path) -> list[str]:
    return check_bibtex(bib, SHOWN)


def test_the_bibliography_itself_is_clean():
    assert check_bibtex(ROOT / "bib" / "paper.bib", SHOWN) == []


def test_unbalanced_brace_inside_a_value(bib):
    # One '{' too many: the value runs on over the fields after it, up to the entry's '}'.
    break_entry(bib, "{forign policy of Iran in Caucasi}", "{forign policy of {Iran in Caucasi}")
    line = line_in_entry(bib, "forign policy of")
    assert problems_of(bib) == [
        f"{SHOWN}:{line}: the braces of the value of 'title' do not balance: a '{{' in it is not closed, "
        f"so the value runs on to line {closing_line(bib)} over what follows it "
        "(add the missing '}' or remove the extra '{')"
    ]


def test_closing_brace_too_many_inside_a_value(bib):
    # One '}' too many: the value ends early and its rest is left where a ',' should be.
    break_entry(bib, "{forign policy of Iran in Caucasi}", "{forign policy of} Iran in Caucasi}")
    line = line_in_entry(bib, "forign policy of")
    [problem] = problems_of(bib)
    assert problem.startswith(
        f"{SHOWN}:{line}: unexpected 'Iran in Caucasi}},' after the value of 'title': "
        "the braces of the value do not balance"
    ), problem
    assert "(remove the extra '}' or add the missing '{'" in problem


def test_closing_brace_too_many_that_closes_the_entry_early(bib):
    # pybtex accepts this and silently drops the fields after the title.
    break_entry(bib, "{forign policy of Iran in Caucasi},", "{forign policy of Iran in Caucasi}},")
    line = line_in_entry(bib, "forign policy of")
    assert problems_of(bib) == [
        f"{SHOWN}:{line}: entry '{KEY}' is closed early by a '}}' too many on this line: what follows it "
        f"(',', line {line}) is outside any entry and BibTeX ignores it (remove the extra '}}')"
    ]


def test_missing_closing_brace_of_an_entry(bib):
    break_entry(bib, "  langid    = {und}\n}\n", "  langid    = {und}\n\n")
    entry_line, last_field = line_in_entry(bib, f"@book{{{KEY},"), line_in_entry(bib, "langid")
    assert problems_of(bib) == [
        f"{SHOWN}:{entry_line}: entry '{KEY}' is not closed: there is no '}}' after its last field on line "
        f"{last_field} (add a line '}}' after line {last_field})"
    ]


def test_missing_closing_brace_of_the_last_entry(bib):
    text = bib.read_text(encoding="utf-8")
    assert text.endswith("\n}\n")
    bib.write_text(text[:-2], encoding="utf-8")
    last = re.findall(r"^@\w+\{([^,]+),", text, re.M)[-1]
    entry_line = text.count("\n", 0, text.index(f"{{{last},")) + 1
    last_field = text[:-3].count("\n") + 1
    assert problems_of(bib) == [
        f"{SHOWN}:{entry_line}: entry '{last}' is not closed: there is no '}}' after its last field on line "
        f"{last_field} (add a line '}}' after line {last_field})"
    ]


def test_field_without_its_comma(bib):
    break_entry(bib, "  year      = {2008},\n", "  year      = {2008}\n")
    line = line_in_entry(bib, "year")
    assert problems_of(bib) == [
        f"{SHOWN}:{line}: no ',' after the value of 'year', before the field 'langid' on line {line + 1} "
        "(add ',' after the value)"
    ]


def test_field_without_equals(bib):
    break_entry(bib, "  publisher = {Ney publishing},", "  publisher {Ney publishing},")
    line = line_in_entry(bib, "publisher")
    assert problems_of(bib) == [
        f"{SHOWN}:{line}: field 'publisher' has no '=' before its value (write publisher = {{...}})"
    ]


def test_every_broken_entry_is_reported_once(bib):
    break_entry(bib, "  publisher = {Ney publishing},", "  publisher {Ney publishing},")
    break_entry(bib, "  year      = {2008},\n", "  year      = {2008}\n", key="vosoghi2008")
    problems = problems_of(bib)
    assert [p.split(": ", 1)[0] for p in problems] == [
        f"{SHOWN}:{line_in_entry(bib, 'publisher')}",
        f"{SHOWN}:{line_in_entry(bib, 'year', 'vosoghi2008')}",
    ]


def test_the_strict_build_stops_at_an_unclosed_entry(project_copy, build_copy):
    bib = project_copy / "bib" / "paper.bib"
    break_entry(bib, "  langid    = {und}\n}\n", "  langid    = {und}\n\n")
    result = build_copy(project_copy)
    assert result.returncode != 0
    entry_line, last_field = line_in_entry(bib, f"@book{{{KEY},"), line_in_entry(bib, "langid")
    assert (
        f"{SHOWN}:{entry_line}: entry '{KEY}' is not closed: there is no '}}' after its last field on line "
        f"{last_field} (add a line '}}' after line {last_field})"
    ) in result.output, result.output
    assert "Traceback" not in result.output


def test_lint_reports_a_field_without_equals(project_copy):
    bib = project_copy / "bib" / "paper.bib"
    break_entry(bib, "  publisher = {Ney publishing},", "  publisher {Ney publishing},")
    result = subprocess.run(LINT + ["--root", str(project_copy)], capture_output=True, text=True)
    assert result.returncode == 1
    line = line_in_entry(bib, "publisher")
    assert (
        f"{SHOWN}:{line}: field 'publisher' has no '=' before its value (write publisher = {{...}})"
        in result.stdout.splitlines()
    ), result.stdout
