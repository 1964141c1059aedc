"""Editorial facts about events after the paper (published 2018) say as of when they are
true and on what they rest.

A glossary or timeline entry whose editorial text names a year after 2018 (in its name,
other forms, title or description, or, for the editorial context, its date) carries
`as_of:` (the day its statements were last checked, YYYY-MM-DD) and `sources:`, each a
mapping of publisher, title and date (YYYY, YYYY-MM or YYYY-MM-DD) and, where there is
one, url. Without them the statement cannot be reviewed: leave it out, or date and
source it. A statement about later events that names no year is the reviewers' to catch.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from pathlib import Path

from qarabagh_edition.actors import GLOSSARY
from qarabagh_edition.data_entries import GLOSSARY_FORM, TIMELINE_FORM, found, items_with_lines
from qarabagh_edition.dates import is_date
from qarabagh_edition.errors import ContentError
from qarabagh_edition.timeline import TIMELINE

PAPER_YEAR = 2018
LAST_YEAR = 2199  # a larger four-digit number is a count, not a year
YEAR = re.compile(r"(?<![0-9])([0-9]{4})(?![0-9])")
SOURCE_KEYS = ("publisher", "title", "date", "url")
REQUIRED = SOURCE_KEYS[:3]
# A web address printed as a link: http(s) only, and none of the characters that would
# end a Markdown link or an HTML attribute early.
URL = re.compile(r"https?://[^\s<>\"'`()\[\]{}\\]+")
HOW = (
    "add 'as_of: YYYY-MM-DD' (the day it was last checked) and 'sources:', a list of "
    "{publisher: ..., title: ..., date: YYYY-MM-DD, url: ...}; or leave the statement out"
)

# What each part of the data calls its editorial text: (file, list key, form, fields).
PARTS = (
    (GLOSSARY, None, GLOSSARY_FORM, ("name", "native", "description")),
    (TIMELINE, "events", TIMELINE_FORM, ("date", "title", "description")),
    (TIMELINE, "editorial_context", TIMELINE_FORM, ("date", "title", "description")),
)


def check_dated_facts(root: Path) -> list[str]:
    problems: list[str] = []
    for shown, key, form, fields in PARTS:
        path = root / shown
        if not path.exists():
            continue
        try:
            items = items_with_lines(path, shown, form, key)
        except ContentError as error:
            problems += error.problems
            continue
        text = path.read_text(encoding="utf-8").split("\n")
        for item, line, lines in items:
            problems += _check_entry(shown, text, item, line, lines, fields)
    return list(dict.fromkeys(problems))


def _ascii_digits(text: str) -> str:
    """Digits of any script as 0-9: a year written ٢٠٢٤ or ２０２４ is a year too."""
    return "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in text)


def _later_years(item: dict, lines: dict, text: list[str], fields) -> list[tuple[int, int]]:
    """(year, line) of each year after the paper in the entry's editorial text."""
    found = []
    for name in fields:
        value = item.get(name)
        if value is None:
            continue
        for year in YEAR.findall(_ascii_digits(str(value))):
            if PAPER_YEAR < int(year) <= LAST_YEAR:
                start = lines.get(name, 1)
                # The line of the folded text that holds it, for the editor to jump to.
                line = next((n for n in range(start, len(text) + 1) if year in _ascii_digits(text[n - 1])), start)
                found.append((int(year), line))
    return found


def _check_entry(shown: str, text: list[str], item: dict, line: int, lines: dict, fields) -> list[str]:
    ident = item.get("id", "?")
    later = _later_years(item, lines, text, fields)
    as_of, sources = item.get("as_of"), item.get("sources")
    problems = []
    if later and (as_of is None or not sources):
        year, where = later[0]
        lacking = " and ".join(k for k, v in (("as_of", as_of), ("sources", sources)) if not v)
        problems.append(
            f"{shown}:{where}: '{ident}' speaks of {year}, after the paper's publication in "
            f"{PAPER_YEAR}, but has no {lacking} ({HOW})"
        )
    if as_of is not None:
        checked = _full_date(as_of)
        if checked is None:
            problems.append(
                f"{shown}:{lines['as_of']}: '{ident}': as_of must be a full date YYYY-MM-DD, not "
                f"{found(as_of)} (the day its statements were last checked against the sources)"
            )
        elif checked > datetime.date.today():
            problems.append(
                f"{shown}:{lines['as_of']}: '{ident}': as_of {checked} is in the future (give the day "
                "the statement was last checked)"
            )
        elif later and checked.year < max(y for y, _ in later):
            problems.append(
                f"{shown}:{lines['as_of']}: '{ident}': as_of {checked} is before the {max(y for y, _ in later)} "
                "it speaks of (give the day the statement was last checked)"
            )
        if not sources:
            problems.append(
                f"{shown}:{lines['as_of']}: '{ident}' has as_of but no sources (name what the "
                "statement rests on, or remove as_of)"
            )
    elif sources:
        problems.append(f"{shown}:{lines['sources']}: '{ident}' has sources but no as_of ({HOW})")
    for index, source in enumerate(sources or []):
        problems += _check_source(f"{shown}:{lines.get(f'sources[{index}]', line)}", ident, source)
    return problems


def _check_source(where: str, ident: str, source) -> list[str]:
    if not isinstance(source, dict):
        return [
            f"{where}: '{ident}': a source must be a mapping of publisher, title, date and url, not "
            f"{found(source)} (write {{publisher: ..., title: ..., date: YYYY-MM-DD, url: ...}})"
        ]
    problems = []
    unknown = [str(k) for k in source if k not in SOURCE_KEYS]
    if unknown:
        problems.append(f"{where}: '{ident}': a source has no '{unknown[0]}' (its keys are {', '.join(SOURCE_KEYS)})")
    missing = [k for k in REQUIRED if source.get(k) in (None, "")]
    if missing:
        problems.append(
            f"{where}: '{ident}': the source lacks {', '.join(missing)} (every source names its "
            "publisher, title and date, and its url where there is one)"
        )
    for key in SOURCE_KEYS:
        value = source.get(key)
        if isinstance(value, (list, dict)):
            problems.append(f"{where}: '{ident}': the source's {key} must be a single value, not {found(value)}")
    date = source.get("date")
    if (
        date is not None
        and not isinstance(date, (list, dict))
        and (isinstance(date, datetime.datetime) or not is_date(str(date)) or "/" in str(date))
    ):
        problems.append(
            f"{where}: '{ident}': the source's date '{date}' is not a real date (write YYYY-MM-DD, "
            "or YYYY-MM or YYYY where the source gives no day)"
        )
    url = source.get("url")
    if url is not None and not isinstance(url, (list, dict)) and not URL.fullmatch(str(url)):
        problems.append(
            f"{where}: '{ident}': the source's url '{url}' is not a web address the page can link "
            "(write it whole, from http:// or https://, with no spaces, quotes or brackets)"
        )
    return problems


def _full_date(value) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        return None
    if isinstance(value, datetime.date):
        return value
    text = str(value)
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text) and is_date(text):
        return datetime.date.fromisoformat(text)
    return None
