#!/usr/bin/env python3
"""Help with a paragraph's apparatus (see CONTRIBUTING.md).

scripts/apparatus.py base ID      the published text of paragraph ID, as the page writes it
                                  (citations as [@key]): the words your change lines start from
scripts/apparatus.py suggest ID   after you edited paragraph ID: a line for each change its
                                  apparatus does not record yet, and where it goes among the
                                  lines above the paragraph; then give each its class
                                  (normalisation, emendation, conjecture) and replace REASON
scripts/apparatus.py progress [--update]
                                  how many paragraphs are reviewed; --update writes it into
                                  CONTRIBUTING.md (the tests check that it is up to date)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from qarabagh_edition.apparatus import PROGRESS_LINE, parse, progress_line
from qarabagh_edition.apparatus_suggest import suggest
from qarabagh_edition.printed_citations import load_citations, uncorrected_reading
from qarabagh_edition.published_layer import load_layer, load_pages
from qarabagh_edition.rules.apparatus_checks import reviewed_count

ROOT = Path(__file__).resolve().parent.parent


def progress(layer, update: bool) -> int:
    done, total = reviewed_count(ROOT, layer)
    line = progress_line(done, total)
    print(line)
    if update:
        contributing = ROOT / "CONTRIBUTING.md"
        text = contributing.read_text(encoding="utf-8")
        contributing.write_text(PROGRESS_LINE.sub(line, text, count=1), encoding="utf-8")
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("action", choices=["base", "suggest", "progress"])
    parser.add_argument("id", nargs="?", help="a paragraph ID, e.g. social-12 (base, suggest)")
    parser.add_argument("--update", action="store_true", help="progress: write it into CONTRIBUTING.md")
    args = parser.parse_args(argv)
    layer = load_layer(ROOT)
    if args.action == "progress":
        return progress(layer, args.update)
    if args.id not in layer:
        print(f"no published paragraph '{args.id}' (IDs are the {{: #...}} lines of docs/)", file=sys.stderr)
        return 1
    base = uncorrected_reading(layer[args.id], load_citations(ROOT, layer))
    if args.action == "base":
        print(base)
        return 0
    pages, _ = load_pages(ROOT)
    block = next(b for blocks in pages.values() for b in blocks if b.id == args.id)
    apparatus, problems = parse(block.notes, block.path)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    found = suggest(base, apparatus.changes, block.text)
    if not found:
        recorded = "as published" if not apparatus.changes else "as its apparatus says"
        print(f"{args.id} reads {recorded}: there is no change to record.")
    for suggestion in found:
        print(f"{block.path}: {suggestion.where}:\n  {suggestion.line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
