"""The dates of the data and the record pages: YYYY, YYYY-MM, YYYY-MM-DD or a range A/B,
checked, sorted and written out in words."""

from __future__ import annotations

import datetime
import re

_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")  # not \d: it takes other scripts' digits


def is_date(text: str) -> bool:
    """YYYY, YYYY-MM or YYYY-MM-DD naming a real month and day, or a range of two: A/B
    (what date_key and format_date read)."""

    def real(part: str) -> bool:
        match = _DATE.fullmatch(part)
        if not match:
            return False
        try:
            datetime.date(*(int(g or 1) for g in match.groups()))  # refuses month 13, 30 February
        except ValueError:
            return False
        return True

    parts = text.split("/")
    return len(parts) <= 2 and all(real(p) for p in parts)


def date_key(date: str) -> tuple[int, int, int]:
    """Sort key of a timeline date: its start; a year alone sorts before its months."""
    parts = [int(p) for p in date.split("/")[0].split("-")]
    return tuple(parts + [0] * (3 - len(parts)))


MONTHS = "January February March April May June July August September October November December".split()


def format_date(date: str) -> str:
    """'1992-05-08' -> '8 May 1992'; '1918-05/1920-04' -> 'May 1918 – April 1920'."""

    def one(part: str) -> str:
        pieces = part.split("-")
        if len(pieces) == 3:
            return f"{int(pieces[2])} {MONTHS[int(pieces[1]) - 1]} {pieces[0]}"
        if len(pieces) == 2:
            return f"{MONTHS[int(pieces[1]) - 1]} {pieces[0]}"
        return pieces[0]

    if "/" not in date:
        return one(date)
    start, end = date.split("/")
    separator = "–" if len(start) == len(end) == 4 else " – "  # 1988–1994, but May 1918 – April 1920
    return one(start) + separator + one(end)
