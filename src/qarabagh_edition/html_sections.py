"""A page's HTML cut before each heading: the unit in which a check that runs on every
rebuild keeps what it found (rules.built_pages), so that after an edit only the sections
it changed are looked at again. On the 600 KB Corrections page, which an edit of a
corrected paragraph changes, that is one or two of some 90.

A user of the pieces decides on its own terms whether they may stand for the whole (a
piece must leave nothing open at its end) and falls back to the whole page when not."""
from __future__ import annotations

import re

_BEFORE_HEADING = re.compile(r"(?=<h[1-6][\s>])")


def sections(content: str) -> list[str]:
    """The page's HTML in pieces that join back into it: the part before the first
    heading, then each heading with what follows it up to the next."""
    return _BEFORE_HEADING.split(content)
