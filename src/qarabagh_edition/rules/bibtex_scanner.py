"""The pieces of BibTeX's entry syntax (qarabagh_edition.rules.bibtex_syntax says why it is
read here): names, keys and values, and the scanner that walks a text by offset and line.
A problem is raised as BibSyntaxError(line, message)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

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


class Scanner:
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


def looks_like_field(scanner: Scanner, i: int) -> str | None:
    """The field name at i when `name =` follows there."""
    match = NAME.match(scanner.text, i)
    if match and scanner.peek(scanner.skip_space(match.end())) == "=":
        return match.group()
    return None


def run_on_value(scanner: Scanner, entry: Entry) -> BibSyntaxError | None:
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


def read_value(scanner: Scanner, i: int, name: str, entry: Entry | None) -> int:
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


def skip_group(scanner: Scanner, i: int, what: str, line: int) -> int:
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
