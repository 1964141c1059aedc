"""The published wording is kept verbatim: in the frozen layer, on the record's pages, and on
the reading pages wherever a paragraph is not corrected."""

import re

import yaml
from conftest import ROOT
from helpers import soup

from qarabagh_edition.apparatus import CHANGE_KINDS
from qarabagh_edition.pages.word_diff import strip_emphasis
from qarabagh_edition.printed_citations import CITATION, is_corrected, load_citations, uncorrected_reading
from qarabagh_edition.published_layer import load_layer, load_pages
from qarabagh_edition.reading_page import normalise

TRANSCRIPT = ROOT / "published" / "paper-as-published.txt"


def transcript_paragraphs() -> list[str]:
    """The transcript's paragraphs with page-break fragments (lower-case starts) rejoined."""
    paragraphs: list[str] = []
    for raw in re.split(r"\n\s*\n", TRANSCRIPT.read_text(encoding="utf-8")):
        for line in raw.strip().split("\n"):
            line = re.sub(r"^(?:- |\d+\. )", "", line.strip())  # list markers are structure, not words
            if not line:
                continue
            if paragraphs and line[0].islower():
                paragraphs[-1] += " " + line
            else:
                paragraphs.append(line)
    return paragraphs


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.?!])\s+", normalise(text)) if s]


def layer_corpus() -> str:
    texts = [entry.text for entry in load_layer(ROOT).values()]
    front = yaml.safe_load((ROOT / "published" / "front.yml").read_text(encoding="utf-8"))
    texts += [front["title"], front["byline"], front["corresponding"], *front["affiliations"]]
    return "\n".join(normalise(t) for t in texts)


def test_every_sentence_of_the_transcript_is_in_the_published_layer():
    corpus = layer_corpus()
    missing = [s for p in transcript_paragraphs() for s in sentences(p) if s not in corpus]
    assert missing == []


def test_page_break_fragments_are_rejoined_in_the_layer():
    for entry in load_layer(ROOT).values():
        assert not entry.text[:1].islower(), f"{entry.where}: starts with a lower-case word (unjoined fragment?)"
    # The example the transcript's README gives is joined to the paragraph it continues.
    joined = [e for e in load_layer(ROOT).values() if "of Iran and creating problems;" in e.text]
    assert len(joined) == 1 and not joined[0].text.startswith("of Iran")


def test_ids_in_docs_equal_ids_in_the_layer():
    pages, problems = load_pages(ROOT)
    assert problems == []
    docs_ids = {b.id for blocks in pages.values() for b in blocks if "editorial" not in b.classes}
    assert docs_ids == set(load_layer(ROOT))


def test_every_page_paragraph_is_the_published_text_or_a_declared_correction():
    # Verbatim, except that each printed citation is written as its Pandoc citation
    # (bib/citations.yml), unless the apparatus above the paragraph records changes.
    layer = load_layer(ROOT)
    citations = load_citations(ROOT, layer)
    pages, _ = load_pages(ROOT)
    uncorrected = 0
    for blocks in pages.values():
        for block in blocks:
            if "editorial" in block.classes:
                continue
            if block.kind == "heading":  # only the capitals of "INTRODUCTION" differ
                assert block.text.casefold() == normalise(layer[block.id].text).casefold(), block.where
            elif any(kind in CHANGE_KINDS for kind, _, _ in block.notes):
                assert block.text != uncorrected_reading(layer[block.id], citations), block.where
            else:
                assert block.text == uncorrected_reading(layer[block.id], citations), block.where
                uncorrected += 1
    assert uncorrected > 0


def test_citations_never_drop_the_printed_words_of_a_narrative_citation():
    for records in load_citations(ROOT, load_layer(ROOT)).values():
        for record in records:
            if not record.published.startswith("("):
                assert record.cite.startswith(record.published), record


CITE_MARK = "\u27e8cite\u27e9"


def test_the_record_pages_carry_the_published_words_of_every_paragraph(site):
    # The record (as-published/) shows every paragraph and heading of the layer, verbatim,
    # under the same ID; its printed citations are links whose words are the printed ones.
    layer = load_layer(ROOT)
    for entry in layer.values():
        url = "as-published/" + (entry.page.removesuffix(".md") + "/" if entry.page != "index.md" else "")
        element = soup(site, url).find(id=entry.id)
        assert element is not None, f"{entry.where}: not on {url}"
        for extra in element.select("a.headerlink"):
            extra.decompose()
        assert normalise(element.get_text()) == strip_emphasis(normalise(entry.text)), entry.where
        assert not element.select("a.glossary-term"), f"{entry.where}: the record is not linked to the glossary"


def test_the_whole_record_carries_every_sentence_of_the_transcript(site):
    page = soup(site, "as-published/whole-paper/").select_one("article")
    for unwanted in page.select("a.headerlink, .reading-switch, .cite-this, .record-banner"):
        unwanted.decompose()
    # Each block's own text (its links and superscripts are words of it), blocks apart.
    shown = " ".join(normalise(block.get_text()) for block in page.select("h1, h2, h3, h4, p, li"))
    missing = []
    for paragraph in transcript_paragraphs():
        for sentence in sentences(paragraph):
            words = strip_emphasis(normalise(re.sub(r"\^\{([^}]*)\}", r"\1", sentence)))
            if words.replace("*", "") not in shown.replace("*", ""):
                missing.append(sentence)
    assert missing == []


def test_uncorrected_paragraphs_show_the_published_words_on_the_reading_pages(site):
    layer = load_layer(ROOT)
    citations = load_citations(ROOT, layer)
    pages, _ = load_pages(ROOT)
    corrected = {b.id for blocks in pages.values() for b in blocks if is_corrected(b, layer, citations)}
    checked = 0
    for entry in layer.values():
        if entry.id in corrected:
            continue
        page = soup(site, entry.page.removesuffix(".md").removesuffix("index"))
        element = page.find(id=entry.id)
        for extra in element.select("a.headerlink, .editorial-badge, aside.editorial-note"):
            extra.decompose()
        for citation in element.select("span.citation"):
            citation.replace_with(CITE_MARK)
        shown = normalise(element.get_text())
        expected = strip_emphasis(CITATION.sub(CITE_MARK, uncorrected_reading(entry, citations)))
        if entry.kind == "heading":
            assert shown.casefold() == expected.casefold(), entry.where
        else:
            assert shown == expected, entry.where
        checked += 1
    assert checked > 10


def test_the_layer_keeps_the_published_oddities_verbatim():
    corpus = layer_corpus()
    for oddity in ["Qarebagh", "Ilchibe (Ellichi Bei)", "(Vaezi, 2008: 158-157)", "*asymilia*", "✓ 1. Promoting"]:
        assert oddity in corpus, oddity
