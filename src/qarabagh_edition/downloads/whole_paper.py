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
from dataclasses import dataclass

from bs4 import BeautifulSoup

from qarabagh_edition.urls import is_external, rebase, resolve

CONTAINER_ID = "whole-paper"


@dataclass
class Section:
    path: str  # its site path, e.g. "social-impacts/" ("" for the home page)
    title: str
    html: str  # the page's content, as built


def _slug(path: str) -> str:
    return path.strip("/").replace("/", "-").removesuffix(".html") or "home"


def combine(sections: list[Section], here: str) -> str:
    """The HTML of the whole-paper page at site path `here`: a table of contents, then
    every section in a <section> of its own."""
    trees = [BeautifulSoup(section.html, "lxml") for section in sections]
    bodies = [tree.body or tree for tree in trees]
    uses = Counter(i for body in bodies for i in {e["id"] for e in body.select("[id]")})
    renamed: dict[str, dict[str, str]] = {}  # section path -> its IDs -> their IDs here
    anchors: dict[str, str] = {}  # section path -> where it starts here
    for section, body in zip(sections, bodies):
        slug = _slug(section.path)
        ids = {element["id"] for element in body.select("[id]")}
        renamed[section.path] = {i: (f"{slug}-{i}" if uses[i] > 1 else i) for i in ids}
        heading = body.find(["h1", "h2"], id=True)
        anchors[section.path] = renamed[section.path][heading["id"]] if heading else f"page-{slug}"

    def local(target: str, fragment: str) -> str | None:
        """The place on this page a link to `target#fragment` leads to, if it is here."""
        if target not in renamed:
            return None
        if not fragment:
            return anchors[target]
        return renamed[target].get(fragment)

    out = ['<nav class="whole-paper__contents" aria-labelledby="whole-paper-contents">',
           '<h2 id="whole-paper-contents">Contents</h2>', "<ol>"]
    out += [f'<li><a href="#{anchors[s.path]}">{BeautifulSoup(s.title, "lxml").get_text()}</a></li>'
            for s in sections]
    out += ["</ol>", "</nav>"]
    for section, body in zip(sections, bodies):
        for element in body.select("[id]"):
            element["id"] = renamed[section.path][element["id"]]
        for element in body.select("[href], [src]"):
            attribute = "href" if element.has_attr("href") else "src"
            url = element[attribute]
            if is_external(url):
                continue
            target, fragment = resolve(url, section.path)
            place = local(target, fragment) if attribute == "href" else None
            element[attribute] = f"#{place}" if place else rebase(url, section.path, here)
        start = "" if body.find(id=anchors[section.path]) else f' id="{anchors[section.path]}"'
        out.append(f'<section class="whole-paper__section"{start} data-page="{section.path}">')
        out.append(body.decode_contents())
        out.append("</section>")
    return "\n".join(out)
