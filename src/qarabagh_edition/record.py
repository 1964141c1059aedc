"""The record: paragraphs as the journal printed them, and the rules that turn the PDF's
extracted text into them."""

from __future__ import annotations

import re

# A paragraph of the record ends a sentence: with . ? ! or : (which introduces a
# quotation or a list), possibly closed by a quote, a bracket or an emphasis marker.
SENTENCE_FINISHED = re.compile(r"[.?!:][\"”’)\]*_]*\s*$")
# Words no English sentence ends with: a text ending with one of them (or with a
# possessive, "Azerbaijan's") was cut off. A text that ends otherwise without a full
# stop is printed that way ("... becoming less important and discarded").
CANNOT_END = {
    "a",
    "an",
    "the",
    "of",
    "and",
    "or",
    "but",
    "to",
    "in",
    "on",
    "for",
    "with",
    "by",
    "from",
    "at",
    "as",
    "that",
    "which",
    "whose",
    "its",
    "their",
    "his",
    "her",
    "our",
    "this",
    "these",
    "those",
}
# The start of the last sentence of a text: after end punctuation and a space, before a
# capital, an opening quote or bracket. (Initials such as "I. R." are not boundaries.)
LAST_SENTENCE_START = re.compile(r'(?<=[.?!])["”)]?\s+(?=["“(]?[A-Z])')
NOT_AN_END = re.compile(r"(?:\b[A-Z]|\b\d+|\bMr|\bMrs|\bDr|\bSt|\bvs|\bet al|\bp|\bpp)\.$")


def ends_a_sentence(text: str) -> bool:
    return bool(SENTENCE_FINISHED.search(text))


def ends_mid_sentence(text: str) -> bool:
    """Was this text cut off in the middle of a sentence (by a page break, say)?"""
    if ends_a_sentence(text) or not text.split():
        return False
    last = text.split()[-1]
    return last.lower() in CANNOT_END or last.endswith(("'s", "’s"))


def unfinished_sentence(text: str) -> int:
    """Where the last, unfinished sentence of a text starts (0 if the text is one sentence)."""
    start = 0
    for match in LAST_SENTENCE_START.finditer(text):
        if not NOT_AN_END.search(text[: match.start()]):
            start = match.end()
    return start


def join_page_breaks(blocks: list[str]) -> list[str]:
    """Blocks of the extracted text as the printed paragraphs hold them.

    A PDF page break splits a paragraph in two. Where the second piece starts with a
    lower-case word, the two are one paragraph again. Where it starts with a capital
    (the page broke after "The Islamic Republic of", before "Iran is ..."), the first
    piece's unfinished sentence moves to the start of the second: each block then holds
    whole sentences, and their number, hence every paragraph ID, stays the same.
    """
    joined: list[str] = []
    for block in blocks:
        if joined and block[0].islower():
            joined[-1] = joined[-1] + " " + block
        elif joined and ends_mid_sentence(joined[-1]) and block[0].isupper():
            cut = unfinished_sentence(joined[-1])
            if cut:
                joined[-1], block = joined[-1][:cut].rstrip(), joined[-1][cut:] + " " + block
            joined.append(block)
        else:
            joined.append(block)
    return joined
