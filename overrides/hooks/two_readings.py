"""Two readings of the paper: the corrected reading (docs/) and the text as published
(published/). Every paragraph whose corrected reading differs from the published text
gets a marker that opens the published wording, a word-level diff, the contributor's
rationale and the date of its last revision (from git); editorial queries are shown
under their paragraphs. The Corrections page lists them all, newest first.

Without JavaScript the page shows the corrected reading with the published wording
expandable (<details>); assets/javascripts/readings.js adds the switch to read the
whole site as published. Both readings are in the HTML, so search finds either.
"""
from __future__ import annotations

import difflib
import html
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import markdown
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).parent))  # MkDocs loads hooks by path, not as a package
from content_rules import check_corrections  # noqa: E402
from git_history import Revision, last_revision, line_revisions  # noqa: E402
from published_layer import (is_corrected, load_citations, load_layer, load_pages,  # noqa: E402
                             nav_titles, published_form, strip_emphasis)

CORRECTIONS_PAGE = "corrections.md"
CONTEXT_WORDS = 4  # words shown either side of a change beside a corrected paragraph
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


@dataclass
class Correction:
    page: str
    id: str
    published: str  # Markdown inline text as printed
    corrected: str  # the reading page's text, citations as printed
    rationale: list[str]
    revision: Revision | None
    order: int  # reading order, for ties


_state: dict = {}


def long_date(date: str) -> str:
    year, month, day = date.split("-")
    return f"{int(day)} {MONTHS[int(month) - 1]} {year}"


_inline_markdown = markdown.Markdown()  # one converter for every paragraph: building one costs more than converting


def inline_html(text: str) -> str:
    rendered = _inline_markdown.reset().convert(text)
    return re.sub(r"^<p>(.*)</p>$", r"\1", rendered.strip(), flags=re.S)


def _opcodes(published: str, corrected: str):
    old, new = strip_emphasis(published).split(), strip_emphasis(corrected).split()
    return old, new, difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()


def _changed(old: list[str], new: list[str], i1: int, i2: int, j1: int, j2: int) -> list[str]:
    out = []
    if i2 > i1:
        out.append(f"<del>{html.escape(' '.join(old[i1:i2]))}</del>")
    if j2 > j1:
        out.append(f"<ins>{html.escape(' '.join(new[j1:j2]))}</ins>")
    return out


def word_diff(published: str, corrected: str) -> str:
    """The whole paragraph, its changed words as <del>/<ins> (the Corrections page)."""
    old, new, opcodes = _opcodes(published, corrected)
    out = []
    for op, i1, i2, j1, j2 in opcodes:
        out += [html.escape(" ".join(old[i1:i2]))] if op == "equal" else _changed(old, new, i1, i2, j1, j2)
    return " ".join(out)


def changes_in_context(published: str, corrected: str, context: int = CONTEXT_WORDS) -> str:
    """Only the changes, each with a few words either side, joined by " … ".

    Beside the paragraph and its published wording, a third copy of the whole paragraph
    would triple the page; the reader needs to see what changed, where.
    """
    old, new, opcodes = _opcodes(published, corrected)
    pieces: list[str] = []
    for index, (op, i1, i2, j1, j2) in enumerate(opcodes):
        if op != "equal":
            pieces += _changed(old, new, i1, i2, j1, j2)
            continue
        words = [html.escape(word) for word in old[i1:i2]]
        first, last = index == 0, index == len(opcodes) - 1
        if first and last:
            continue  # nothing changed
        if first:  # the words before the first change
            pieces.append(("… " if len(words) > context else "") + " ".join(words[-context:]))
        elif last:  # the words after the last change
            pieces.append(" ".join(words[:context]) + (" …" if len(words) > context else ""))
        elif len(words) <= 2 * context + 1:  # two changes close together: one piece
            pieces.append(" ".join(words))
        else:
            pieces.append(" ".join(words[:context]) + " … " + " ".join(words[-context:]))
    return " ".join(pieces)


def revision_html(revision: Revision | None, repo_url: str | None) -> str:
    if revision is None:
        return "Not yet committed."
    commit = (f'<a href="{html.escape(repo_url.rstrip("/"))}/commit/{revision.commit}">{revision.short}</a>'
              if repo_url else f"<code>{revision.short}</code>")
    return f'Last revised <time datetime="{revision.date}">{long_date(revision.date)}</time> ({commit}).'


@event_priority(-60)  # after the ID and citation checks, whose messages say more
def on_pre_build(config, **kwargs):
    root = Path(config.config_file_path).parent
    docs_dir = Path(config.docs_dir).relative_to(root).as_posix()
    layer = load_layer(root)
    citations = load_citations(root, layer)
    pages, _ = load_pages(root, docs_dir)
    problems = check_corrections(pages, layer, citations)
    if problems:
        raise PluginError("corrections: " + "\n".join(problems))
    corrections: dict[str, Correction] = {}
    queries: dict[str, list[str]] = {}
    order = 0
    for page, blocks in pages.items():
        revisions = None
        for block in blocks:
            order += 1
            if block.notes_of("query"):
                queries[block.id] = block.notes_of("query")
            if not is_corrected(block, layer, citations):
                continue
            if revisions is None:
                revisions = line_revisions(root, f"{docs_dir}/{page}")
            corrections[block.id] = Correction(
                page, block.id, layer[block.id].text, published_form(block.text, block.id, citations),
                block.notes_of("correction"), last_revision(revisions, block.line, block.end_line), order)
    _state.update(corrections=corrections, queries=queries, repo_url=config.repo_url, titles=nav_titles(config.nav))


def published_details(correction: Correction) -> str:
    why = " ".join(html.escape(r) for r in correction.rationale)
    # One element a line: later steps (the whole-paper page) scan the HTML line by line.
    return "\n".join([
        f'<details class="published-reading" data-for="{correction.id}">',
        '<summary><span class="corrected-marker">Corrected</span> '
        '<span class="published-reading__label" data-corrected="See the wording as published" '
        'data-published="See the corrected reading">See the wording as published</span></summary>',
        '<div class="published-reading__body">',
        f'<p class="published-reading__text">{inline_html(correction.published)}</p>',
        f'<p class="published-reading__diff"><span class="published-reading__heading">Changes:</span> '
        f'{changes_in_context(correction.published, correction.corrected)}</p>',
        f'<p class="published-reading__why"><span class="published-reading__heading">Why:</span> {why}</p>',
        f'<p class="published-reading__revised">{revision_html(correction.revision, _state["repo_url"])}</p>',
        "</div></details>",
    ])


def query_note(texts: list[str]) -> str:
    body = " ".join(html.escape(t) for t in texts)
    return ('<aside class="editorial-note editorial-query" role="note" aria-label="Editorial query">'
            f'<span class="editorial-label">Editorial query</span> {body}</aside>')


# The contributors' notes, as Markdown passes them through: shown to readers in the
# marker and the query box, so the raw comments are dropped from the page.
NOTE_COMMENT = re.compile(r"<!--\s*(?:correction|query)\s*:.*?-->\n?", re.S | re.I)


@event_priority(50)  # before print-site copies the page into the whole-paper page
def on_page_content(content, page, **kwargs):
    content = NOTE_COMMENT.sub("", content)
    for ident, correction in _state.get("corrections", {}).items():
        if correction.page != page.file.src_uri:
            continue
        block = re.search(rf'<(p|li)\b([^>]*\bid="{re.escape(ident)}"[^>]*)>(.*?)</\1>', content, re.S)
        if not block:
            continue
        tag, attributes, inner = block.group(1), block.group(2), block.group(3)
        details = published_details(correction)
        wrapped = f'<span class="reading-text">{inner}</span>'
        replacement = (f'<{tag}{attributes} data-reading="corrected">{wrapped}' +
                       (f"\n{details}</li>" if tag == "li" else f"</p>\n{details}"))
        content = content[:block.start()] + replacement + content[block.end():]
    for ident, texts in _state.get("queries", {}).items():
        block = re.search(rf'<(p|li)\b[^>]*\bid="{re.escape(ident)}"[^>]*>.*?</\1>', content, re.S)
        if block:
            at = block.end() - len("</li>") if block.group(1) == "li" else block.end()
            content = content[:at] + "\n" + query_note(texts) + content[at:]
    return content


def corrections_markdown() -> str:
    corrections = sorted(_state["corrections"].values(),
                         key=lambda c: (-(c.revision.timestamp if c.revision else 2**40), c.order))
    titles = _state["titles"]
    out = ["## Corrected paragraphs { #corrected-paragraphs }", "",
           f"{len(corrections)} paragraphs of the corrected reading differ from the published text.",
           "{: .editorial }", ""]
    for c in corrections:
        number = c.id.rsplit("-", 1)[-1]
        title = titles.get(c.page, c.page)
        out += [
            f"### {title} ¶ {number} {{ #correction-{c.id} }}", "",
            f'[Read ¶ {number} in context]({c.page}#{c.id}) · {revision_html(c.revision, _state["repo_url"])}',
            "{: .correction-meta }", "",
            f'<p class="correction-diff">{word_diff(c.published, c.corrected)}</p>', "",
            f"**Why:** {' '.join(c.rationale)}", "{: .correction-why }", "",
        ]
    queries = _state["queries"]
    if queries:
        out += ["## Editorial queries { #queries }", "",
                "Sentences whose meaning is unclear; the wording is left as published until the "
                "meaning can be established.", "{: .editorial }", ""]
        for ident, texts in queries.items():
            out += [f"- [{ident}]({_page_of(ident)}#{ident}): {' '.join(texts)}"]
        out.append("")
    return "\n".join(out)


def _page_of(ident: str) -> str:
    return _state["page_of"].get(ident, "")


def on_page_markdown(markdown_text, page, config, **kwargs):
    if page.file.src_uri != CORRECTIONS_PAGE:
        return markdown_text
    root = Path(config.config_file_path).parent
    pages, _ = load_pages(root, Path(config.docs_dir).relative_to(root).as_posix())
    _state["page_of"] = {b.id: p for p, blocks in pages.items() for b in blocks}
    return markdown_text.rstrip("\n") + "\n\n" + corrections_markdown()
