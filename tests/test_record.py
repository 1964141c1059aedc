"""The record (published/) holds the paper's paragraphs as printed: whole sentences, even
where a PDF page break split a paragraph; a fix of the layer is recorded with its reason."""

import re

import yaml
from conftest import ROOT

from qarabagh_edition.published_layer import load_layer

LAYER = load_layer(ROOT)
# A paragraph of the record ends a sentence: with . ? ! or : (which introduces a
# quotation or a list), possibly closed by a quote, a bracket or an emphasis marker.
SENTENCE_FINISHED = re.compile(r"[.?!:][\"”’)\]*_]*\s*$")
# Words no English sentence ends with: a text ending with one of them (or with a
# possessive, "Azerbaijan's") was cut off. A text that ends otherwise without a full
# stop is printed that way ("... becoming less important and discarded").
CANNOT_END = set(
    "a an the of and or but to in on for with by from at as that which whose its their his her our this these those".split()
)


def ends_mid_sentence(text: str) -> bool:
    """Was this text cut off in the middle of a sentence (by a page break, say)?"""
    if SENTENCE_FINISHED.search(text) or not text.split():
        return False
    last = text.split()[-1]
    return last.lower() in CANNOT_END or last.endswith(("'s", "’s"))


def test_no_paragraph_of_the_record_ends_mid_sentence():
    unfinished = [
        f"{e.where}: {e.id} ends '…{e.text[-40:]}'"
        for e in LAYER.values()
        if e.kind == "paragraph" and ends_mid_sentence(e.text)
    ]
    assert unfinished == []
    # What the rule finds: a sentence cut at a function word or a possessive, not a
    # sentence the journal printed without its full stop.
    assert ends_mid_sentence("The events of Azerbaijan's") and ends_mid_sentence("The Islamic Republic of")
    assert not ends_mid_sentence("are becoming less important and discarded")
    assert not ends_mid_sentence("with this country (Abazari et al., 2012: p. 29)")


def test_the_fix_is_recorded_and_the_sentences_are_whole():
    fixes = yaml.safe_load((ROOT / "published" / "frozen.yml").read_text(encoding="utf-8"))["fixes"]
    fix = next(f for f in fixes if "social-6" in f["entries"])
    assert set(fix["entries"]) == {"social-5", "social-6", "social-32", "social-33"} and "page break" in fix["reason"]
    assert LAYER["social-6"].text.startswith(
        "Morteza Abazari and their colleagues believe that: The events of Azerbaijan's Azerbaijan in 1945"
    )
    assert LAYER["social-5"].text.endswith("ethnic-economic-cultural constraints.")
    assert LAYER["social-33"].text.startswith("The Islamic Republic of Iran is a country")
    assert LAYER["social-32"].text.endswith("has had important implications.")
