"""Read the two texts of the edition: the reading pages in `docs/` and the frozen
as-published layer in `published/`. Shared by the hooks, the tests and the scripts.

Every problem is reported as `file:line: what is wrong (how to fix it)`, the form
editors and CI logs can jump to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from qarabagh_edition import front_matter
from qarabagh_edition.apparatus import KINDS as APPARATUS_KINDS
from qarabagh_edition.file_memo import remembered
from qarabagh_edition.pages.corrections import strip_emphasis  # noqa: F401 (the tests import it from here)

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
# A permanent ID: lower-case words and a number, e.g. `social-12`, `social-turkish-nationalism`.
VALID_ID = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


class ContentError(Exception):
    """One or more `file:line: message` problems in the content."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


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


@dataclass
class LayerEntry:
    id: str
    text: str
    path: str  # e.g. "published/social-impacts.yml"
    line: int
    kind: str  # "paragraph" or "heading"
    page: str  # the reading page it belongs to, e.g. "social-impacts.md"

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
    if ident is None:
        what = {"item": "list item", "quote": "quotation"}.get(kind, "paragraph")
        problems.append(
            f'{path}:{first_line}: {what} has no ID: "{_excerpt(block.text)}" '
            f"(add a line {{: #name-N }} directly under it, with a number not used before on this page)"
        )
    return block


def _excerpt(text: str, words: int = 8) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def load_yaml_with_lines(path: Path, shown_as: str) -> dict:
    """Load a YAML mapping; every mapping gets a `__lines__` entry: key -> line number."""
    from qarabagh_edition.rules.yaml_loader import load

    return load(path.read_text(encoding="utf-8"), shown_as, with_lines=True) or {}


# The files of `published/` that are not reading pages' layers.
NOT_PAGE_LAYERS = {"front.yml", "paper.yml", "frozen.yml"}


_layer_cache: dict[tuple, dict] = {}


def load_layer(root: Path) -> dict[str, LayerEntry]:
    """Every ID of the as-published layer with its verbatim text (read once per change of its files)."""
    files = sorted((root / "published").glob("*.yml"))
    return dict(remembered(_layer_cache, (str(root.resolve()),), files, lambda: _read_layer(root)))


def _read_layer(root: Path) -> dict[str, LayerEntry]:
    entries: dict[str, LayerEntry] = {}
    problems: list[str] = []
    for path in sorted((root / "published").glob("*.yml")):
        if path.name in NOT_PAGE_LAYERS:
            continue
        shown = f"published/{path.name}"
        data = load_yaml_with_lines(path, shown)
        page = data.get("page", "")
        for kind, section in (("heading", "headings"), ("paragraph", "paragraphs")):
            mapping = data.get(section) or {}
            lines = mapping.get("__lines__", {})
            for ident, text in mapping.items():
                if ident == "__lines__":
                    continue
                if ident in entries:
                    problems.append(
                        f"{shown}:{lines[ident]}: ID '{ident}' is already used at {entries[ident].where} "
                        "(each ID names one paragraph)"
                    )
                    continue
                entries[ident] = LayerEntry(ident, str(text), shown, lines[ident], kind, page)
    if problems:
        raise ContentError(problems)
    return entries


def is_editorial_page(source: str) -> bool:
    """A page whose front matter says `editorial: true` is written by the editors, not the authors."""
    return front_matter.read(source).data.get("editorial") is True


_pages_cache: dict[tuple, tuple] = {}


def load_pages(root: Path, docs_dir: str = "docs") -> tuple[dict[str, list[Block]], list[str]]:
    """Blocks of every reading page, keyed by the page's path inside `docs/` (read once per change)."""
    files = sorted((root / docs_dir).rglob("*.md"))
    pages, problems = remembered(
        _pages_cache, (str(root.resolve()), docs_dir), files, lambda: _read_pages(root, docs_dir)
    )
    return dict(pages), list(problems)


def holding_pages(root: Path, docs_dir: str = "docs") -> dict[str, str]:
    """Block ID -> the reading page that holds it (its path inside `docs/`): which page a
    rendered tree is, told by its IDs, as the rules read the pages."""
    pages, _ = load_pages(root, docs_dir)
    return {block.id: page for page, blocks in pages.items() for block in blocks if block.id}


def _read_pages(root: Path, docs_dir: str) -> tuple[dict[str, list[Block]], list[str]]:
    pages: dict[str, list[Block]] = {}
    problems: list[str] = []
    for path in sorted((root / docs_dir).rglob("*.md")):
        relative = path.relative_to(root / docs_dir).as_posix()
        source = path.read_text(encoding="utf-8")
        if is_editorial_page(source):
            continue  # the editors' own pages (glossary, timeline): not the paper, no published layer
        blocks, found = parse_page(source, f"{docs_dir}/{relative}")
        pages[relative] = blocks
        problems.extend(found)
    return pages, problems


def check_ids(pages: dict[str, list[Block]], layer: dict[str, LayerEntry]) -> list[str]:
    """Problems with the permanent IDs of the reading pages, measured against the layer."""
    problems: list[str] = []
    # The use of each ID that keeps it: the first on the page its published original belongs
    # to, else the first in page order. Any other use is the one reported, so that a reuse on
    # another page never tells the contributor to renumber the untouched original.
    first_use: dict[str, Block] = {}
    on_its_page: set[str] = set()
    for page, blocks in pages.items():
        for block in blocks:
            ident = block.id
            if ident is None or ident in on_its_page:
                continue
            entry = layer.get(ident)
            if entry is not None and entry.page == page:
                first_use[ident] = block
                on_its_page.add(ident)
            else:
                first_use.setdefault(ident, block)
    for blocks in pages.values():
        for block in blocks:
            ident = block.id
            if ident is None:
                continue  # already reported by parse_page
            if not VALID_ID.match(ident):
                problems.append(
                    f"{block.where}: ID '{ident}' is not of the form lower-case-words-and-numbers (e.g. 'social-12')"
                )
            if first_use[ident] is not block:
                problems.append(
                    f"{block.where}: ID '{ident}' is already used at {first_use[ident].where} "
                    "(IDs are permanent links and must be unique; give this one a new number never used before)"
                )
                continue
            entry = layer.get(ident)
            if "editorial" in block.classes and entry is not None:
                # `.editorial` says "the editors', not the paper's" (a badge, the editorial
                # style): on the paper's own words it would misattribute them.
                problems.append(
                    f"{block.where}: '{ident}' is the paper's own {entry.kind} ({entry.where}): "
                    "`.editorial` marks only what the editors added (remove `.editorial`)"
                )
                continue
            if block.kind == "heading" and "editorial" in block.classes:
                continue  # headings the editors added have no published text
            if entry is None:
                problems.append(
                    f"{block.where}: {block.kind} '{ident}' has no published text in published/ "
                    f"(check the ID's spelling; every paragraph must keep the ID of its published original)"
                )
            elif entry.kind != ("heading" if block.kind == "heading" else "paragraph"):
                problems.append(f"{block.where}: ID '{ident}' belongs to a {entry.kind} in {entry.where}")
    for ident, entry in layer.items():
        if ident not in first_use:
            problems.append(
                f"{entry.where}: the published {entry.kind} '{ident}' is missing from docs/{entry.page} "
                f"(its ID was removed or renamed; put {{: #{ident} }} back under that {entry.kind})"
            )
    return problems


# ---------------------------------------------------------------------------
# Citations: the reading pages cite with Pandoc keys where the paper printed
# "(Vaezi, 2008: 158-157)"; bib/citations.yml records each such replacement.
# ---------------------------------------------------------------------------

# The look-ahead first makes sure the bracket closes before another opens: without it, an
# unclosed `[` before a long run of `@key`s made the pattern try every split of the run.
CITATION = re.compile(r"\[(?=[^\[\]]*\])(?P<body>[^\[\]]*?-?@[\w:.#$%&+?<>~/-]+[^\[\]]*)\]")
CITED_KEY = re.compile(r"(?<![\w.])-?@(?P<key>[\w:.#$%&+?<>~/-]*[\w])")


@dataclass
class CitationRecord:
    paragraph: str
    published: str
    cite: str
    differs: str | None
    line: int
    occurrence: int = 1

    @property
    def keys(self) -> list[str]:
        return CITED_KEY.findall(self.cite)


def load_citations(root: Path, layer: dict[str, LayerEntry] | None = None) -> dict[str, list[CitationRecord]]:
    """bib/citations.yml, by paragraph ID, checked against the published layer."""
    path = root / "bib" / "citations.yml"
    if not path.exists():
        return {}
    shown = "bib/citations.yml"
    text = path.read_text(encoding="utf-8")
    from qarabagh_edition.rules.yaml_loader import load_node

    node, items = load_node(text, shown)  # no duplicate keys, no aliases
    items = items or []
    if not isinstance(items, list):
        raise ContentError(
            [
                f"{shown}:{node.start_mark.line + 1}: the file must be a list of citations, each "
                "starting with '- paragraph:' (see the comment at the top of the file)"
            ]
        )

    def wrong_fields(item: dict) -> list[tuple[str, str]]:
        """(field, message) for each field of a bib/citations.yml item whose value has the wrong type."""
        wrong = []
        for key, what in (
            ("paragraph", "a paragraph ID of published/, e.g. political-2"),
            ("published", "the citation exactly as printed, in quotes"),
            ("cite", "the Pandoc citation, in quotes"),
        ):
            if not isinstance(item[key], str) or not item[key].strip():
                wrong.append((key, f"{key} must be text ({what}), not {item[key]!r}"))
        differs = item.get("differs")
        if differs is not None and not isinstance(differs, str):
            wrong.append(
                (
                    "differs",
                    f"differs must be text (what disagrees with the reference list, in quotes), not {differs!r}",
                )
            )
        occurrence = item.get("occurrence", 1)
        if isinstance(occurrence, bool) or not isinstance(occurrence, int) or occurrence < 1:
            wrong.append(
                (
                    "occurrence",
                    "occurrence must be a whole number (1 for the first place the published "
                    f"words stand in the paragraph, 2 for the second, ...), not {occurrence!r}",
                )
            )
        return wrong

    problems: list[str] = []
    records: dict[str, list[CitationRecord]] = {}
    for item, item_node in zip(items, node.value if node else []):
        line = item_node.start_mark.line + 1
        if not isinstance(item, dict):
            problems.append(
                f"{shown}:{line}: a citation must be a set of fields (paragraph:, published:, cite:, "
                "each on its own line under the '-')"
            )
            continue
        missing = [k for k in ("paragraph", "published", "cite") if k not in item]
        if missing:
            problems.append(
                f"{shown}:{line}: citation lacks {', '.join(missing)} (every item needs paragraph, published, cite)"
            )
            continue
        field_lines = {k.value: k.start_mark.line + 1 for k, _ in item_node.value if isinstance(k, yaml.ScalarNode)}
        wrong = wrong_fields(item)
        if wrong:
            problems += [f"{shown}:{field_lines.get(key, line)}: {message}" for key, message in wrong]
            continue
        record = CitationRecord(
            item["paragraph"], item["published"], item["cite"], item.get("differs"), line, item.get("occurrence", 1)
        )
        if layer is not None:
            entry = layer.get(record.paragraph)
            if entry is None:
                problems.append(
                    f"{shown}:{line}: paragraph '{record.paragraph}' is not in the published layer (check the ID)"
                )
            elif record.published not in entry.text:
                problems.append(
                    f"{shown}:{line}: '{record.published}' is not in the published text of '{record.paragraph}' "
                    f"({entry.where}); copy it exactly as printed"
                )
        records.setdefault(record.paragraph, []).append(record)
    if problems:
        raise ContentError(problems)
    return records


def _replace_nth(text: str, old: str, new: str, occurrence: int) -> str:
    start = -1
    for _ in range(occurrence):
        start = text.find(old, start + 1)
        if start < 0:
            return text
    return text[:start] + new + text[start + len(old) :]


def uncorrected_reading(entry: LayerEntry, citations: dict[str, list[CitationRecord]]) -> str:
    """The published text as the reading page shows it before any correction:
    verbatim, except that printed citations become their Pandoc citations."""
    text = normalise(entry.text)
    for record in sorted(citations.get(entry.id, []), key=lambda r: -r.occurrence):
        text = _replace_nth(text, record.published, record.cite, record.occurrence)
    return text


def published_form(text: str, entry_id: str, citations: dict[str, list[CitationRecord]]) -> str:
    """A reading page's text with its citations written back as the paper printed them,
    so that comparing it with the published text shows only real corrections."""
    for record in citations.get(entry_id, []):
        text = text.replace(record.cite, record.published, 1)
    return text


def is_corrected(block: Block, layer: dict[str, LayerEntry], citations: dict[str, list[CitationRecord]]) -> bool:
    """Does the reading page's paragraph differ from its published original?"""
    entry = layer.get(block.id or "")
    if entry is None or block.kind == "heading":
        return False
    return block.text != uncorrected_reading(entry, citations)


def nav_titles(nav) -> dict[str, str]:
    """Page file -> its title in mkdocs.yml's nav."""
    titles: dict[str, str] = {}
    for item in nav or []:
        for title, value in item.items() if isinstance(item, dict) else []:
            if isinstance(value, str):
                titles[value] = title
            else:
                titles.update(nav_titles(value))
    return titles
