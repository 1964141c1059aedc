"""For instructors: each section page shows its reading time, and the "For instructors"
page is generated from the content: every section with its permanent URL, word count,
reading time and main actors; how to link and cite a paragraph; a reading list ready
to paste (Markdown and plain text); the offline copy and the PDF.
"""

from __future__ import annotations

import html
import re

from qarabagh_edition.printed_citations import CITATION

INSTRUCTORS_PAGE = "instructors.md"
WORDS_PER_MINUTE = 200  # a careful reading of a scholarly text
MAIN_ACTORS = 6


def words(text: str) -> int:
    return len(re.findall(r"[\w'’-]+", CITATION.sub("", text)))


def minutes(count: int) -> int:
    return max(1, round(count / WORDS_PER_MINUTE))


def _sections(nav) -> list[tuple[str, str]]:
    """(title, file) of the paper's sections, in the nav's order."""
    for item in nav or []:
        if isinstance(item, dict) and "The paper" in item:
            return [(title, value) for entry in item["The paper"] for title, value in entry.items()]
    return []


def section_stats(project, nav) -> dict[str, dict]:
    """Page -> title, words, minutes, paragraphs and main actors of each section of the
    paper (mkdocs.yml's nav under "The paper"), from a build's Project
    (qarabagh_edition.project)."""
    pages, matcher = project.pages, project.matcher
    stats = {}
    for title, page in _sections(nav):
        blocks = [b for b in pages.get(page, []) if b.kind != "heading"]
        count = sum(words(b.text) for b in blocks)
        frequency: dict[str, int] = {}
        for block in blocks:
            for _, _, actor in matcher.mentions(block.text, block.id):
                frequency[actor.id] = frequency.get(actor.id, 0) + 1
        main = sorted(frequency, key=lambda a: -frequency[a])[:MAIN_ACTORS]
        stats[page] = {
            "title": title,
            "words": count,
            "minutes": minutes(count),
            "paragraphs": len(blocks),
            "actors": [(a, matcher.actor_of_id(a).name) for a in main],
        }
    return stats


def url_of(page: str, site_url: str) -> str:
    return site_url.rstrip("/") + "/" + page.removesuffix(".md") + "/"


def instructors_markdown(stats: dict[str, dict], site: str, downloads: dict[str, str], cite: str) -> str:
    """The page's generated part; `cite` is the paper's Chicago citation (HTML)."""
    rows = ["| Section | Permanent URL | Words | Reading time | Main actors |", "| --- | --- | --- | --- | --- |"]
    for page, s in stats.items():
        actors = ", ".join(f"[{name}](glossary.md#{ident})" for ident, name in s["actors"])
        rows.append(
            f"| [{s['title']}]({page}) | `{url_of(page, site)}` | {s['words']:,} | {s['minutes']} min | {actors} |"
        )
    total = sum(s["words"] for s in stats.values())
    markdown_list = "\n".join(f"- [{s['title']}]({url_of(p, site)}) ({s['minutes']} min)" for p, s in stats.items())
    plain_list = "\n".join(f"{s['title']} ({s['minutes']} min): {url_of(p, site)}" for p, s in stats.items())
    return "\n".join(
        [
            "## The sections { #sections }",
            "",
            f"The whole paper: {total:,} words, about {minutes(total)} minutes of reading.",
            "",
            *rows,
            "",
            "## Linking to a paragraph { #linking }",
            "",
            "Every paragraph has a permanent address: hover over it (or move to it with the Tab key) and "
            "click its number, **¶ 12**, to copy its link, for example "
            f"`{url_of('political-implications.md', site)}#political-12`. "
            "These addresses never change, even when the translation of a paragraph is corrected; every "
            "address of the site is listed in the repository's URL contract and tested at every build.",
            "",
            "## Citing a section or a paragraph { #citing }",
            "",
            "The **Cite** box at the top of every page gives the paper in Chicago and APA, the section with "
            "its URL, the corrected edition with its version, and BibTeX and RIS files. The **cite** button "
            "beside a paragraph's number copies its link with a citation, for example:",
            "",
            f"> {html.unescape(re.sub('<[^>]+>', '', cite))} Section “Political implications”, ¶ 12. "
            f"{url_of('political-implications.md', site)}#political-12",
            "",
            "## A reading list to paste { #reading-list }",
            "",
            "Markdown:",
            "",
            "```markdown",
            markdown_list,
            "```",
            "",
            "Plain text:",
            "",
            "```text",
            plain_list,
            "```",
            "",
            "## Syllabus pack { #pack }",
            "",
            "Tick paragraphs or whole sections on any page (“Add to pack”), then open the "
            "[syllabus pack](pack.md): a printable excerpt in reading order with each paragraph's number, "
            "link and citations, the full citation of the paper, and the list of links; its address "
            "shares the selection.",
            "",
            "## Print, PDF and offline copy { #offline }",
            "",
            "- Every page prints cleanly (no navigation; paragraph numbers, citations and link addresses kept).",
            '- <a href="../print_page/">The whole paper on one page</a> for printing everything at once.',
            # Raw links: the files are made after the pages, so MkDocs cannot check them (the tests do).
            f'- <a href="../{downloads.get("pdf", "")}" download>The whole paper as a PDF</a>.',
            f'- <a href="../{downloads.get("zip", "")}" download>The whole site as a zip</a> for teaching without '
            "internet: unzip it and open `index.html`; navigation and search work from the disk.",
            "",
        ]
    )


def reading_time(stat: dict) -> str:
    """The line under a section's title (markdown.reading_time writes it)."""
    count = stat["paragraphs"]
    return f"{stat['minutes']} min read · {stat['words']:,} words · {count} paragraph{'' if count == 1 else 's'}"
