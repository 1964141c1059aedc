"""Limits on what a content file may ask of the build, checked before any parser sees it.

A contribution could otherwise exhaust the build (and the reader's browser): a file of a
gigabyte, a line the regular expressions scan again and again, a blockquote or list
5,000 levels deep (Python-Markdown's recursion ends in a traceback), YAML aliases that
expand to a billion values. The limits are generous: several times what the edition
holds today (its largest file is docs/social-impacts.md, 155 KB; its longest line 3,239
characters, in published/social-impacts.yml; nothing is nested deeper than 1).
"""

from __future__ import annotations

from pathlib import Path

from qarabagh_edition.errors import ContentError
from qarabagh_edition.rules.yaml_loader import reference_problems

MAX_FILE_BYTES = 1_000_000
MAX_LINE_CHARACTERS = 10_000
# Blockquotes and lists inside each other, counted from the markers and the indentation
# (four spaces, or a tab, per level of Python-Markdown) at the start of a line.
MAX_NESTING = 8
TAB_LENGTH = 4


def check_limits(root: Path, files: list[Path]) -> list[str]:
    problems = []
    for path in files:
        shown = path.relative_to(root).as_posix()
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            problems.append(
                f"{shown}:1: the file has {size:,} bytes, more than the limit of {MAX_FILE_BYTES:,} "
                "(split it into several files)"
            )
            continue
        text = path.read_bytes().decode("utf-8", "replace")
        lines = text.split("\n")
        problems += line_problems(lines, shown, markdown=path.suffix == ".md")
        if path.suffix == ".yml":
            problems += _references(text, shown, 1)
        elif path.suffix == ".md" and lines[0].rstrip() == "---":
            # The front matter as MkDocs reads it: from the first line to the next '---' or '...'.
            end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
            if end is not None:
                problems += _references("\n".join(lines[1:end]), shown, 2)
    return problems


def _references(text: str, shown: str, first_line: int) -> list[str]:
    try:
        return reference_problems(text, shown, first_line)
    except ContentError:
        return []  # not valid YAML: reported, with its line, by the file's own rule


def line_problems(lines: list[str], shown: str, markdown: bool) -> list[str]:
    problems = []
    for number, line in enumerate(lines, start=1):
        if len(line) > MAX_LINE_CHARACTERS:
            problems.append(
                f"{shown}:{number}: the line has {len(line):,} characters, more than the limit of "
                f"{MAX_LINE_CHARACTERS:,} (break it into several lines)"
            )
        elif markdown and nesting(line) > MAX_NESTING:
            problems.append(
                f"{shown}:{number}: blockquotes and lists are nested {nesting(line)} deep here, more "
                f"than the limit of {MAX_NESTING} (nest them less deeply)"
            )
    return problems


def nesting(line: str) -> int:
    """How deep a line of Markdown nests: indentation levels, and the '>' and list markers
    that open a line, counted with a plain loop (no pattern to backtrack)."""
    depth, position, column = 0, 0, 0
    while position < len(line):
        character = line[position]
        if character in " \t":
            column += TAB_LENGTH - column % TAB_LENGTH if character == "\t" else 1
            position += 1
            continue
        depth += column // TAB_LENGTH
        column = 0
        if character == ">":
            depth, position = depth + 1, position + 1
            continue
        if character in "-*+" and line[position + 1 : position + 2] in (" ", "\t"):
            depth, position = depth + 1, position + 1
            continue
        digits = position
        while digits < len(line) and line[digits].isdigit():
            digits += 1
        if (
            digits > position
            and line[digits : digits + 1] in (".", ")")
            and line[digits + 1 : digits + 2] in (" ", "\t")
        ):
            depth, position = depth + 1, digits + 1
            continue
        break
    return depth + column // TAB_LENGTH
