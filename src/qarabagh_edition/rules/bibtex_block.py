"""One block of a BibTeX text, from its '@' to its closing brace: an entry, `@string`,
`@preamble` or `@comment`, read with the scanner's pieces."""

from __future__ import annotations

from qarabagh_edition.rules.bibtex_scanner import (
    KEY,
    NAME,
    BibSyntaxError,
    Entry,
    Scanner,
    looks_like_field,
    read_value,
    run_on_value,
    skip_group,
)


def read_block(scanner: Scanner, at: int, entries: list[Entry]) -> int:
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
        return skip_group(scanner, i, "@comment", line) if opener in ("{", "(") else i
    if opener not in ("{", "("):
        raise BibSyntaxError(
            line, f"'@{match.group()}' is not followed by '{{' (write @{match.group()}{{key, name = {{value}}, ...}})"
        )
    closer = "}" if opener == "{" else ")"
    i += 1
    if kind == "preamble":
        i = scanner.skip_space(read_value(scanner, i, "@preamble", None))
        if scanner.peek(i) != closer:
            raise BibSyntaxError(line, f"@preamble is not closed (add '{closer}' after its value)")
        return i + 1
    if kind == "string":
        i = scanner.skip_space(i)
        name = NAME.match(text, i)
        if not name or scanner.peek(scanner.skip_space(name.end())) != "=":
            raise BibSyntaxError(line, "@string needs a name and '=' (write @string{name = {value}})")
        i = scanner.skip_space(read_value(scanner, scanner.skip_space(name.end()) + 1, name.group(), None))
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
        return run_on_value(scanner, entry) or BibSyntaxError(
            line,
            f"{label} is not closed: there is no '{closer}' after its last field on line "
            f"{scanner.line(last_value_end - 1)} (add a line '{closer}' after line {scanner.line(last_value_end - 1)})",
        )

    def misplaced_comment(j: int) -> BibSyntaxError:
        return run_on_value(scanner, entry) or BibSyntaxError(
            scanner.line(j), f"a % comment inside {label} (BibTeX does not allow it: move the comment above the entry)"
        )

    def at_end_or_comment(j: int) -> BibSyntaxError | None:
        """An error when what is at j (after whitespace) ends or leaves the entry."""
        if scanner.peek(j) == "%":
            k = scanner.skip_space_and_comments(j)
            if scanner.peek(k) == closer or looks_like_field(scanner, k):
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
            raise run_on_value(scanner, entry) or BibSyntaxError(
                scanner.line(i),
                f"'{scanner.snippet(i)}' where a field's name or the '{closer}' closing {label} "
                "should be (write fields as name = {value}, separated by ',')",
            )
        j = scanner.skip_space(name.end())
        if scanner.peek(j) != "=":
            if problem := at_end_or_comment(j):
                raise problem
            raise run_on_value(scanner, entry) or BibSyntaxError(
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
        i = read_value(scanner, j + 1, name.group(), entry)
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
        elif following := looks_like_field(scanner, j):
            raise run_on_value(scanner, entry) or BibSyntaxError(
                scanner.line(i - 1),
                f"no ',' after the value of '{name.group()}', before the field '{following}' on line "
                f"{scanner.line(j)} (add ',' after the value)",
            )
        else:
            raise run_on_value(scanner, entry) or BibSyntaxError(
                scanner.line(j),
                f"unexpected '{scanner.snippet(j)}' after the value of '{name.group()}': the braces of the value do not "
                "balance, a '}' too many ends it early (remove the extra '}' or add the missing '{'; "
                "if a field starts here, put ',' before it)",
            )
