"""What a page's content may be once the edition has made it: the second gate of the
HTML allowlist, and the one every page passes through.

`html_allowlist` judges what a contributor writes in docs/, line by line. But pages are
also made from the project's data: the glossary and the timeline (data/), the
bibliography and its audit (bib/, through Pandoc), the record pages (published/). Their
text reaches the page through the edition's own transforms, which write markup of their
own. So the content of every page, as the template will get it, is cleaned again by nh3
against the source allowlist widened by exactly the markup those transforms write (the
elements, attributes and classes below, no more): a script, an event attribute, a
`javascript:` link or a file from elsewhere is refused wherever it came from.

Only the reporting is ours: where the refused thing is written, found by looking for it
in the page's own source and then in the data it is made from.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from pathlib import Path

from qarabagh_edition.rules.allowlist import ATTRIBUTES, CLASSES, RESOURCE_ATTRIBUTES, SOURCE, TAGS, Allowlist, sanitize
from qarabagh_edition.rules.allowlist_judgement import Removed, removed_by_sanitizer
from qarabagh_edition.rules.allowlist_messages import describe, needles

# The markup the edition's transforms write (qarabagh_edition.markdown, .pages, the hooks).
# A transform that writes something new adds it here, with the module that writes it.
EDITION_TAGS = {"aside"}  # editorial notes (markdown/citations.py, pages/two_readings.py)
EDITION_ATTRIBUTES = {
    "*": {"aria-label", "role"},
    "a": {"data-for", "data-tooltip", "data-change", "data-search-exclude", "download"},  # markers, conj., tooltips
    "p": {"data-paragraph", "data-reading", "data-search-exclude"},  # paragraph numbers, readings, search
    "li": {"data-paragraph", "data-reading"},
    "span": {"data-tooltip", "data-search-exclude", "data-change", "data-query"},  # badges, change marks
    "ul": {"data-search-exclude"},  # the Corrections page's reasons
}
EDITION_CLASSES = {
    "actors-in-section",
    "apparatus-alternatives",  # pages/corrections.py: a conjecture's other readings weighed
    "apparatus-class",
    "apparatus-revision",  # pages/corrections.py: when a change's line last changed, and the commit
    "apparatus-entry",
    "apparatus-entry--conjecture",
    "apparatus-entry--emendation",
    "apparatus-entry--normalisation",
    "apparatus-entry--query",
    "apparatus-entry--supplied",
    "apparatus-list",
    "as-published",
    "change",  # markdown/change_marks.py: each change where it stands, by class
    "change--conjecture",
    "change--deletion",
    "change--emendation",
    "change--normalisation",
    "change--supplied",
    "citation",
    "conjecture-mark",
    "corrected-marker",
    "changes-by-class",  # pages/corrections.py: a list of the changes of one class (corrections.js)
    "changes-by-class--conjecture",
    "changes-by-class--emendation",
    "changes-by-class--normalisation",
    "changes-by-class--query",
    "changes-by-class--supplied",
    "correction-diff",
    "correction-heading",
    "correction-whole",  # pages/corrections.py: the folded word diff
    "correction-meta",
    "correction-why",
    "editorial-badge",
    "editorial-label",
    "editorial-note",
    "editorial-query",
    "fact-dating",
    "glossary-description",
    "glossary-forms",
    "glossary-mentions",
    "glossary-term",
    "language-markdown",
    "language-text",
    "reading-marker",
    "reading-time",
    "record-affiliation",
    "record-byline",
    "record-contents",
    "record-corresponding",
    "timeline-actors",
    "timeline-date",
    "timeline-paragraphs",
    "queried",  # markdown/change_marks.py: a query's words
    "nocase",  # Pandoc's citeproc, in the formatted references (cite_this.py)
    "headerlink",  # toc's permalinks, which the pages' own judgment leaves out (html_allowlist.render)
}


def _merged(*tables: dict) -> dict:
    merged: dict = {}
    for table in tables:
        for tag, names in table.items():
            merged.setdefault(tag, set()).update(names)
    return merged


BUILT = Allowlist(
    tags=frozenset(TAGS | EDITION_TAGS),
    attributes=_merged(ATTRIBUTES, EDITION_ATTRIBUTES),
    classes=frozenset(CLASSES | EDITION_CLASSES),
    resource_attributes=frozenset(RESOURCE_ATTRIBUTES),
)
assert SOURCE.tags <= BUILT.tags  # the built page is judged at least as strictly as it is written


@dataclass(frozen=True)
class Verdict:
    """A page's content as it may be published, and what had to be taken out of it."""

    content: str
    problems: list[str]


def check_content(content: str, page: str, sources: dict[str, str]) -> Verdict:
    """Judge one page's content. `sources`: shown path -> text of the files it may come
    from, the page's own source first. Refused markup is taken out of the content (so
    that even a build that goes on publishes none of it) and reported as
    `file:line: what is not allowed (how to fix) [in page]`."""
    removed = removed_by_sanitizer(content, BUILT)
    if not removed:
        return Verdict(content, [])
    problems = sorted({f"{where(item, sources)}: {describe(item)} [in {page}]" for item in removed})
    return Verdict(sanitize(content, BUILT), problems)


def check_markup(fragments: dict[str, str], shown: str, source: str) -> list[str]:
    """`file:line: what is not allowed (how to fix)` for HTML fragments a template prints
    (e.g. the Cite box's formatted references), all made from one source file."""
    problems = set()
    for name, fragment in fragments.items():
        for item in removed_by_sanitizer(fragment or "", BUILT):
            problems.add(f"{where(item, {shown: source})}: {describe(item)} [in {name}]")
    return sorted(problems)


def where(item: Removed, sources: dict[str, str]) -> str:
    """`file:line` where the refused thing is written: the most particular sign of it
    (the attribute with its value, the value, the attribute, the tag) looked for in each
    source in turn; the first source (the page's own) when none has it."""
    for needle in needles(item):
        for shown, text in sources.items():
            for number, line in enumerate(text.split("\n"), start=1):
                if needle in html.unescape(line).lower():
                    return f"{shown}:{number}"
    return f"{next(iter(sources), '?')}:1"


def source_files(root: Path, page_source: str | None) -> dict[str, str]:
    """The files a page may be made from: its own source, then the project's data."""
    sources: dict[str, str] = {}
    if page_source:
        path = root / page_source
        if path.is_file():
            sources[page_source] = path.read_text(encoding="utf-8", errors="replace")
    for folder, pattern in (("data", "*.yml"), ("bib", "*"), ("published", "*.yml")):
        for path in sorted((root / folder).glob(pattern)):
            if path.is_file():
                sources[path.relative_to(root).as_posix()] = path.read_text(encoding="utf-8", errors="replace")
    return sources


def check_changes(data: str, shown: str, sources: dict[str, str]) -> Verdict:
    """A reading page's changes.json (what its markers open, as HTML pieces that
    readings.js puts into the page) judged like a page: refused markup is taken out of
    the piece and reported."""
    entries = json.loads(data)
    problems: set[str] = set()
    for paragraph, pieces in entries.items():
        for name, piece in pieces.items():
            if not isinstance(piece, str):  # every piece is text today; anything else is not judged, so refused
                problems.add(
                    f"{shown}:1: the piece '{name}' of {paragraph} is not text, so it cannot be judged "
                    "(a change of qarabagh_edition.pages.corrections.changes_entry)"
                )
                pieces[name] = ""
            elif removed := removed_by_sanitizer(piece, BUILT):
                problems.update(
                    f"{where(item, sources)}: {describe(item)} [in {shown}, {paragraph}]" for item in removed
                )
                pieces[name] = sanitize(piece, BUILT)
    if not problems:
        return Verdict(data, [])
    return Verdict(json.dumps(entries, ensure_ascii=False, sort_keys=True), sorted(problems))
