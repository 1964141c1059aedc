"""What readers see of the apparatus: what a corrected paragraph's marker opens (the
marker and the queries under a paragraph are written by markdown.reading_markers), and
the Corrections page, which groups and counts every change by its class."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

import markdown

from qarabagh_edition.apparatus import CHANGE_KINDS, LABELS, PLURALS, Apparatus, Change, supplied_words
from qarabagh_edition.history import Revision
from qarabagh_edition.pages.word_diff import changes_in_context, word_diff


@dataclass
class Paragraph:
    """A body paragraph of the reading, with what the apparatus says of it."""

    page: str  # e.g. "social-impacts.md"
    id: str
    published: str  # Markdown inline text as printed
    corrected: str  # the reading's text, citations as printed
    apparatus: Apparatus
    revision: Revision | None
    order: int  # reading order
    change_revisions: list = field(default_factory=list)  # each change's line's last commit (git), or None

    @property
    def corrected_differs(self) -> bool:
        return bool(self.apparatus.changes)

    @property
    def number(self) -> str:
        return self.id.rsplit("-", 1)[-1]


_inline_markdown = markdown.Markdown()  # one converter: building one costs more than converting


def inline_html(text: str) -> str:
    rendered = _inline_markdown.reset().convert(text)
    return re.sub(r"^<p>(.*)</p>$", r"\1", rendered.strip(), flags=re.S)


# -- Beside a paragraph ----------------------------------------------------------------


def _when_and_commit(revision: Revision, repo_url: str | None) -> tuple[str, str]:
    """A revision's date and its commit (linked when the repository is known), as HTML."""
    from qarabagh_edition.dates import format_date

    commit = (
        f'<a href="{html.escape(repo_url.rstrip("/"))}/commit/{revision.commit}">{revision.short}</a>'
        if repo_url
        else f"<code>{revision.short}</code>"
    )
    return f'<time datetime="{revision.date}">{format_date(revision.date)}</time>', commit


def revision_html(revision: Revision | None, repo_url: str | None) -> str:
    if revision is None:
        return "Not yet committed."
    when, commit = _when_and_commit(revision, repo_url)
    return f"Last revised {when} ({commit})."


def change_revision(revision: Revision | None, repo_url: str | None) -> str:
    """When a change's line was last changed, and in which commit: who changed what."""
    if revision is None:
        return ""
    when, commit = _when_and_commit(revision, repo_url)
    return f' <span class="apparatus-revision">(changed {when}, {commit})</span>'


def other_readings(change: Change) -> str:
    """A conjecture's other readings weighed (TEI <rdg> beside the <lem>), as HTML."""
    if not change.alternatives:
        return ""
    readings = "; ".join(f"<q>{html.escape(r)}</q>" for r in change.alternatives)
    return f' <span class="apparatus-alternatives">Other readings weighed: {readings}.</span>'


def apparatus_items(apparatus: Apparatus, reason=html.escape, revisions=(), repo_url: str | None = None) -> str:
    """Each change with its class, its published and corrected words, its reason and, from
    `revisions` (one per change, or none), its last commit; then the queries, with their
    words and question. `reason`: a reason's text as HTML."""
    items = []
    for number, change in enumerate(apparatus.changes):
        revision = change_revision(revisions[number], repo_url) if number < len(revisions) else ""
        items.append(
            f'<li class="apparatus-entry apparatus-entry--{change.kind}">'
            f'<span class="apparatus-class">{LABELS[change.kind]}</span> {change_words(change)}: '
            f"{reason(change.reason)}{other_readings(change)}{revision}</li>"
        )
    for query in apparatus.queries:  # after the changes: a change's place in the list is its number
        items.append(
            '<li class="apparatus-entry apparatus-entry--query"><span class="apparatus-class">Query</span> '
            f"“{html.escape(query.words)}”: {reason(query.question)}</li>"
        )
    return "\n".join(items)


def change_words(change: Change) -> str:
    """The printed words and the reading's, as HTML. Supplied words replace nothing: shown
    as added, beside the printed words that place them."""
    added = supplied_words(change) if change.kind == "supplied" else ""
    if added:
        where = "before" if change.new.startswith(added) else "after"
        return f"<ins>{html.escape(added)}</ins> ({where} “{html.escape(change.old)}”)"
    return f"<del>{html.escape(change.old)}</del> → <ins>{html.escape(change.new)}</ins>"


def marker_label(apparatus: Apparatus) -> str:
    """The words of a corrected paragraph's marker (markdown.reading_markers writes it)."""
    return "Corrected · conjecture" if apparatus.of("conjecture") else "Corrected"


def changes_entry(paragraph: Paragraph, repo_url: str | None) -> dict[str, str]:
    """What the marker opens, as HTML pieces: the published wording, the changes in
    context, every change of the apparatus with its class and reason, the revision."""
    return {
        "label": marker_label(paragraph.apparatus),
        "number": str(paragraph.number),
        "published": inline_html(paragraph.published),
        "changes": changes_in_context(paragraph.published, paragraph.corrected),
        "apparatus": apparatus_items(paragraph.apparatus, revisions=paragraph.change_revisions, repo_url=repo_url),
        "revised": revision_html(paragraph.revision, repo_url),
    }


# -- The Corrections page --------------------------------------------------------------


def progress(paragraphs: list[Paragraph]) -> tuple[int, int]:
    """(paragraphs reviewed, body paragraphs in all)."""
    return sum(1 for p in paragraphs if p.apparatus.reviewed), len(paragraphs)


def progress_sentence(paragraphs: list[Paragraph]) -> str:
    done, total = progress(paragraphs)
    return f"{done} of {total} paragraphs reviewed"


# A word that may be a paragraph's ID ("social-15"): linked where it is one.
_ID_WORD = re.compile(r"\b([a-z][a-z0-9]*(?:-[a-z0-9]+)+)\b")


def _with_paragraphs(text: str, known: dict[str, Paragraph], plain, linked) -> str:
    """`text` with every paragraph ID in it written by `linked(paragraph)`, the rest by `plain`."""
    parts = _ID_WORD.split(text)
    return "".join(linked(known[part]) if i % 2 and part in known else plain(part) for i, part in enumerate(parts))


def corrections_markdown(paragraphs: list[Paragraph], titles: dict[str, str], repo_url: str | None, href) -> str:
    """The Corrections page's generated part, in the paper's order (the navigation's, as
    `titles`: page -> its title). `href(page)`: the page's URL from the Corrections page,
    for the links in HTML that MkDocs does not resolve."""
    known = {p.id: p for p in paragraphs}
    pages = list(titles)
    paragraphs = sorted(paragraphs, key=lambda p: (pages.index(p.page) if p.page in pages else len(pages), p.order))

    def name(p: Paragraph) -> str:
        return f"{titles.get(p.page, p.page)} ¶ {p.number}"

    def link(p: Paragraph) -> str:
        return f"[{_md(name(p))}]({p.page}#{p.id})"

    def reason_md(text: str) -> str:  # a reason's "social-15" as "Social Impacts ¶ 15", linked
        return _with_paragraphs(text, known, _md, link)

    def reason_html(text: str) -> str:
        def linked(p: Paragraph) -> str:
            return f'<a href="{html.escape(href(p.page))}#{p.id}">{html.escape(name(p))}</a>'

        return _with_paragraphs(text, known, lambda part: html.escape(part), linked)

    counts = {k: sum(len(p.apparatus.of(k)) for p in paragraphs) for k in CHANGE_KINDS}
    counts["query"] = sum(len(p.apparatus.queries) for p in paragraphs)
    corrected = [p for p in paragraphs if p.corrected_differs]
    out = [
        "## Progress { #progress }",
        "",
        f"**{progress_sentence(paragraphs)}.** {len(corrected)} paragraphs of the corrected reading differ "
        "from the published text.",
        "",
        "| Class | What it is | Count |",
        "| --- | --- | --- |",
        f"| [Normalisation](#normalisations) | a name in the glossary's standard spelling | {counts['normalisation']} |",
        f"| [Emendation](#emendations) | the meaning is certain: grammar, a clear typo, a plainly mistranslated word "
        f"| {counts['emendation']} |",
        f"| [Conjecture](#conjectures) | the editors' best reading of an ambiguous passage | {counts['conjecture']} |",
        f"| [Supplied](#supplied) | words the editors add that have no printed counterpart | {counts['supplied']} |",
        f"| [Query](#queries) | the wording is left as published, and a question asked | {counts['query']} |",
        "",
    ]
    for kind, anchor in (
        ("conjecture", "conjectures"),
        ("supplied", "supplied"),
        ("query", "queries"),
        ("emendation", "emendations"),
        ("normalisation", "normalisations"),
    ):
        # The classes: what corrections.js filters by (not IDs, which content could also give).
        out += [f"## {PLURALS[kind]} ({counts[kind]}) {{ #{anchor} .changes-by-class .changes-by-class--{kind} }}", ""]
        rows = []
        for p in paragraphs:
            if kind == "query":
                rows += [f"- {link(p)}: “{_md(q.words)}”: {reason_md(q.question)}" for q in p.apparatus.queries]
            else:
                rows += [
                    f"- {link(p)}: {change_words(c)}: {reason_md(c.reason)}{other_readings(c)}"
                    for c in p.apparatus.of(kind)
                ]
        out += (rows or ["None."]) + [""]
    out += ["## Corrected paragraphs { #corrected-paragraphs }", ""]
    for p in corrected:
        out += [
            f"### {titles.get(p.page, p.page)} ¶ {p.number} {{ #correction-{p.id} .correction-heading }}",
            "",
            f"[Read ¶ {p.number} in context]({p.page}#{p.id}) · {revision_html(p.revision, repo_url)}",
            "{: .correction-meta }",
            "",
            # Left out of the search index: the whole paragraph in both readings, which the
            # reading and the record's pages hold already, and the changes the lists above hold.
            # Folded: the whole paragraph, word by word, is what makes the page long on a phone.
            '<details class="correction-whole"><summary>The whole paragraph, word by word</summary>',
            f'<p class="correction-diff" data-search-exclude>{word_diff(p.published, p.corrected)}</p>',
            "</details>",
            "",
            f'<ul class="apparatus-list correction-why" data-search-exclude>\n'
            f"{apparatus_items(p.apparatus, reason_html, p.change_revisions, repo_url)}\n</ul>",
            "",
        ]
    return "\n".join(out)


# Every character Python-Markdown's backslash escapes (markdown.Markdown.ESCAPED_CHARS):
# code spans, attr_list's braces, links, images, emphasis.
_MARKDOWN_CHARACTER = re.compile(r"([\\`*_{}\[\]()>#+\-.!])")


def _md(text: str) -> str:
    """Plain text safe inside a Markdown list item: a reason or a query is written in an
    HTML comment, which no allowlist renders, so none of its Markdown may act (a code span
    with `{: #id .class }` after it took one of the edition's IDs and hid text)."""
    escaped = _MARKDOWN_CHARACTER.sub(r"\\\1", html.escape(text, quote=False))
    return escaped.replace('"', "&quot;").replace("'", "&#x27;")  # as html.escape writes them
