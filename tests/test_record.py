"""The record (published/) holds the paper's paragraphs as printed: whole sentences, even
where a PDF page break split a paragraph; a fix of the layer is recorded with its reason."""

import yaml
from conftest import ROOT

from qarabagh_edition.published_layer import load_layer
from qarabagh_edition.record import ends_mid_sentence, join_page_breaks

LAYER = load_layer(ROOT)


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


def test_page_breaks_are_put_together_without_renumbering():
    blocks = [
        "One sentence. Morteza believes that: The events of",
        "Azerbaijan in 1945 mattered.",
        "a fragment that continues it.",
        "It matters. The Islamic Republic of",
        "Iran is a country.",
    ]
    assert join_page_breaks(blocks) == [
        "One sentence.",
        "Morteza believes that: The events of Azerbaijan in 1945 mattered. a fragment that continues it.",
        "It matters.",
        "The Islamic Republic of Iran is a country.",
    ]


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
