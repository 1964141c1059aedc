#!/usr/bin/env python3
"""Check the content the way the build and the reviewers do, and list every problem
as `file:line: message (how to fix)`.

Checks: the content folders' files (no symbolic links, names, kinds, size and line
limits, nesting depth, YAML anchors and aliases, one URL per page, the build's own
names); the frozen as-published layer (edited, added or deleted text); paragraph IDs
(missing, duplicated, renamed, unknown); citation keys and bib/citations.yml;
BibTeX; glossary and timeline entries; correction notes; standard spellings of
actors in corrected paragraphs; raw HTML that can run code (<script>, <iframe>,
on…= attributes, javascript: URLs); internal links and anchors; front matter (its keys
and values an allowlist); headings and titles as plain text; the IDs and classes the
site's own templates and scripts use; comments in the one form every parser reads alike.
Exit status 0 when there is nothing to fix, 1 otherwise.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from qarabagh_edition.rules.content import lint

ROOT = Path(__file__).resolve().parent.parent


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", type=Path, default=ROOT, help="the project to check (default: this one)")
    args = parser.parse_args(argv)
    problems = lint(args.root.resolve())
    for problem in problems:
        print(problem)
    if problems:
        print(f"\n{len(problems)} problem{'s' if len(problems) != 1 else ''} to fix.", file=sys.stderr)
        return 1
    print("No problems found.", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
