#!/usr/bin/env python3
"""Import the published transcript into the edition (a one-time tool, kept as a record).

Reads `published/paper-as-published.txt` (the frozen copy of the journal's text) and
writes, for every section of the paper:

  * `published/<page>.yml` -- the as-published layer: the verbatim text of every
    paragraph, list item and heading, keyed by its permanent ID;
  * `docs/<page>.md`       -- the reading page: one sentence per line, each paragraph
    followed by its ID as `{: #id }`.

The only change made to the wording is the one the transcript's README allows:
what a PDF page break split is put together again (qarabagh_edition.record
.join_page_breaks): a second half that starts with a lower-case word joins its
paragraph; a sentence left unfinished before a capital moves to the next block.

After the first import the files belong to the editors: this tool refuses to
overwrite anything unless `--force` is given. IDs are written into the files, so
they never depend on this tool again.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml

from qarabagh_edition.record import join_page_breaks

ROOT = Path(__file__).resolve().parent.parent

# (published heading, page slug, heading ID, paragraph-ID prefix, title shown on the site)
SECTIONS = [
    ("INTRODUCTION", "introduction", "introduction", "introduction", "Introduction"),
    ("The roots of the crisis Qarabagh", "roots-of-the-crisis", "roots-of-the-crisis", "roots", None),
    ("Consequences of Iran's Foreign Policy in the Qarabagh Crisis", "consequences-of-irans-foreign-policy",
     "consequences-of-irans-foreign-policy", "consequences", None),
    ("Security Consequences and Military", "security-and-military-consequences",
     "security-and-military-consequences", "security", None),
    ("Political implications", "political-implications", "political-implications", "political", None),
    ("Social Impacts", "social-impacts", "social-impacts", "social", None),
    ("Conclusion", "conclusion", "conclusion", "conclusion", None),
    ("References", "references", "references", "references", None),
]

# Subheadings the authors did not write, for the long unheaded stretch of "Social
# Impacts": (first words of the paragraph they stand above, heading ID, heading text).
EDITORIAL_HEADINGS = [
    ("Foreign policy is the rest of the domestic", "social-ethnic-diversity", "Ethnic diversity and foreign policy"),
    ("In this respect, it is essential to refer the Turkish nationalism", "social-turkish-nationalism",
     "Turkish nationalism in Iran"),
    ("In this respect, Abazi adds", "social-reactions-in-iran", "Reactions in Iran to the Qarabagh war"),
    ("Azerbaijan's nationalist flow since the Qarabagh war", "social-qarabagh-in-nationalism",
     "The Qarabagh war in Azerbaijani nationalism"),
    ("As a result, the level of relations between Iran and Azerbaijan", "social-relations",
     "Effects on Iran–Azerbaijan relations"),
    ("Israel was one of the countries", "social-israel", "Israel and Azerbaijan"),
    ("The Qarabagh crisis and its effects on the relations", "social-economic-and-political",
     "Economic and political consequences"),
    ("The other subject or another issue", "social-national-interests", "National interests and policy options"),
]

# Sentence boundary: end punctuation (optionally closed by a quote or bracket), space,
# then a capital, an opening quote or bracket. Single initials ("I. R.I") and a few
# abbreviations are not boundaries.
SENTENCE_END = re.compile(r'(?<=[.?!])(["”)]?)\s+(?=["“(]?[A-Z])')
NOT_AN_END = re.compile(r'(?:\b[A-Z]|\b\d+|\bMr|\bMrs|\bDr|\bSt|\bvs|\bet al|\bp|\bpp)\.$')


def split_sentences(text: str) -> list[str]:
    """Split a paragraph into sentences for semantic line breaks (one per line)."""
    pieces, start = [], 0
    for match in SENTENCE_END.finditer(text):
        end = match.start() + len(match.group(1))
        if NOT_AN_END.search(text[start:match.start()]):
            continue
        pieces.append(text[start:end])
        start = match.end()
    pieces.append(text[start:])
    return [p.strip() for p in pieces if p.strip()]


def read_blocks(transcript: str) -> list[str]:
    """Blocks of the transcript, with what page breaks split put together again."""
    return join_page_breaks([block.strip() for block in re.split(r"\n\s*\n", transcript) if block.strip()])


class LiteralDumper(yaml.SafeDumper):
    """Write every multi-word string as a folded-free literal block, so the text stays verbatim."""


def _str_representer(dumper, data):
    style = "|" if len(data) > 60 else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


LiteralDumper.add_representer(str, _str_representer)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--force", action="store_true", help="overwrite existing docs/ and published/ files")
    args = parser.parse_args(argv)

    transcript = (ROOT / "published" / "paper-as-published.txt").read_text(encoding="utf-8")
    blocks = read_blocks(transcript)

    headings = {s[0]: s for s in SECTIONS}
    front, sections, current = [], [], None
    for block in blocks:
        if block in headings:
            current = {"spec": headings[block], "blocks": []}
            sections.append(current)
        elif current is None:
            front.append(block)
        else:
            current["blocks"].append(block)

    outputs: dict[Path, str] = {}

    # Front matter of the article: title, byline, affiliations, abstract, keywords.
    title, byline, aff1, aff2, corresponding, abstract, keywords = front
    outputs[ROOT / "published" / "front.yml"] = _yaml_file(
        "none (the article's front matter: kept as part of the record, shown from paper.yml)",
        {"title": title, "byline": byline, "affiliations": [aff1, aff2], "corresponding": corresponding},
    )
    landing_paragraphs = {"abstract-1": abstract, "keywords-1": keywords}
    outputs[ROOT / "published" / "index.yml"] = _yaml_file(
        "docs/index.md", {"page": "index.md", "headings": {}, "paragraphs": landing_paragraphs}
    )
    outputs[ROOT / "docs" / "index.md"] = _page(
        "---\ntemplate: paper-home.html\ntitle: Home\n---\n\n",
        [("p", "abstract-1", abstract, ".abstract"), ("p", "keywords-1", keywords, ".keywords")],
    )

    for section in sections:
        heading, slug, heading_id, prefix, shown = section["spec"]
        items: list[tuple] = [("h1", heading_id, shown or heading, "")]
        layer_headings = {heading_id: heading}
        layer_paragraphs: dict[str, str] = {}
        number = 0
        editorial = list(EDITORIAL_HEADINGS) if slug == "social-impacts" else []
        for block in section["blocks"]:
            for start, eid, etext in editorial:
                if block.startswith(start):
                    items.append(("h2-editorial", eid, etext, ""))
            lines = block.split("\n")
            is_list = all(re.match(r"(- |\d+\. )", line) for line in lines)
            if is_list:
                for line in lines:
                    number += 1
                    pid = f"{prefix}-{number}"
                    marker, text = re.match(r"(- |\d+\. )(.*)", line).groups()
                    items.append(("li", pid, text, marker))
                    layer_paragraphs[pid] = text
            else:
                number += 1
                pid = f"{prefix}-{number}"
                text = " ".join(lines)
                items.append(("p", pid, text, ""))
                layer_paragraphs[pid] = text
        outputs[ROOT / "published" / f"{slug}.yml"] = _yaml_file(
            f"docs/{slug}.md",
            {"page": f"{slug}.md", "headings": layer_headings, "paragraphs": layer_paragraphs},
        )
        outputs[ROOT / "docs" / f"{slug}.md"] = _page("", items)

    existing = [p for p in outputs if p.exists()]
    if existing and not args.force:
        print("refusing to overwrite (use --force):", *[str(p.relative_to(ROOT)) for p in existing], sep="\n  ",
              file=sys.stderr)
        return 1
    for path, text in outputs.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print("wrote", path.relative_to(ROOT))
    return 0


def _yaml_file(about: str, data: dict) -> str:
    header = (
        "# As-published layer: the verbatim text of the paper as the journal printed it.\n"
        f"# Reading page: {about}\n"
        "# FROZEN. Do not correct anything here; correct the reading page instead.\n"
    )
    return header + yaml.dump(data, Dumper=LiteralDumper, allow_unicode=True, sort_keys=False, width=10**6)


def _page(front_matter: str, items: list[tuple]) -> str:
    out: list[str] = [front_matter] if front_matter else []
    previous = None
    for kind, pid, text, extra in items:
        if kind == "h1":
            out.append(f"# {text} {{ #{pid} }}\n\n")
        elif kind == "h2-editorial":
            out.append(f"## {text} {{ #{pid} .editorial }}\n\n")
        elif kind == "p":
            classes = f" {extra}" if extra else ""
            out.append("\n".join(split_sentences(text)) + f"\n{{: #{pid}{classes} }}\n\n")
        elif kind == "li":
            marker = extra
            indent = " " * 4
            body = ("\n" + indent).join(split_sentences(text))
            if previous == "li":
                out[-1] = out[-1].rstrip("\n") + "\n"
            out.append(f"{marker}{body}\n{indent}{{: #{pid} }}\n\n")
        previous = kind
    return "".join(out).rstrip("\n") + "\n"


if __name__ == "__main__":
    sys.exit(main())
