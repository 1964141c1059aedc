"""The paper's bibliographic record (`published/paper.yml`), kept once as data: the
landing page's title block, the Cite box and the citation tags are rendered from it."""

from __future__ import annotations

from pathlib import Path

from qarabagh_edition.errors import ContentError
from qarabagh_edition.rules.yaml_loader import load

RECORD = "published/paper.yml"
REQUIRED = ("title", "authors", "journal", "publisher", "issn", "year", "volume", "issue", "pages", "url")


def load_paper_record(root: Path) -> dict:
    """The record, with the page range split for templates (they call no Python methods:
    other engines' template languages have none)."""
    record = load((root / RECORD).read_text(encoding="utf-8"), RECORD) or {}
    missing = [key for key in REQUIRED if key not in record]
    if missing:
        raise ContentError([f"{RECORD}:1: the record lacks {', '.join(missing)} (add them)"])
    first, _, last = str(record["pages"]).partition("-")
    record["first_page"], record["last_page"] = first, last
    return record
