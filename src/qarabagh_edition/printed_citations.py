"""The reading pages cite with Pandoc keys where the paper printed "(Vaezi, 2008:
158-157)"; bib/citations.yml records each such replacement, and these functions turn a
text from one form to the other."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from qarabagh_edition.errors import ContentError
from qarabagh_edition.published_layer import LayerEntry
from qarabagh_edition.reading_page import Block, normalise
from qarabagh_edition.rules.yaml_loader import load_node

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
