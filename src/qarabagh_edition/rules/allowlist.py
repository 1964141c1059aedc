"""What a page may contain: the allowlist, and nh3 applied with it.

The decision is nh3's (Python bindings of the maintained Rust sanitizer ammonia): a
rendered fragment is cleaned against the allowlist below; anything nh3 would strip or
change is a problem (qarabagh_edition.rules.allowlist_judgement says what, and
.allowlist_messages how to fix it). A page of docs/ is judged by SOURCE
(qarabagh_edition.rules.html_allowlist); a built page by SOURCE widened by the edition's
own markup (qarabagh_edition.rules.built_pages).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import nh3

# Elements that prose, lists, quotations, tables, footnotes, admonitions and collapsible
# notes render to. Not listed, hence refused: script, style, link, meta, base, iframe,
# frame, object, embed, video, audio, source, picture, svg, math, form, input, button,
# select, textarea, noscript, template, ...
TAGS = set(
    """
    a abbr b blockquote br caption cite code col colgroup dd del details dfn div dl dt em
    figcaption figure h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p pre q s samp small span
    strong sub summary sup table tbody td tfoot th thead time tr u ul var wbr
    """.split()
)

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
    *"abstract keywords editorial pack-intro pack-root needs-javascript".split(),
    # admonitions and collapsible notes (admonition, pymdownx.details; "abstract" above too)
    *"admonition admonition-title note info tip success question warning failure danger bug example quote".split(),
    # footnotes, and the table of contents' [TOC] (not its permalinks' "headerlink": see
    # html_allowlist.page_markdown)
    *"footnote footnote-ref footnote-backref toc".split(),
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
    # nh3's arguments, made with the allowlist (made per call, they cost more than the
    # cleaning of a short fragment)
    nh3_arguments: dict = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        arguments = {
            "tags": set(self.tags),
            "attributes": {tag: set(names) for tag, names in self.attributes.items()},
            "allowed_classes": {tag: set(self.classes) for tag in self.tags},
        }
        object.__setattr__(self, "nh3_arguments", arguments)


# What a page of docs/ may render to.
SOURCE = Allowlist(frozenset(TAGS), ATTRIBUTES, frozenset(CLASSES), frozenset(RESOURCE_ATTRIBUTES))


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
        **allowlist.nh3_arguments,
        filter_style_properties=STYLE_PROPERTIES,
        url_schemes=URL_SCHEMES,
        attribute_filter=attribute_filter,
        strip_comments=False,  # comments are editors' notes; they cannot run or load anything
        link_rel=None,  # nh3 would add rel="noopener noreferrer" to links: not a problem of the page
    )
