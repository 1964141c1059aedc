"""The apparatus in the corrected reading's PDF, where no marker opens a panel: a key to
the marks, each change numbered where it stands, the numbered changes as notes after
their paragraph (class, printed words → reading, reason), and each query labelled.

The notes are the same entries a paragraph's marker opens on the site (the changes files
the build writes, `as-published/changes/*.json`), so the PDF and the site cannot differ.
"""

from __future__ import annotations

import json
from pathlib import Path

KEY = """<section class="pdf-key"><h2>Key to the marks</h2>
<p>This is the editors' corrected reading of the printed English. A raised number after words
marks a change; the notes after the paragraph give, for each number, its class, the printed
words (struck through) → the reading, and the reason.</p>
<ul>
<li><b>Normalisation</b>: a name in the glossary's standard spelling.</li>
<li><b>Emendation</b>: a correction that is certain from the English itself.</li>
<li><b>Conjecture</b>: the editors' reading where the English allows more than one, also marked <i>conj.</i></li>
<li><b>Supplied</b>: words the editors add that have no printed counterpart.</li>
<li><b>Query</b>: a question the editors ask; the printed words are kept.</li>
</ul>
<p>The text as published is in the record's PDF and on the site's record pages.</p></section>"""


def changes_entries(folder: Path) -> dict[str, dict]:
    """Paragraph ID -> what its marker opens, from every changes file the build wrote."""
    entries: dict[str, dict] = {}
    for path in sorted(folder.glob("*.json")):
        entries.update(json.loads(path.read_text(encoding="utf-8")))
    return entries


def add_apparatus(body, entries: dict[str, dict]) -> None:
    """Into the PDF's body (BeautifulSoup, changed in place): the numbers, the notes and the
    queries' labels."""
    from bs4 import BeautifulSoup

    for query in body.select("aside.editorial-query"):
        label = BeautifulSoup('<b class="pdf-query-label">Query.</b> ', "html.parser")
        query.insert(0, label)
    for paragraph in body.select("[data-paragraph][id]"):
        entry = entries.get(paragraph["id"])
        if not entry:
            continue
        notes = BeautifulSoup(f'<ol class="pdf-apparatus">{entry["apparatus"]}</ol>', "html.parser")
        for revision in notes.select(".apparatus-revision"):
            revision.decompose()  # the commit is the site's business; the PDF is one version
        for query in notes.select("li.apparatus-entry--query"):
            query.decompose()  # labelled where it stands, after the paragraph
        numbered = notes.select("li.apparatus-entry")
        for number in range(1, len(numbered) + 1):
            places = paragraph.select(f'[data-change="{number}"]')
            if places:
                reference = BeautifulSoup(f'<sup class="pdf-note-ref">{number}</sup>', "html.parser")
                places[-1].insert_after(reference)
        if numbered:
            # After the paragraph's marker and queries, if any: the notes end its block.
            after = paragraph
            while (following := after.find_next_sibling()) is not None and following.name == "aside":
                after = following
            after.insert_after(notes)
