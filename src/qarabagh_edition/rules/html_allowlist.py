"""What a contributor's Markdown may render to: an allowlist, applied by a sanitizer.

The check looks at what each page of `docs/` *renders to* with Python-Markdown and the
site's own Markdown extensions (attr_list, md_in_html, footnotes, ...), not at its
source text, so no spelling of a dangerous thing escapes it: an `on…=` attribute given
through attr_list, an event attribute on the second line of a tag, a `javascript:` URL
written with character references, a form, a `<base>` or a `<meta>` refresh, an image
from another host. Our own hooks add their markup later, to the engine's rendering of
the page; what they make, from the data too, is judged once more when the page is built
(qarabagh_edition.rules.built_pages, with this allowlist widened by their markup).

The decision is nh3's (Python bindings of the maintained Rust sanitizer ammonia): the
rendered page is cleaned against the allowlist below, and anything nh3 would strip or
change is a problem. Both the page and nh3's result are parsed with an HTML5 parser
(tinyhtml5, which WeasyPrint already brings) and compared as trees, so that mere
re-serialisation (quotes, entities) is not taken for a change. Only the reporting is
ours: what was removed, and on which source line it stands.
"""

from __future__ import annotations

import html
import re
import secrets
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import markdown
import nh3
import tinyhtml5

from qarabagh_edition import front_matter
from qarabagh_edition.rules import front_matter_keys, plain_text, reserved, source_text

# -- The allowlist ----------------------------------------------------------------------

# Elements that prose, lists, quotations, tables, footnotes, admonitions and collapsible
# notes render to. Not listed, hence refused: script, style, link, meta, base, iframe,
# frame, object, embed, video, audio, source, picture, svg, math, form, input, button,
# select, textarea, noscript, template, ...
TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "caption",
    "cite",
    "code",
    "col",
    "colgroup",
    "dd",
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "samp",
    "small",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "u",
    "ul",
    "var",
    "wbr",
}

# Attributes by element ("*": on every element). `class` is governed by CLASSES below.
ATTRIBUTES = {
    "*": {"id", "title", "lang"},  # not `dir`: it reorders what readers see (1988–1994 shown 1994–1988)
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "ol": {"start", "reversed"},
    "li": {"value"},
    "td": {"colspan", "rowspan", "style"},  # style: only text-align, from Markdown tables
    "th": {"colspan", "rowspan", "scope", "style"},
    "time": {"datetime"},
    "details": {"open"},
}
STYLE_PROPERTIES = {"text-align"}

# Links may lead to other sites over these schemes; relative links and #fragments too.
URL_SCHEMES = {"http", "https", "mailto"}
# Attributes that load something into the page: only files of the site itself.
RESOURCE_ATTRIBUTES = {("img", "src")}

# Classes a page may give (attr_list `{: .name }`) or that the Markdown extensions write.
CLASSES = {
    # the edition's own, written in docs/
    "abstract",
    "keywords",
    "editorial",
    "pack-intro",
    "pack-root",
    "needs-javascript",
    # admonitions and collapsible notes (admonition, pymdownx.details)
    "admonition",
    "admonition-title",
    "note",
    "abstract",
    "info",
    "tip",
    "success",
    "question",
    "warning",
    "failure",
    "danger",
    "bug",
    "example",
    "quote",
    # footnotes, and the table of contents' [TOC] (not its permalinks' "headerlink": see render)
    "footnote",
    "footnote-ref",
    "footnote-backref",
    "toc",
}

# An ID is a plain name: `social-12`, `fn:1`. Names starting "__" are Material's own.
ID_VALUE = re.compile(r"^(?!__)[A-Za-z0-9][A-Za-z0-9_:.-]*$")


def _only_the_site(url: str) -> bool:
    # Browsers drop tabs and line breaks inside URLs and trim spaces and control
    # characters around them; judge the URL the way they will read it.
    url = re.sub(r"[\t\n\r]", "", url).strip(
        "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f"
        "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b"
        "\x1c\x1d\x1e\x1f "
    )
    parts = urlsplit(url.replace("\\", "/"))
    return not (parts.scheme or parts.netloc or url.replace("\\", "/").startswith("//"))


@dataclass(frozen=True)
class Allowlist:
    """What a fragment of a page may contain, as nh3 is told it."""

    tags: frozenset
    attributes: dict  # element -> attribute names ("*": every element)
    classes: frozenset
    resource_attributes: frozenset  # (element, attribute) pairs naming a file to load: this site's only


# What a page of docs/ may render to.
SOURCE = Allowlist(frozenset(TAGS), ATTRIBUTES, frozenset(CLASSES), frozenset(RESOURCE_ATTRIBUTES))


_SETS: dict[int, tuple[Allowlist, dict]] = {}


def _nh3_sets(allowlist: Allowlist) -> dict:
    """nh3's arguments for an allowlist, made once (they are rebuilt per call otherwise,
    which cost more than the cleaning of a short fragment)."""
    kept = _SETS.get(id(allowlist))
    if kept is None or kept[0] is not allowlist:
        kept = _SETS[id(allowlist)] = (
            allowlist,
            {
                "tags": set(allowlist.tags),
                "attributes": {tag: set(names) for tag, names in allowlist.attributes.items()},
                "allowed_classes": {tag: set(allowlist.classes) for tag in allowlist.tags},
            },
        )
    return kept[1]


def sanitize(rendered: str, allowlist: Allowlist = SOURCE) -> str:
    """The fragment as nh3 lets it through under an allowlist (the pages' by default)."""

    def attribute_filter(tag: str, attribute: str, value: str) -> str | None:
        """Called by nh3 for every attribute its allowlist kept: None drops it."""
        if (tag, attribute) in allowlist.resource_attributes and not _only_the_site(value):
            return None
        if attribute == "id" and not ID_VALUE.match(value):
            return None
        return value

    return nh3.clean(
        rendered,
        **_nh3_sets(allowlist),
        filter_style_properties=STYLE_PROPERTIES,
        url_schemes=URL_SCHEMES,
        attribute_filter=attribute_filter,
        strip_comments=False,  # comments are editors' notes; they cannot run or load anything
        link_rel=None,  # nh3 would add rel="noopener noreferrer" to links: not a problem of the page
    )


# -- Comparing the page with what nh3 lets through ---------------------------------------


@dataclass(frozen=True)
class Removed:
    """Something nh3 removed or changed: an element, or an attribute of an element."""

    tag: str
    attribute: str | None = None
    value: str | None = None


XHTML = "{http://www.w3.org/1999/xhtml}"


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1]


def _style(value: str) -> str:
    # nh3 rewrites the declarations it keeps ("text-align: left;" -> "text-align:left").
    declarations = (d.split(":", 1) for d in value.split(";") if ":" in d)
    return ";".join(sorted(f"{p.strip().lower()}:{v.strip()}" for p, v in declarations))


def _inventory(fragment: str) -> tuple[Counter, Counter]:
    """Elements and (element, attribute, value) triples of an HTML fragment, as counts."""
    body = tinyhtml5.parse(f"<!doctype html><html><head></head><body>{fragment}</body></html>")
    elements: Counter = Counter()
    attributes: Counter = Counter()
    for name, value in body.attrib.items():  # <html>: see below
        attributes[("html", _local(name), value)] += 1
    for head_or_body in body:
        for element in head_or_body.iter():
            if not isinstance(element.tag, str):
                continue  # comments
            if _local(element.tag) in ("html", "head", "body"):
                # The document around the fragment has no attributes of its own: any it has
                # came from a <body onload=...> or <html ...> in the fragment, which
                # browsers move onto the page's own <body> and <html>.
                for name, value in element.attrib.items():
                    attributes[(_local(element.tag), _local(name), value)] += 1
                continue
            if not element.tag.startswith(XHTML) and _local(element.tag) not in ("svg", "math"):
                continue  # inside <svg> or <math>: reported as that element
            tag = _local(element.tag)
            elements[tag] += 1
            for name, value in element.attrib.items():
                name = _local(name)
                if name == "class":
                    for cls in value.split():
                        attributes[(tag, "class", cls)] += 1
                else:
                    attributes[(tag, name, _style(value) if name == "style" else value)] += 1
    return elements, attributes


def _end_mark() -> tuple[str, tuple[str, str, str]]:
    """A mark no page can contain, a new random ID each time: a mark written in the page
    itself would vouch for markup left open before the real one."""
    ident = f"end-of-fragment-{secrets.token_hex(8)}"
    return f'<p id="{ident}"></p>', ("p", "id", ident)


def _nothing_removed(rendered: str, cleaned: str) -> bool:
    """A quick answer for a clean page, which nh3 re-serialises but leaves whole: cleaned
    again with everything the page could hold allowed (every tag-like and attribute-like
    name and URL scheme in its text, a superset), it comes out the same, so the allowlist
    took nothing out. Anything else goes to the full comparison of the two parsed trees,
    which also names what was removed; so does foreign content (SVG, MathML), which nh3
    may take out whatever it is told. (Parsing the Corrections page as a tree twice took
    0.9 s of every rebuild; this, 0.1 s.)"""
    lowered = rendered.lower()
    if any(f"<{name}" in lowered for name in ("svg", "math", "html", "head", "body", "frameset")):
        return False  # nh3 drops or ignores these whatever it is told: the full comparison sees them
    try:
        everything = nh3.clean(
            rendered,
            tags={name.lower() for name in re.findall(r"<([A-Za-z][^\s/>]*)", rendered)},
            attributes={"*": {name.lower() for name in re.findall(r"[\s\"'/]([^\s\"'>/=<]+)", rendered)}},
            # URLs as nh3 reads them: character references decoded, tabs and line breaks
            # dropped, any case ("JAVA&#09;SCRIPT:" is javascript:).
            url_schemes=set(
                re.findall(r"([a-z][a-z0-9+.-]*):", re.sub(r"[\t\n\r]", "", html.unescape(rendered)).lower())
            ),
            clean_content_tags=set(),
            strip_comments=False,
            link_rel=None,
        )
    except BaseException:  # nh3 refuses a name it was given: let the full comparison decide
        return False
    return everything == cleaned


@dataclass(frozen=True)
class Judgement:
    removed: list[Removed]  # what the allowlist refuses: empty when the fragment passes
    closed: bool  # nothing is left open at its end (an element, a tag, a value, a comment)


def judged(rendered: str, allowlist: Allowlist = SOURCE) -> Judgement:
    """A rendered fragment (a page's content, a piece of it) judged by the allowlist."""
    # A fragment is judged with a mark after it: markup left open at its end (a tag, an
    # attribute value, a comment) would take in what the template puts after it, and
    # parsed alone it is simply dropped. Followed by the mark, the open tag shows its
    # attributes, and open markup that swallows the mark is reported as such.
    mark, mark_id = _end_mark()
    rendered = rendered + mark
    cleaned = sanitize(rendered, allowlist)
    closed = cleaned.endswith(mark)  # else the mark was taken into open markup, or an open element
    if closed and (cleaned == rendered or _nothing_removed(rendered, cleaned)):
        return Judgement([], True)
    before_elements, before_attributes = _inventory(rendered)
    if before_attributes[mark_id] < 1:
        return Judgement([Removed("end", "open", "markup left open at the end")], False)
    after_elements, after_attributes = _inventory(cleaned)
    removed = [Removed(tag) for tag in (before_elements - after_elements)]
    dropped_tags = {r.tag for r in removed}
    for tag, attribute, value in before_attributes - after_attributes:
        if tag in dropped_tags and before_elements[tag] == (before_elements - after_elements)[tag]:
            continue  # every such element went, its attributes with it
        removed.append(Removed(tag, attribute, value))
    return Judgement(removed, closed)


def removed_by_sanitizer(rendered: str, allowlist: Allowlist = SOURCE) -> list[Removed]:
    """What the allowlist refuses in a rendered page: empty when the page passes."""
    return judged(rendered, allowlist).removed


# -- Messages ---------------------------------------------------------------------------

_ELEMENT_HINTS = {
    "script": "it would run code in readers' browsers",
    "style": "styles come from the edition's stylesheet",
    "link": "pages may not load stylesheets or other files",
    "meta": "it can redirect readers elsewhere",
    "base": "it changes where every link of the page goes",
    "form": "it could send readers' input to another site",
    "iframe": "pages may not embed other pages",
    "frame": "pages may not embed other pages",
    "object": "pages may not embed other content",
    "embed": "pages may not embed other content",
    "svg": "it can carry scripts and links of its own",
    "math": "it can carry links of its own",
}


def describe(item: Removed) -> str:
    """What is not allowed, and how to fix it (the part after `file:line: `)."""
    if item.tag == "end" and item.attribute == "open":
        return (
            "markup is left open at the end (a tag, a quoted value or a comment not closed): it would take "
            "in what follows it on the page (close it, or write the characters as text)"
        )
    if item.attribute is None:
        why = _ELEMENT_HINTS.get(item.tag, "it is not one of the elements a page may contain")
        return (
            f"the element <{item.tag}> is not allowed: {why} "
            "(write plain Markdown; README.md, section Security, lists what a page may contain)"
        )
    shown = f'{item.attribute}="{_short(item.value or "")}"' if item.attribute != "class" else f"class '{item.value}'"
    if item.attribute.lower().startswith("on"):
        return (
            f"the event attribute {shown} on <{item.tag}> is not allowed: it would run code in readers' "
            "browsers (remove it)"
        )
    if item.attribute == "class":
        return (
            f"{shown} on <{item.tag}> is not one of the edition's classes (remove it; README.md, "
            "section Security, lists the classes a page may use)"
        )
    if item.attribute == "style":
        return (
            f"the style {shown} on <{item.tag}> is not allowed (styles come from the edition's stylesheet; remove it)"
        )
    if (item.tag, item.attribute) in RESOURCE_ATTRIBUTES or item.attribute.startswith("data-"):
        return (
            f"{shown} on <{item.tag}> loads a file from elsewhere: pages may load files of this site only "
            "(put the file under docs/ and give its relative path)"
        )
    if item.attribute in ("href", "src"):
        return (
            f"the link {shown} on <{item.tag}> is not allowed: links may be relative, #anchors, or "
            "https:, http: or mailto: addresses (fix or remove it)"
        )
    if item.attribute == "id":
        return (
            f"the ID {shown} on <{item.tag}> is not a plain name (use lower-case words and numbers, e.g. 'social-12')"
        )
    return f"the attribute {shown} on <{item.tag}> is not allowed (remove it)"


def _short(value: str, limit: int = 60) -> str:
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1] + "…"


def source_line(source: str, item: Removed, first_line: int = 1) -> int:
    """The line of the Markdown source where the removed thing is written (best effort;
    the decision itself was nh3's). Lines are read with character references decoded."""
    lines = [html.unescape(line).lower() for line in source.split("\n")]
    if item.tag == "end":
        return max(first_line, len(lines))  # left open at the end of the page
    for needle in needles(item):
        for number, line in enumerate(lines, start=1):
            if number >= first_line and needle in line:
                return number
    return first_line


def needles(item: Removed) -> list[str]:
    """What to look for in a source to find where a removed thing is written, the most
    particular first: the attribute with its value, the value, the ID as attr_list
    writes it, the attribute's name, the tag (an image: also Markdown's `![`)."""
    if item.tag == "end":
        return []  # open markup at the end has nothing of its own to look for
    value = " ".join((item.value or "").split()).lower()[:40]
    found = []
    if item.attribute and value:
        attribute = item.attribute.lower()
        found += [f'{attribute}="{value}', f"{attribute}='{value}", f"{attribute}={value}"]
    if item.attribute == "id" and value:
        found += [f"#{value}", value]
    elif value:
        found.append(value)
    if item.attribute:
        found.append(item.attribute.lower())
    found.append(f"<{item.tag}")
    if item.tag == "img":
        found.append("![")
    return [needle for needle in found if needle]


# -- Pages ------------------------------------------------------------------------------

# The edition's own transforms (qarabagh_edition.markdown): their markup is ours, not the
# page's, and out of the allowlist's scope like the hooks' (they also need the project's data).
OWN_EXTENSIONS = "qarabagh_edition."


def render(source: str, extensions: list, extension_configs: dict) -> str:
    """The page as Python-Markdown renders it with the site's extensions, before any hook,
    but without toc's permalinks: their class (`headerlink`) is toc's, not the page's. A
    page giving it (`[words](#x){: .headerlink }`) would have words that Material shows
    only on hover and that the rules skip as the permalink's."""
    body = _without_front_matter(source)
    extensions = [e for e in extensions if not str(e).startswith(OWN_EXTENSIONS)]
    configs = {**extension_configs, "toc": {**(extension_configs.get("toc") or {}), "permalink": False}}
    return markdown.Markdown(extensions=extensions, extension_configs=configs).convert(body)


def _without_front_matter(source: str) -> str:
    # Blank lines in place of the front matter (read as MkDocs reads it) keep the lines of the page.
    taken = front_matter.read(source).lines
    lines = source.split("\n")
    return "\n" * taken + "\n".join(lines[taken:]) if taken else source


def check_page(source: str, shown: str, extensions: list, extension_configs: dict) -> list[str]:
    """`file:line: what is not allowed (how to fix)` for one page of docs/: its front
    matter, what it renders to, and in that the names and titles that are the edition's."""
    problems = front_matter_keys.problems(source, shown) + _rendered_problems(
        source, shown, extensions, extension_configs
    )
    return sorted(set(problems), key=lambda p: (int(p.split(":")[1]), p))


def _rendered_problems(source: str, shown: str, extensions: list, extension_configs: dict) -> list[str]:
    """What `source` renders to, judged: the allowlist, headings as plain text, the edition's names."""
    rendered = render(source, extensions, extension_configs)
    problems = [f"{shown}:{source_line(source, item)}: {describe(item)}" for item in removed_by_sanitizer(rendered)]
    tree = tinyhtml5.parse(f"<!doctype html><html><head></head><body>{rendered}</body></html>")
    return (
        problems
        + plain_text.heading_problems(tree, source, shown)
        + reserved.page_problems(tree, source, shown)
        + _invisible_problems(tree, source, shown)
    )


def _invisible_problems(tree, source: str, shown: str) -> list[str]:
    """The invisible characters source_text forbids, once character references are decoded:
    `&#x202E;` reverses what a reader sees and `&#8203;` splits a name for the spelling
    rules as surely as the characters themselves."""
    english = shown.startswith("docs/")
    shown_text = [
        piece
        for element in tree.iter()
        for piece in (
            (element.text if isinstance(element.tag, str) else None),
            element.tail,
            *(element.attrib.values() if isinstance(element.tag, str) else ()),
        )
        if piece
    ]
    problems = []
    for character in dict.fromkeys(source_text.invisible_in("".join(shown_text), english)):
        line = next(
            (number for number, text in enumerate(source.split("\n"), start=1) if character in html.unescape(text)), 1
        )
        problems.append(
            f"{shown}:{line}: a character reference to the invisible character "
            f"{source_text.describe(character)}: it changes how the text reads or is matched (delete it)"
        )
    return problems


def check_field(text: str, shown: str, line: int, extensions: list, extension_configs: dict) -> list[str]:
    """`file:line: what is not allowed (how to fix)` for Markdown a contributor writes in
    the data (a glossary entry's description, a timeline event's): it is pasted into a
    generated page, so it may be exactly what a page of docs/ may be. Judged here, alone,
    because the built page is judged by the wider allowlist of the edition's own markup
    (its reading markers, tooltips, notes), which is the edition's, not the data's.
    Reported at the entry's line."""
    return [
        f"{shown}:{line}:{problem.split(':', 2)[2]}"
        for problem in _rendered_problems(text, shown, extensions, extension_configs)
    ]


def check_pages(root: Path, docs_dir: str, extensions: list, extension_configs: dict) -> list[str]:
    """Every page of docs/ checked against the allowlist."""
    problems: list[str] = []
    for path in sorted((root / docs_dir).rglob("*.md")):
        source = path.read_text(encoding="utf-8")
        problems += check_page(source, path.relative_to(root).as_posix(), extensions, extension_configs)
    return problems + other_files(root, docs_dir)


def published_texts(root: Path, extensions: list, extension_configs: dict) -> list[str]:
    """The as-published layer judged as pages are: its paragraphs, headings and front
    (published/*.yml) become the record's pages and the changes panels' Markdown, and a
    transcription fix (scripts/freeze) is a contribution like any other. (The bibliographic
    record, paper.yml, and the plain transcript are printed as text, not as Markdown.) The
    build logs these and goes on, so that the built pages' gate reports its own too."""
    from qarabagh_edition.errors import ContentError
    from qarabagh_edition.published_layer import load_layer
    from qarabagh_edition.rules.content import frozen_texts

    try:
        headings = {entry.id for entry in load_layer(root).values() if entry.kind == "heading"}
        texts = frozen_texts(root)
    except ContentError:
        return []  # the layer cannot be read: check_frozen says why
    return [
        problem
        for key, (text, shown, line) in texts.items()
        if key != "transcript" and not key.startswith("paper:")
        for problem in check_field(f"# {text}" if key in headings else text, shown, line, extensions, extension_configs)
    ]


# Besides pages, docs/ may hold the images pages show. Anything else would be published as
# it is, outside every check: an HTML or SVG file runs its own scripts, and a file at a
# theme asset's path (assets/...) would replace the edition's own script or style sheet.
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif"}


def other_files(root: Path, docs_dir: str) -> list[str]:
    """`file: what is wrong (how to fix)` for every file of docs/ that is not a page or an image."""
    problems = []
    for path in sorted((root / docs_dir).rglob("*")):
        if not path.is_file() or path.suffix == ".md":
            continue
        shown = path.relative_to(root).as_posix()
        inside = path.relative_to(root / docs_dir).as_posix()
        if inside.startswith("assets/"):
            problems.append(
                f"{shown}:1: docs/assets/ is the theme's: a file here would replace the edition's "
                "own (remove it; the edition's scripts and styles are in overrides/assets/)"
            )
        elif path.suffix.lower() not in IMAGE_SUFFIXES:
            problems.append(
                f"{shown}:1: only pages (.md) and images ({', '.join(sorted(IMAGE_SUFFIXES))}) belong "
                "in docs/: this file would be published as it is, unchecked (remove it)"
            )
    return problems
