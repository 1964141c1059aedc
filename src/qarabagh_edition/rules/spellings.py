"""The glossary's spellings are the paper's, and names, not ordinary words.

A spelling (`variants:`) claims "the paper printed this for that actor", and every
occurrence of it is linked to the entry. So:

* each variant must be found in the record, the text as printed (published/), by the
  same Matcher the links and the glossary's "In the paper as" use: a variant that
  occurs nowhere, or only inside a longer spelling, is not the paper's;
* a spelling (printed or standard) made only of common English words ("war",
  "occupation") would link every ordinary use of them. It is refused unless the entry
  lists it under `common_words:` with the reason it is a name there ("Turkey": the
  state, never the bird).

Common English words are the lower-case entries of Webster's Second International
(the `web2` list of the english-words package): a word it lists only capitalised,
such as "Iran", is a name, not a common word.
"""

from __future__ import annotations

import re

from qarabagh_edition.actors import GLOSSARY, Actor
from qarabagh_edition.mentions import Matcher

WORD = re.compile(r"[^\W\d_]+")  # letters, in any script


def common_english_words() -> set[str]:
    from english_words import get_english_words_set

    return {word for word in get_english_words_set(["web2"]) if word.islower()}


def is_common(spelling: str, words: set[str]) -> bool:
    """A spelling all of whose words (compared in lower case) are common English words."""
    parts = WORD.findall(spelling.lower())
    return bool(parts) and all(part in words for part in parts)


def check_spellings(actors: dict[str, Actor], printed: list[str]) -> list[str]:
    """Problems of the glossary's spellings; `printed` is the paper's text as printed."""
    matcher = Matcher(actors)
    found = {(actor.id, text[start:end]) for text in printed for start, end, actor in matcher.mentions(text)}
    words = common_english_words()
    problems = []
    for actor in actors.values():
        where = f"{GLOSSARY}:{actor.line}"
        absent = [v for v in actor.variants if (actor.id, v) not in found]
        if len(absent) == len(actor.variants):
            problems.append(
                f"{where}: entry '{actor.id}' is never mentioned in the text "
                f"(none of {', '.join(actor.variants)} occurs); remove it or add the spelling the paper uses"
            )
        else:
            for variant in absent:
                problems.append(
                    f"{where}: variant '{variant}' of '{actor.id}' occurs nowhere in the text as printed "
                    "(published/), or only inside a longer spelling. Check your spelling (variants are "
                    "the paper's own, case-sensitive, whole words)"
                )
        for spelling in actor.spellings:
            if is_common(spelling, words) and not actor.common_words.get(spelling, "").strip():
                problems.append(
                    f"{where}: '{spelling}' of '{actor.id}' is made of common English words only, and "
                    "every ordinary use of it would be linked to this entry (remove it; or, if the paper "
                    f"uses it only as this name, list it under common_words: {{{spelling}: why}})"
                )
        for spelling in actor.common_words:
            if spelling not in actor.spellings:
                problems.append(
                    f"{where}: common_words names '{spelling}', which is not a spelling of "
                    f"'{actor.id}' (list only its variants or standard spellings there)"
                )
    return problems
