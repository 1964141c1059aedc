"""A strict syntax check of a BibTeX file: every problem as `file:line: what is wrong (how to fix)`.

BibTeX itself, and pybtex after it, are lenient: text outside entries is a comment, so
a '}' too many in a value silently closes the entry early and the fields after it are
dropped; and their errors name the place where the parser got confused (the comment
or the entry *after* a missing '}', the end of the file), not the place to fix.

Why no library: each was tried on the four defects this check exists for (a value
whose braces do not balance, an entry without its closing '}', a field without its
trailing ',', a field without '=') in bib/paper.bib:
- pybtex 0.26 (strict mode, its default): reports a missing '}' at the next entry's
  comment line or at the end of the file, a missing ',' as "'}' expected" on the
  following field, and accepts `title = {x}},` without a word, dropping the rest.
- bibtexparser 2.1: reports neither a missing ',' nor a '}' too many.
- biblib-simple 0.1.2: the same places and messages as pybtex.
So this module is a small tokenizer of BibTeX's entry syntax instead:
`@type{key, name = value, ...}` (or with parentheses), where a value is `{...}` with
balanced braces, `"..."`, a number or a macro name, joined with `#`; `@comment`,
`@preamble` and `@string` are understood. Outside entries only blank lines and
`%` comments are allowed (anything else is what BibTeX would ignore silently), and
an '@' is an entry's start wherever it is, as for BibTeX. It reports the first
problem of each entry, then goes on at the next line that starts with '@'.

It checks syntax only; pybtex still reads the file afterwards (mkdocs-bibtex uses it).
"""

from __future__ import annotations

from pathlib import Path

from qarabagh_edition.rules.bibtex_block import read_block
from qarabagh_edition.rules.bibtex_scanner import ENTRY_AT_LINE_START, BibSyntaxError, Entry, Scanner


def parse(text: str) -> tuple[list[Entry], list[tuple[int, str]]]:
    """The entries of a BibTeX text, and its syntax problems as (line, message)."""
    scanner = Scanner(text)
    entries: list[Entry] = []
    problems: list[tuple[int, str]] = []
    pos = 0
    after: Entry | None = None  # the entry that ends at pos
    while pos <= len(text):
        at = text.find("@", pos)
        outside_end = len(text) if at == -1 else at
        problem = _outside(scanner, pos, outside_end, after)
        if problem:
            problems.append(problem)
            after = None
            resync = ENTRY_AT_LINE_START.search(text, pos)
            if resync is None:
                break
            pos = resync.end() - 1
            continue
        if at == -1:
            break
        if _in_comment_line(text, at):
            problems.append(
                (
                    scanner.line(at),
                    "'@' in a % comment: BibTeX reads it as the start of an entry (leave the '@' out of the comment)",
                )
            )
            end_of_line = text.find("\n", at)
            after, pos = None, len(text) if end_of_line == -1 else end_of_line
            continue
        try:
            pos = read_block(scanner, at, entries)
            after = entries[-1] if entries and entries[-1].line == scanner.line(at) and entries[-1].closed_on else None
        except BibSyntaxError as error:
            problems.append((error.line, error.message))
            after = None
            resync = ENTRY_AT_LINE_START.search(text, text.find("\n", at) + 1 if "\n" in text[at:] else len(text))
            if resync is None:
                break
            pos = resync.end() - 1
    for offset, name in scanner.undefined:
        problems.append(
            (
                scanner.line(offset),
                f"'{name}' is neither a number nor a @string defined above "
                f"(put the value in braces: {{{name}}}, or define it with "
                f"@string{{{name} = {{...}}}} before its first use)",
            )
        )
    problems.sort(key=lambda problem: problem[0])
    return entries, problems


def _in_comment_line(text: str, at: int) -> bool:
    line_start = text.rfind("\n", 0, at) + 1
    return "%" in text[line_start:at]


def _outside(scanner: Scanner, start: int, end: int, after: Entry | None) -> tuple[int, str] | None:
    """A problem with the text between entries: only blank lines and % comments belong there."""
    offset = start
    for piece in scanner.text[start:end].split("\n"):
        stripped = piece.strip()
        if stripped and not stripped.startswith("%"):
            where = offset + piece.index(stripped[0])
            shown = scanner.snippet(where)
            if after is not None and after.closed_on == scanner.line(where):
                return (
                    after.closed_on,
                    f"entry '{after.key}' is closed early by a '}}' too many on this line: what follows it "
                    f"('{shown}', line {scanner.line(where)}) is outside any entry and BibTeX ignores it "
                    "(remove the extra '}')",
                )
            if after is not None:
                return (
                    scanner.line(where),
                    f"'{shown}' after the end of entry '{after.key}' (line {after.closed_on}) is outside any "
                    "entry and BibTeX ignores it (if it is a '}' too many, remove it; if it belongs to the "
                    "entry, move the entry's closing '}' after it; if it is a note, start the line with '%')",
                )
            return (
                scanner.line(where),
                f"text outside any entry: '{shown}' (BibTeX ignores it: start a comment line with '%')",
            )
        if stripped:  # a comment: text after it is no longer right after the entry
            after = None
        offset += len(piece) + 1
    return None


def duplicate_keys(entries: list[Entry], shown: str) -> list[str]:
    problems: list[str] = []
    seen: dict[str, int] = {}
    for entry in entries:
        if entry.key is None:
            continue
        folded = entry.key.casefold()  # BibTeX keys are case-insensitive
        if folded in seen:
            problems.append(
                f"{shown}:{entry.key_line}: BibTeX key '{entry.key}' is already used at line {seen[folded]} "
                "(each key names one entry: rename one and update the citations that mean it)"
            )
        else:
            seen[folded] = entry.key_line
    return problems


def check(text: str, shown: str) -> list[str]:
    """Problems with a BibTeX text, each as `shown:line: what is wrong (how to fix)`:
    syntax first, then duplicate keys; pybtex reads it only when both are clean."""
    entries, syntax = parse(text)
    problems = [f"{shown}:{line}: {message}" for line, message in syntax]
    problems += duplicate_keys(entries, shown)
    if problems:
        return problems
    return _pybtex_problems(text, shown)


def _pybtex_problems(text: str, shown: str) -> list[str]:
    """What pybtex still refuses in a syntactically clean file (e.g. an undefined @string)."""
    from pybtex.database import parse_string
    from pybtex.scanner import PybtexSyntaxError

    try:
        parse_string(text, "bibtex")
    except PybtexSyntaxError as error:
        message = str(error).split(": ", 1)[-1]
        return [
            f"{shown}:{error.lineno}: malformed BibTeX: {message} "
            "(check the braces, commas and '=' of the entry ending here; '@' may not appear in a % comment)"
        ]
    except Exception as error:  # pybtex's other errors carry no line
        return [f"{shown}:1: malformed BibTeX: {error}"]
    return []


def check_file(path: Path, shown: str) -> list[str]:
    """`check` of a BibTeX file on disk, its problems named after `shown` (e.g. bib/paper.bib)."""
    return check(Path(path).read_text(encoding="utf-8"), shown)
