"""Reading the built site the way a reader meets it."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

from bs4 import BeautifulSoup

# The paper's sections in the paper's order: (URL path, heading as published).
SECTIONS = [
    ("introduction/", "INTRODUCTION"),
    ("roots-of-the-crisis/", "The roots of the crisis Qarabagh"),
    ("consequences-of-irans-foreign-policy/", "Consequences of Iran's Foreign Policy in the Qarabagh Crisis"),
    ("security-and-military-consequences/", "Security Consequences and Military"),
    ("political-implications/", "Political implications"),
    ("social-impacts/", "Social Impacts"),
    ("conclusion/", "Conclusion"),
    ("references/", "References"),
]


def soup(site: Path, url_path: str = "") -> BeautifulSoup:
    return BeautifulSoup((site / url_path / "index.html").read_text(encoding="utf-8"), "lxml")


def content(site: Path, url_path: str = ""):
    """The article body of a page, without Material's navigation and chrome."""
    return soup(site, url_path).select_one("article.md-content__inner")


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("index.html"))


def line_of(path: Path, needle: str) -> int:
    """The number of the first line of a file that contains `needle` (for file:line messages)."""
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def follow_without_reload(page, link, path: str) -> None:
    """Click a link to the page at `path` and check that Material's instant navigation, not
    a page load, showed it (a mark left on the old window is still there). Only the path is
    compared: navigation.tracking may add the heading in view to the address."""
    page.evaluate("window.__samePageMark = true")
    link.click()
    page.wait_for_url(lambda url: urlparse(url).path.endswith(path))
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__samePageMark === true"), "the link reloaded the page: no instant navigation"


def paragraph_line(path: Path, ident: str) -> int:
    """The first line of the paragraph whose ID is `ident` (below its apparatus lines)."""
    from qarabagh_edition.reading_page import parse_page

    blocks, _ = parse_page(path.read_text(encoding="utf-8"), path.name)
    return next(block.line for block in blocks if block.id == ident)
