"""A reading page of `docs/` read into blocks (paragraphs, list items, quotations,
headings), each with its permanent ID, its lines and the apparatus written above it, with
the same reading of comments and front matter as Python-Markdown and MkDocs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from qarabagh_edition import front_matter
from qarabagh_edition.apparatus import KINDS as APPARATUS_KINDS

# `{: #political-12 }` or `{: #abstract-1 .abstract }`, alone on the paragraph's last line.
# (No two parts of a pattern here may match the same characters, as `\s*` and `[^}]*` did:
# on a long run of spaces, the engine would try every way of sharing them out.)
ATTR_LINE = re.compile(r"^\s*+\{:?(?P<attrs>[^}]*)\}\s*+$")
# `# Heading text { #heading-id .class }`: the hashes, then the rest of the line, whose
# trailing `{ ... }` (TRAILING_ATTRS, looked for in the rest without its end spaces) holds
# the heading's ID and classes.
HEADING = re.compile(r"^(?P<hashes>#{1,6})[ \t]++(?P<rest>.*)")
TRAILING_ATTRS = re.compile(r"\{:?(?P<attrs>[^{}]*)\}$")
ID_IN_ATTRS = re.compile(r"(?:^|\s)#(?P<id>[^\s}]+)")
CLASS_IN_ATTRS = re.compile(r"(?:^|\s)\.(?P<cls>[^\s}]+)")
LIST_MARKER = re.compile(r"^(?:[-*+]|\d+\.)\s+")
# The apparatus above a paragraph (qarabagh_edition.apparatus): `<!-- emendation: old → new | why -->`,
# `<!-- query: words | question -->`, `<!-- reviewed: yes -->`. Above a list, a line may
# name the item it is about: `<!-- [political-7] reviewed: no -->`. (`correction:` is the
# old, unclassed form, kept only to be reported.)
# (The note's text ends at the first `-->`; the spaces around it are normalise()'s to
# drop: a `\s*` before `-->` would share a run of spaces with `.*?`, and backtrack.)
NOTE = re.compile(
    r"^\s*+<!--\s*+(?:\[(?P<target>[^\]\s]+)\]\s*+)?"
    rf"(?P<kind>correction|{'|'.join(APPARATUS_KINDS)})\s*+:(?P<text>.*?)-->\s*+$",
    re.S | re.I,
)
# A comment that looks like a note but names no kind of note: `<!-- querry: ... -->`.
UNKNOWN_NOTE = re.compile(r"^\s*+<!--\s*+(?:\[[^\]\s]+\]\s*+)?(?P<kind>[A-Za-z][\w-]*+)\s*+:", re.S)


@dataclass
class Block:
    """A paragraph, list item, quotation or heading of a reading page."""

    kind: str  # "heading", "paragraph", "item" or "quote"
    path: str  # e.g. "docs/social-impacts.md", relative to the project
    line: int  # first line of the block, 1-based, counting the front matter
    id: str | None
    text: str  # Markdown inline source, lines joined by single spaces
    classes: list[str] = field(default_factory=list)
    level: int = 0  # heading level
    end_line: int = 0  # last line of the block (its ID line)
    # Editors' notes written above the block: ("correction" | "query", text, line).
    notes: list[tuple[str, str, int]] = field(default_factory=list)

    def notes_of(self, kind: str) -> list[str]:
        return [text for note_kind, text, _ in self.notes if note_kind == kind]

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}"


def normalise(text: str) -> str:
    """Fold runs of white space: line breaks in the source are not part of the wording."""
    return re.sub(r"\s+", " ", text).strip()


def _attrs(attrs: str | None) -> tuple[str | None, list[str]]:
    if not attrs:
        return None, []
    found = ID_IN_ATTRS.search(attrs)
    return (found.group("id") if found else None), CLASS_IN_ATTRS.findall(attrs)


def parse_page(source: str, path: str) -> tuple[list[Block], list[str]]:
    """Split a reading page into blocks. Returns the blocks and the problems found.

    A block is a run of non-blank lines. Its ID is the `{: #id }` line that ends it;
    in a list, each item ends with its own indented `{: #id }` line.
    """
    lines = source.split("\n")
    problems: list[str] = []
    # Front matter as MkDocs reads it: what it does not take is the page's text.
    start = front_matter.read(source).lines
    if start == 0 and lines[0].strip() == "---" and not any(line.strip() in ("---", "...") for line in lines[1:]):
        problems.append(f"{path}:1: the front matter opened by '---' is never closed (add a '---' line after it)")
        return [], problems

    blocks: list[Block] = []
    run: list[tuple[int, str]] = []
    pending: list[tuple[str | None, str, str, int]] = []  # notes waiting for the block(s) they stand above

    def flush() -> None:
        if run:
            new_blocks = _blocks_of_run(run, path, problems)
            if pending:
                # A note above a list belongs to each of its items, or to the one it names.
                for target, kind, text, line in pending:
                    if target is not None and target not in {b.id for b in new_blocks}:
                        problems.append(
                            f"{path}:{line}: this note names '{target}', which is not the paragraph "
                            "or list item below it (check the ID in [...])"
                        )
                    for block in new_blocks:
                        if target is None or target == block.id:
                            block.notes.append((kind, text, line))
                pending.clear()
            blocks.extend(new_blocks)
            run.clear()

    comment: list[str] = []
    comment_line = 0
    for index in range(start, len(lines)):
        line = lines[index]
        if not comment and not line.startswith("<!--"):
            problems += _declarations_in_text(line, path, index + 1)
        if comment or line.startswith("<!--"):
            # Comments are not content; `<!-- correction: ... -->` and
            # `<!-- query: ... -->` are notes on the block below them.
            if not comment:
                flush()
                comment_line = index + 1
            comment.append(line)
            if len(comment) > 1 and line.lstrip().startswith("<!--"):
                problems.append(
                    f"{path}:{comment_line}: this comment is never closed: the next one starts at line "
                    f"{index + 1} (end it with '-->')"
                )
            if "-->" in line:
                after = line.split("-->", 1)[1].strip()
                if after:
                    problems.append(
                        f"{path}:{index + 1}: text after the end of a comment ('-->'): '{after[:60]}' "
                        "would be published outside any paragraph's record (put it in a paragraph of "
                        "its own lines, or inside the comment)"
                    )
                text = "\n".join(comment)
                problems += _comment_problems(text, path, comment_line)
                note = NOTE.match(text)
                if note:
                    pending.append(
                        (note.group("target"), note.group("kind").lower(), normalise(note.group("text")), comment_line)
                    )
                elif UNKNOWN_NOTE.match(text):
                    kind = UNKNOWN_NOTE.match(text).group("kind")
                    problems.append(
                        f"{path}:{comment_line}: '{kind}:' is not a kind of note (one of: "
                        f"{', '.join(APPARATUS_KINDS)}; check the spelling)"
                    )
                comment = []
            continue
        if line.strip() == "":
            flush()
        else:
            run.append((index + 1, line))
    flush()
    if comment:
        problems.append(
            f"{path}:{comment_line}: this comment is never closed (end it with '-->' on its last line): "
            "the rest of the page would be hidden from the rules, and not from every reader"
        )
    for _, kind, _, line in pending:
        problems.append(
            f"{path}:{line}: this {kind} note stands above no paragraph (put it directly above the paragraph it is about)"
        )
    return blocks, problems


# One parser's view. The rules read a page through parse_page, readers through
# Python-Markdown and an HTML parser; where these could disagree about what is a comment
# (and so hidden), text would be shown that no rule saw. So a comment has one form only,
# whose end all three agree on: whole lines, `<!--` in the first column, `-->` ending its
# last line, and between them no `--` (HTML also ends a comment at `--!>`, and at `>` or
# `->` right after the opening) and no second `<!--`. Every other way of hiding text from
# HTML (`<!` declarations and CDATA, `<?` processing instructions, a comment elsewhere
# in a line or indented) is refused outright: a reading page has no use for them.
def _comment_problems(text: str, path: str, line: int) -> list[str]:
    rest = text[len("<!--") :]
    body = rest[: rest.rindex("-->")] if "-->" in rest else None  # None: '<!-->', '<!--->'
    if body is None or body.startswith((">", "->")) or "--" in body or body.endswith("-") or "<!" in body:
        return [
            f"{path}:{line}: this comment is not of the one form the edition reads: '<!-- ... -->' with no "
            "'--' and no '<!' inside (HTML would end it elsewhere, at '--!>' or '<!-->', and show readers text "
            "that no rule sees; write the note as '<!-- kind: text -->')"
        ]
    return []


HIDING_MARKUP = re.compile(r"<!|<\?|--!?>|\]\]>")


def _declarations_in_text(line: str, path: str, number: int) -> list[str]:
    found = HIDING_MARKUP.search(line)
    if not found:
        return []
    return [
        f"{path}:{number}: '{found.group(0)}' is not allowed here: comments stand on lines of their own, "
        "starting in the first column with '<!--' and ending with '-->'; declarations ('<!...'), CDATA "
        "and processing instructions ('<?...') are not used at all (readers' browsers would hide text "
        "there that the rules read differently; remove it, or write the characters as text: &lt;!)"
    ]


def _blocks_of_run(run: list[tuple[int, str]], path: str, problems: list[str]) -> list[Block]:
    first_line, first = run[0]
    heading = HEADING.match(first)
    if heading and len(run) == 1:
        rest = heading.group("rest").rstrip()
        attrs = TRAILING_ATTRS.search(rest)
        ident, classes = _attrs(attrs.group("attrs") if attrs else None)
        text = rest[: attrs.start()].rstrip() if attrs else rest
        block = Block(
            "heading", path, first_line, ident, text, classes, len(heading.group("hashes")), end_line=first_line
        )
        if ident is None:
            problems.append(
                f"{path}:{first_line}: heading '{block.text}' has no ID "
                f"(end the line with {{ #some-words }}; IDs are permanent URL anchors)"
            )
        return [block]
    if LIST_MARKER.match(first):
        return _list_items(run, path, problems)
    kind = "paragraph"
    if first.startswith(">"):
        kind = "quote"
        run = [(n, re.sub(r"^>\s?", "", text)) for n, text in run]
    return [_ended_by_attrs(kind, run, path, problems)]


def _list_items(run: list[tuple[int, str]], path: str, problems: list[str]) -> list[Block]:
    items: list[list[tuple[int, str]]] = []
    for number, text in run:
        if LIST_MARKER.match(text):
            items.append([(number, LIST_MARKER.sub("", text, count=1))])
        else:
            items[-1].append((number, text))
    return [_ended_by_attrs("item", item, path, problems) for item in items]


def _ended_by_attrs(kind: str, run: list[tuple[int, str]], path: str, problems: list[str]) -> Block:
    first_line = run[0][0]
    attrs = ATTR_LINE.match(run[-1][1]) if len(run) > 1 else None
    ident, classes = _attrs(attrs.group("attrs") if attrs else None)
    body = run[:-1] if attrs else run
    block = Block(
        kind, path, first_line, ident, normalise(" ".join(text for _, text in body)), classes, end_line=run[-1][0]
    )
    # A block without an ID is reported by published_layer.check_ids, which knows which
    # published ID it has lost (an ID is never made up anew).
    return block
