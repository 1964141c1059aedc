"""The whole paper on one page: the sections as built, one after another, with every
link and anchor kept working.

Each page keeps its own IDs, so `print_page/#social-12` is the paragraph `social-12`
as on its section page. Only an ID that more than one page uses (a footnote such as
`fn:vaezi2008`, the generated "actors-in-this-section") is renamed, `<page>-<id>`, and
the links to it with it. A link to a page that is on the whole-paper page leads to the
place on this page; a link to any other page is rebased so that it still leads there.
The same HTML is typeset into the PDF, whose internal links therefore work too.
"""

from __future__ import annotations

from collections import Counter
from copy import deepcopy
from dataclasses import dataclass, field
from html import escape

from lxml import html as lxml_html

from qarabagh_edition.urls import is_external, rebase, resolve


@dataclass
class Section:
    """A page of the paper, its content parsed once for every output combined from it
    (the whole paper, the syllabus pack)."""

    path: str  # its site path, e.g. "social-impacts/" ("" for the home page)
    title: str
    html: str  # the page's content, as built
    root: object = field(init=False, repr=False)  # the content as an lxml tree, in a <div>

    def __post_init__(self):
        self.root = lxml_html.fragment_fromstring(self.html or "<p></p>", create_parent="div")


def inner_html(element) -> str:
    """What an element holds, as HTML: its text and its children (each with its tail)."""
    return escape(element.text or "", quote=False) + "".join(
        lxml_html.tostring(child, encoding="unicode") for child in element
    )


# What a section's height is guessed from, before the browser has drawn it (edition.css,
# .whole-paper__section): its blocks of text, and the lines they take at a phone's width
# and at a desktop's (characters to a line, measured on the site's own type).
BLOCKS = {
    "p",
    "li",
    "dt",
    "dd",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "pre",
    "tr",
    "figcaption",
    "blockquote",
    "aside",
    "summary",
}
CHARACTERS_A_LINE = {"narrow": 36, "wide": 85}


def _size_guess(root) -> str:
    """The section's blocks and lines, as CSS custom properties for its size guess."""
    found = list(root.iter(*BLOCKS))
    holding_others = {ancestor for block in found for ancestor in block.iterancestors(*BLOCKS)}
    blocks = [block for block in found if block not in holding_others]  # the innermost: a list item, not its list
    lengths = [len(" ".join(block.text_content().split())) for block in blocks]
    lines = {width: sum(-(-n // per_line) or 1 for n in lengths) for width, per_line in CHARACTERS_A_LINE.items()}
    return f"--blocks: {len(blocks)}; --lines-narrow: {lines['narrow']}; --lines-wide: {lines['wide']}"


def _slug(path: str) -> str:
    return path.strip("/").replace("/", "-").removesuffix(".html") or "home"


def combine(sections: list[Section], here: str) -> str:
    """The HTML of the whole-paper page at site path `here`: a table of contents, then
    every section in a <section> of its own. Works on copies of the sections' trees,
    which the syllabus pack reads too."""
    roots = [deepcopy(section.root) for section in sections]
    uses = Counter(i for root in roots for i in {e.get("id") for e in root.iter() if e.get("id")})
    renamed: dict[str, dict[str, str]] = {}  # section path -> its IDs -> their IDs here
    anchors: dict[str, str] = {}  # section path -> where it starts here
    for section, root in zip(sections, roots):
        slug = _slug(section.path)
        ids = {e.get("id") for e in root.iter() if e.get("id")}
        renamed[section.path] = {i: (f"{slug}-{i}" if uses[i] > 1 else i) for i in ids}
        heading = next((e for e in root.iter("h1", "h2") if e.get("id")), None)
        anchors[section.path] = renamed[section.path][heading.get("id")] if heading is not None else f"page-{slug}"

    def local(target: str, fragment: str) -> str | None:
        """The place on this page a link to `target#fragment` leads to, if it is here."""
        if target not in renamed:
            return None
        if not fragment:
            return anchors[target]
        return renamed[target].get(fragment)

    out = [
        '<nav class="whole-paper__contents" aria-labelledby="whole-paper-contents">',
        '<h2 id="whole-paper-contents">Contents</h2>',
        "<ol>",
    ]
    out += [
        f'<li><a href="#{anchors[s.path]}">{escape(lxml_html.fromstring(s.title or "-").text_content())}</a></li>'
        for s in sections
    ]
    out += ["</ol>", "</nav>"]
    for section, root in zip(sections, roots):
        names = renamed[section.path]
        for element in root.iter():
            if not isinstance(element.tag, str):
                continue  # comments
            if element.get("id"):
                element.set("id", names[element.get("id")])
            for attribute in ("href", "src"):
                url = element.get(attribute)
                if url is None or is_external(url):
                    continue
                target, fragment = resolve(url, section.path)
                place = local(target, fragment) if attribute == "href" else None
                element.set(attribute, f"#{place}" if place else rebase(url, section.path, here))
        start = (
            "" if any(e.get("id") == anchors[section.path] for e in root.iter()) else f' id="{anchors[section.path]}"'
        )
        out.append(
            f'<section class="whole-paper__section"{start} data-page="{section.path}" style="{_size_guess(root)}">'
        )
        out.append(inner_html(root))
        out.append("</section>")
    return "\n".join(out)
