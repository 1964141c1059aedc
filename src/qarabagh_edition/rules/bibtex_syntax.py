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

import bisect
import re
from dataclasses import dataclass, field
from pathlib import Path

# Characters BibTeX does not allow in field, type and macro names.
NAME = re.compile(r"[^\s\"#%'(),={}@0-9][^\s\"#%'(),={}@]*")
NUMBER = re.compile(r"[0-9]+")
KEY = re.compile(r"[^\s,{}()@\"#%'=]+")
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
ENTRY_AT_LINE_START = re.compile(r"^[ \t]*@", re.M)
# What a value's text can only contain when its braces (or quotes) do not balance and
# it has swallowed what follows it: a field, an entry's closing line, the next entry.
SWALLOWED = re.compile(r"\n[ \t]*(?:[^\s\"#%'(),={}@0-9][^\s\"#%'(),={}@]*[ \t]*=|[})][ \t]*(?:\n|$)|@)")


@dataclass
class Entry:
    type: str
    key: str | None
    line: int  # the line of its '@'
    key_line: int = 0
    closed_on: int = 0  # the line of its closing brace
    values: list = field(default_factory=list)  # (field name, start offset, end offset)
    fields: dict = field(default_factory=dict)  # casefolded name: line


class BibSyntaxError(Exception):
    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


class _Scanner:
    def __init__(self, text: str):
        self.text = text
        self.newlines = [i for i, c in enumerate(text) if c == "\n"]
        self.macros = set(MONTHS)  # @string names defined so far (BibTeX's own: the months)
        self.undefined: list[tuple[int, str]] = []  # (offset, name) of macros used before any @string

    def line(self, offset: int) -> int:
        return bisect.bisect_left(self.newlines, offset) + 1

    def skip_space(self, i: int) -> int:
        while i < len(self.text) and self.text[i].isspace():
            i += 1
        return i

    def skip_space_and_comments(self, i: int) -> int:
        """Past whitespace and whole `%` comment lines (not allowed inside entries, but
        they tell an unclosed entry from a misplaced comment)."""
        while True:
            i = self.skip_space(i)
            if i < len(self.text) and self.text[i] == "%":
                end = self.text.find("\n", i)
                i = len(self.text) if end == -1 else end
            else:
                return i

    def peek(self, i: int) -> str:
        return self.text[i] if i < len(self.text) else ""

    def snippet(self, i: int) -> str:
        rest = self.text[i:].split("\n", 1)[0].strip()
        return rest if len(rest) <= 40 else rest[:37] + "..."


def _looks_like_field(scanner: _Scanner, i: int) -> str | None:
    """The field name at i when `name =` follows there."""
    match = NAME.match(scanner.text, i)
    if match and scanner.peek(scanner.skip_space(match.end())) == "=":
        return match.group()
    return None


def _run_on_value(scanner: _Scanner, entry: Entry) -> BibSyntaxError | None:
    """A value of the entry that ran on over the fields after it: its braces or quotes
    do not balance. Only asked once the entry has failed to parse."""
    for name, start, end in entry.values:
        if SWALLOWED.search(scanner.text, start, end):
            first, last = scanner.line(start), scanner.line(end - 1)
            if scanner.text[start] == "{":
                return BibSyntaxError(
                    first,
                    f"the braces of the value of '{name}' do not balance: a '{{' in it "
                    f"is not closed, so the value runs on to line {last} over what "
                    "follows it (add the missing '}' or remove the extra '{')",
                )
            return BibSyntaxError(
                first,
                f"the value of '{name}' does not end where it should: its closing '\"' "
                f"or a brace is missing, so it runs on to line {last} over what follows "
                "it (close the quote and balance the braces)",
            )
    return None


def _value(scanner: _Scanner, i: int, name: str, entry: Entry | None) -> int:
    """Past one value: parts joined with '#'. Records each braced or quoted part."""
    text = scanner.text
    while True:
        i = scanner.skip_space(i)
        c = scanner.peek(i)
        start = i
        if c in ("{", '"'):
            depth = 0
            i += 1
            while True:
                if i >= len(text):
                    if entry is not None:
                        entry.values.append((name, start, i))
                    fix = "add the missing '}' or remove the extra '{'" if c == "{" else "add the missing '\"'"
                    raise BibSyntaxError(
                        scanner.line(start),
                        f"the value of '{name}' opened here is never closed: the file ends first ({fix})",
                    )
                ch = text[i]
                if ch == "{":
                    depth += 1
                elif ch == "}":
                    if c == "{" and depth == 0:
                        i += 1
                        break
                    depth -= 1
                    if depth < 0 and SWALLOWED.search(text, start, i):
                        raise BibSyntaxError(
                            scanner.line(start),
                            f"the value of '{name}' opened here has no closing '\"': it runs on to line "
                            f"{scanner.line(i)} over what follows it (add the missing '\"')",
                        )
                    if depth < 0:
                        raise BibSyntaxError(
                            scanner.line(i),
                            f"a '}}' without its '{{' in the value of '{name}' "
                            "(remove the extra '}' or add the missing '{')",
                        )
                elif ch == '"' and c == '"' and depth == 0:
                    i += 1
                    break
                i += 1
            if entry is not None:
                entry.values.append((name, start, i))
        elif NUMBER.match(text, i):
            i = NUMBER.match(text, i).end()
        elif NAME.match(text, i):
            macro = NAME.match(text, i)
            if macro.group().casefold() not in scanner.macros:
                scanner.undefined.append((i, macro.group()))
            i = macro.end()
        else:
            found = f"found '{scanner.snippet(i)}'" if scanner.snippet(i) else "found nothing"
            raise BibSyntaxError(
                scanner.line(i),
                f"'{name}' has no value after '=': {found} "
                f'(write {name} = {{...}}, "...", a number or a @string name)',
            )
        after = scanner.skip_space(i)
        if scanner.peek(after) != "#":
            return i
        i = after + 1


def _skip_group(scanner: _Scanner, i: int, what: str, line: int) -> int:
    """Past a balanced {...} or (...) group that starts at i (for @comment)."""
    opener = scanner.text[i]
    closer = "}" if opener == "{" else ")"
    depth = 0
    for j in range(i, len(scanner.text)):
        ch = scanner.text[j]
        if ch == opener:
            depth += 1
        elif ch == closer:
            depth -= 1
            if depth == 0:
                return j + 1
    raise BibSyntaxError(line, f"{what} is not closed: its braces do not balance (add the missing '{closer}')")


def _block(scanner: _Scanner, at: int, entries: list[Entry]) -> int:
    """Parse the block whose '@' is at `at`; returns the offset after it."""
    text = scanner.text
    line = scanner.line(at)
    i = scanner.skip_space(at + 1)
    match = NAME.match(text, i)
    if not match:
        raise BibSyntaxError(
            line,
            f"'@' is not followed by an entry type but by '{scanner.snippet(i)}' "
            "(BibTeX starts an entry at every '@', even in a % comment: write entries as @type{key, ...} "
            "and leave '@' out of comments)",
        )
    kind = match.group().lower()
    i = scanner.skip_space(match.end())
    opener = scanner.peek(i)
    if kind == "comment":
        return _skip_group(scanner, i, "@comment", line) if opener in ("{", "(") else i
    if opener not in ("{", "("):
        raise BibSyntaxError(
            line, f"'@{match.group()}' is not followed by '{{' (write @{match.group()}{{key, name = {{value}}, ...}})"
        )
    closer = "}" if opener == "{" else ")"
    i += 1
    if kind == "preamble":
        i = scanner.skip_space(_value(scanner, i, "@preamble", None))
        if scanner.peek(i) != closer:
            raise BibSyntaxError(line, f"@preamble is not closed (add '{closer}' after its value)")
        return i + 1
    if kind == "string":
        i = scanner.skip_space(i)
        name = NAME.match(text, i)
        if not name or scanner.peek(scanner.skip_space(name.end())) != "=":
            raise BibSyntaxError(line, "@string needs a name and '=' (write @string{name = {value}})")
        i = scanner.skip_space(_value(scanner, scanner.skip_space(name.end()) + 1, name.group(), None))
        if scanner.peek(i) != closer:
            raise BibSyntaxError(line, f"@string '{name.group()}' is not closed (add '{closer}' after its value)")
        scanner.macros.add(name.group().casefold())
        return i + 1

    i = scanner.skip_space(i)
    key = KEY.match(text, i)
    entry = Entry(type=match.group(), key=key.group() if key else None, line=line, key_line=scanner.line(i))
    entries.append(entry)
    if not key:
        raise BibSyntaxError(
            line, f"the @{entry.type} entry has no key (write @{entry.type}{{key, ...}} with a key the pages cite)"
        )
    i = scanner.skip_space(key.end())
    if scanner.peek(i) == closer:  # an entry without fields
        entry.closed_on = scanner.line(i)
        return i + 1
    if scanner.peek(i) != ",":
        raise BibSyntaxError(
            line, f"no ',' after the key '{entry.key}' (write @{entry.type}{{{entry.key}, name = {{value}}, ...}})"
        )
    i += 1
    label = f"entry '{entry.key}'"
    last_value_end = i

    def unclosed() -> BibSyntaxError:
        return _run_on_value(scanner, entry) or BibSyntaxError(
            line,
            f"{label} is not closed: there is no '{closer}' after its last field on line "
            f"{scanner.line(last_value_end - 1)} (add a line '{closer}' after line {scanner.line(last_value_end - 1)})",
        )

    def misplaced_comment(j: int) -> BibSyntaxError:
        return _run_on_value(scanner, entry) or BibSyntaxError(
            scanner.line(j), f"a % comment inside {label} (BibTeX does not allow it: move the comment above the entry)"
        )

    def at_end_or_comment(j: int) -> BibSyntaxError | None:
        """An error when what is at j (after whitespace) ends or leaves the entry."""
        if scanner.peek(j) == "%":
            k = scanner.skip_space_and_comments(j)
            if scanner.peek(k) == closer or _looks_like_field(scanner, k):
                return misplaced_comment(j)
            return unclosed()
        if scanner.peek(j) in ("", "@"):
            return unclosed()
        return None

    while True:
        # After the key's or a value's ',': a field's name, or the end of the entry.
        i = scanner.skip_space(i)
        if scanner.peek(i) == closer:
            entry.closed_on = scanner.line(i)
            return i + 1
        if problem := at_end_or_comment(i):
            raise problem
        name = NAME.match(text, i)
        if not name:
            raise _run_on_value(scanner, entry) or BibSyntaxError(
                scanner.line(i),
                f"'{scanner.snippet(i)}' where a field's name or the '{closer}' closing {label} "
                "should be (write fields as name = {value}, separated by ',')",
            )
        j = scanner.skip_space(name.end())
        if scanner.peek(j) != "=":
            if problem := at_end_or_comment(j):
                raise problem
            raise _run_on_value(scanner, entry) or BibSyntaxError(
                scanner.line(name.start()),
                f"field '{name.group()}' has no '=' before its value (write {name.group()} = {{...}})",
            )
        folded = name.group().casefold()
        if folded in entry.fields:
            raise BibSyntaxError(
                scanner.line(name.start()),
                f"field '{name.group()}' appears twice in {label} (first on line "
                f"{entry.fields[folded]}) (keep one of them)",
            )
        entry.fields[folded] = scanner.line(name.start())
        i = _value(scanner, j + 1, name.group(), entry)
        last_value_end = i
        j = scanner.skip_space(i)
        c = scanner.peek(j)
        if c == ",":
            i = j + 1
        elif c == closer:
            entry.closed_on = scanner.line(j)
            return j + 1
        elif problem := at_end_or_comment(j):
            raise problem
        elif following := _looks_like_field(scanner, j):
            raise _run_on_value(scanner, entry) or BibSyntaxError(
                scanner.line(i - 1),
                f"no ',' after the value of '{name.group()}', before the field '{following}' on line "
                f"{scanner.line(j)} (add ',' after the value)",
            )
        else:
            raise _run_on_value(scanner, entry) or BibSyntaxError(
                scanner.line(j),
                f"unexpected '{scanner.snippet(j)}' after the value of '{name.group()}': the braces of the value do not "
                "balance, a '}' too many ends it early (remove the extra '}' or add the missing '{'; "
                "if a field starts here, put ',' before it)",
            )


def parse(text: str) -> tuple[list[Entry], list[tuple[int, str]]]:
    """The entries of a BibTeX text, and its syntax problems as (line, message)."""
    scanner = _Scanner(text)
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
            pos = _block(scanner, at, entries)
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


def _outside(scanner: _Scanner, start: int, end: int, after: Entry | None) -> tuple[int, str] | None:
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
