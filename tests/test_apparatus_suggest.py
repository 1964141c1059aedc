"""`scripts/apparatus suggest ID`: only what the apparatus does not record yet, and where it goes."""

from __future__ import annotations

import re
import subprocess
import sys

from conftest import ROOT

from qarabagh_edition.apparatus import Change, apply
from qarabagh_edition.apparatus_suggest import suggest

BASE = "The war began in 1988. The two sides fought over Qarabagh for years. A cease-fire came in 1994."
LINE = re.compile(r"<!-- (\w+): (.*) → (.*) \| (.*) -->")


def as_change(line: str, number: int) -> Change:
    kind, old, new, reason = LINE.fullmatch(line).groups()
    return Change(kind, old, new, reason, number)


def normalisation() -> Change:
    return Change("normalisation", "Qarabagh", "Karabakh", "the glossary's spelling", 3)


def test_a_paragraph_without_changes_gets_one_line_naming_only_the_changed_words():
    reading = BASE.replace("began in 1988", "broke out in 1988")
    [found] = suggest(BASE, [], reading)
    assert found.line == "<!-- emendation: began → broke out | REASON -->"
    assert "above the paragraph" in found.where
    assert apply(BASE, [as_change(found.line, 1)], "")[0] == reading


def test_only_the_change_not_yet_recorded_and_its_place_after_the_lines_before_it():
    reading = BASE.replace("Qarabagh", "Karabakh").replace("came in 1994", "was agreed in 1994")
    [found] = suggest(BASE, [normalisation()], reading)
    assert found.line == "<!-- emendation: came → was agreed | REASON -->"
    assert found.where == "after line 3"
    changes = [normalisation(), as_change(found.line, 4)]
    assert apply(BASE, changes, "")[0] == reading


def test_a_change_before_the_recorded_ones_goes_before_them():
    reading = BASE.replace("Qarabagh", "Karabakh").replace("The war began", "The war started")
    [found] = suggest(BASE, [normalisation()], reading)
    assert found.where == "before line 3"
    assert apply(BASE, [as_change(found.line, 2), normalisation()], "")[0] == reading


def test_words_a_line_already_changes_are_that_line_rewritten():
    reading = BASE.replace("over Qarabagh", "over Nagorno-Karabakh")
    [found] = suggest(BASE, [normalisation()], reading)
    assert found.line == "<!-- normalisation: Qarabagh → Nagorno-Karabakh | the glossary's spelling -->"
    assert found.where == "in place of line 3, which changes these words already"
    assert apply(BASE, [as_change(found.line, 3)], "")[0] == reading


def test_a_paragraph_that_reads_as_its_apparatus_says_needs_nothing():
    assert suggest(BASE, [normalisation()], BASE.replace("Qarabagh", "Karabakh")) == []


def test_the_command_on_a_real_paragraph_says_there_is_nothing_to_record():
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "apparatus.py"), "suggest", "social-12"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert "social-12 reads as its apparatus says" in done.stdout
