"""The project's text files are UTF-8 and hold no invisible controls.

Checked before anything reads them, so that a file saved in another encoding gets its
name and line instead of a traceback, a byte order mark is not taken for part of the
first heading, and no invisible character can change what a reader sees (a right-to-left
override reverses the text after it; a zero-width space splits a name so that the
spelling rules no longer recognise it, and makes two different words look the same).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

# Where contributors' text lives, and what each folder holds.
SOURCES = (
    ("docs", "**/*.md"),
    ("data", "*.yml"),
    ("bib", "*.bib"),
    ("bib", "*.yml"),
    ("published", "*.yml"),
    ("published", "*.txt"),
)

# Never wanted: any invisible format character (Unicode's category Cf: bidirectional
# embeddings, overrides and isolates, zero-width space, word joiner, soft hyphen, invisible
# operators, tag characters, the byte order mark inside a text), whatever new ones Unicode
# adds; except these, wanted in Persian and Arabic names (the zero-width non-joiner of
# "احمدی‌نژاد"), never in the English of docs/: the joiners and the directional marks.
NOT_IN_ENGLISH = {0x200C, 0x200D, 0x200E, 0x200F}
NON_ASCII = re.compile(r"[^\x00-\x7f]")  # every format character is outside ASCII


def check_sources(root: Path) -> list[str]:
    """`file:line: what is wrong (how to fix)` for every text file of the project."""
    problems = []
    for folder, pattern in SOURCES:
        for path in sorted((root / folder).glob(pattern)):
            if path.is_file():
                problems += check_file(path, path.relative_to(root).as_posix(), english=folder == "docs")
    return problems


def check_file(path: Path, shown: str, english: bool = False) -> list[str]:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return [f"{shown}:{line}: not UTF-8 (byte {data[error.start]:#04x}): save the file as UTF-8"]
    problems = []
    if text.startswith("\ufeff"):
        problems.append(f"{shown}:1: the file starts with a byte order mark (save it as UTF-8 without BOM)")
        text = text[1:]
    for found in _invisible(text, english):
        number = text.count("\n", 0, found.start()) + 1
        column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
        character = found.group(0)
        name = unicodedata.name(character, "an invisible character")
        problems.append(
            f"{shown}:{number}: invisible character U+{ord(character):04X} ({name}) at column "
            f"{column}: it changes how the text reads or is matched (delete it)"
        )
    return problems


def invisible_in(text: str, english: bool = False) -> list[str]:
    """The forbidden invisible characters `text` holds (for text already decoded: what a
    page renders to, where `&#x202E;` has become the override itself)."""
    return [found.group(0) for found in _invisible(text, english)]


def describe(character: str) -> str:
    return f"U+{ord(character):04X} ({unicodedata.name(character, 'an invisible character')})"


def _invisible(text: str, english: bool):
    for found in NON_ASCII.finditer(text):
        character = found.group(0)
        if unicodedata.category(character) == "Cf" and (english or ord(character) not in NOT_IN_ENGLISH):
            yield found
