"""The URL contract's logic: the public URLs of a built site, and which listed URLs no
longer resolve in it (scripts/url_contract.py is the command; tests/test_url_contract.py
the check). See the script's docstring for what the contract is.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup

HOME = "./"
# Built files that are not pages of the edition.
SKIPPED_PAGES = {"404.html"}
SKIPPED_DIRS = {"search", "assets"}
# The whole paper on one page: its URL is public, its anchors are copies of the pages' own.
PRINT_PAGE = "print_page/"
# The record's pages (the paper as published) follow their reading pages: a reading page's
# redirect is also its record's (qarabagh_edition.pages.record).
RECORD = "as-published/"
ARTICLE = "article.md-content__inner"
ANCHORED_TAGS = ["h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote"]
# IDs that belong to furniture around the text, not to the text.
SKIPPED_CONTAINERS = {"published-reading", "cite-this", "md-source-file"}
FOOTNOTE_ID = re.compile(r"^(fn|fnref\d*):")

HEADER = """\
# The URL contract: every public URL of the site (pages, headings, paragraph anchors),
# relative to site_url; the home page is ./ . tests/test_url_contract.py fails when one
# of them stops resolving in the built site. A renamed page keeps its old URL with a
# redirect (mkdocs.yml, plugins: redirects: redirect_maps: 'old.md': 'new.md'); an ID
# ({: #id }) never changes. After adding pages or IDs, regenerate this file with
#   scripts/url_contract.py --update
# (it builds the site with `properdocs build --strict`; --site DIR uses an existing build).
"""


# ---------------------------------------------------------------------------
# Reading a built site
# ---------------------------------------------------------------------------


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def _page_url(site_dir: Path, html: Path) -> str:
    relative = html.relative_to(site_dir).as_posix()
    if relative == "index.html":
        return HOME
    if relative.endswith("/index.html"):
        return relative[: -len("index.html")]
    return relative


def _page_file(site_dir: Path, page: str) -> Path | None:
    """The HTML file serving a page URL (`social-impacts/`, `./`), or None."""
    page = page.split("#", 1)[0].split("?", 1)[0]
    if page in ("", HOME, "/"):
        page = ""
    page = page.lstrip("/")
    if page.startswith("./"):
        page = page[2:]
    candidate = site_dir / page / "index.html" if page == "" or page.endswith("/") else site_dir / page
    if candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def redirect_target(html: Path | BeautifulSoup) -> str | None:
    """The URL a mkdocs-redirects stub sends to (as written: usually relative), else None."""
    if isinstance(html, Path):
        text = html.read_text(encoding="utf-8")
        if "refresh" not in text.lower():
            return None  # most pages: no need to parse them to know they are not stubs
        soup = BeautifulSoup(text, "lxml")
    else:
        soup = html
    refresh = soup.find("meta", attrs={"http-equiv": re.compile("^refresh$", re.I)})
    if refresh is None:
        return None
    match = re.search(r"url\s*=\s*['\"]?([^'\"]+)", refresh.get("content", ""), re.I)
    return match.group(1).strip() if match else None


def _is_public_anchor(element) -> bool:
    identifier = element.get("id", "")
    if not identifier or identifier.startswith("__") or FOOTNOTE_ID.match(identifier):
        return False
    for node in [element, *element.parents]:
        if SKIPPED_CONTAINERS & set(node.get("class") or []):
            return False
    return True


def site_urls(site_dir: Path) -> list[str]:
    """Every public URL of a built site, sorted (see the module's description)."""
    site_dir = Path(site_dir)
    urls: set[str] = set()
    for html in sorted(site_dir.rglob("*.html")):
        relative = html.relative_to(site_dir)
        if relative.as_posix() in SKIPPED_PAGES or relative.parts[0] in SKIPPED_DIRS:
            continue
        soup = _soup(html)
        if redirect_target(soup) is not None:
            continue  # a mkdocs-redirects stub: an old URL, kept by the redirect itself
        page = _page_url(site_dir, html)
        urls.add(page)
        article = soup.select_one(ARTICLE)
        if page == PRINT_PAGE or article is None:
            continue
        for element in article.find_all(ANCHORED_TAGS, id=True):
            if _is_public_anchor(element):
                urls.add(f"{page}#{element['id']}")
    return sorted(urls)


# ---------------------------------------------------------------------------
# Checking a contract against a built site
# ---------------------------------------------------------------------------


def _markdown_source(page: str) -> str:
    """docs/ file name of a page URL: `social-impacts/` -> `social-impacts.md` (and of a
    record's page, its reading page's: `as-published/social-impacts/` -> the same)."""
    page = page.removeprefix(RECORD).rstrip("/")
    if page in ("", "."):
        return "index.md"
    if page.endswith(".html"):
        page = page[: -len(".html")]
    return f"{page}.md"


def _resolve_page(site_dir: Path, page: str, hops: int = 10) -> tuple[str | None, Path | None]:
    """Follow redirect stubs from a page URL; (final page URL, its HTML file), or (None, None).

    A redirect to another site cannot be checked here: it gives (URL, None) with the URL.
    """
    for _ in range(hops):
        html = _page_file(site_dir, page)
        if html is None:
            return None, None
        target = redirect_target(html)
        if target is None:
            return page, html
        here = _page_url(site_dir, html)
        absolute = urljoin("http://site.invalid/" + ("" if here == HOME else here), target)
        parts = urlsplit(absolute)
        if parts.netloc != "site.invalid":
            return absolute, None  # redirected off the site, deliberately
        page = parts.path.lstrip("/") or HOME
    return None, None  # a redirect loop


def _missing_page_message(url: str, suggestion: str | None) -> str:
    new = suggestion or "<new>.md"
    return (
        f"{url}: no page here any more. If the page was renamed, keep its old URL with a "
        f"redirect in mkdocs.yml:\n"
        f"  plugins:\n"
        f"    - redirects:\n"
        f"        redirect_maps:\n"
        f"          '{_markdown_source(url)}': '{new}'"
    )


def broken_urls(contract_urls, site_dir) -> list[str]:
    """The contract's URLs that no longer resolve in the built site, one message each.

    A URL resolves if its page exists (or is a mkdocs-redirects stub whose target
    exists) and, if it has an anchor, an element with that ID is on that page.
    Each message starts with the URL and says how to repair it.
    """
    site_dir = Path(site_dir)
    contract_urls = [url.strip() for url in contract_urls if url.strip()]
    ids_cache: dict[Path, set[str]] = {}
    missing_pages: list[str] = []
    problems: list[tuple[str, str | None]] = []  # (url, message or None for a missing page)
    resolved: dict[str, tuple] = {}  # each page is followed once, however many anchors it has
    for url in contract_urls:
        page, _, anchor = url.partition("#")
        page = page or HOME
        if page not in resolved:
            resolved[page] = _resolve_page(site_dir, page)
        final_page, html = resolved[page]
        if final_page is None:
            if not anchor:
                missing_pages.append(page)
                problems.append((url, None))
            else:
                problems.append(
                    (
                        url,
                        f"{url}: no page here any more; a redirect for {page} keeps "
                        "this anchor working (see the message for the page).",
                    )
                )
            continue
        if html is None or not anchor:
            continue  # the page is there (or redirected off the site)
        if html not in ids_cache:
            ids_cache[html] = {element["id"] for element in _soup(html).find_all(id=True)}
        if anchor not in ids_cache[html]:
            source = _markdown_source(final_page)
            problems.append(
                (
                    url,
                    f"{url}: the page has no anchor '#{anchor}' any more. Anchors are "
                    f"permanent: restore the ID {{: #{anchor} }} in docs/{source}",
                )
            )
    # When exactly one page went and exactly one new page came, it is surely a rename.
    suggestion = None
    missing_readings = [page for page in missing_pages if not page.startswith(RECORD)]
    if len(missing_readings) == 1:
        contract_pages = {url.partition("#")[0] or HOME for url in contract_urls}
        new_pages = [
            page
            for page in site_urls(site_dir)
            if "#" not in page and page not in contract_pages and page != PRINT_PAGE and not page.startswith(RECORD)
        ]
        if len(new_pages) == 1:
            suggestion = _markdown_source(new_pages[0])
    return [message if message is not None else _missing_page_message(url, suggestion) for url, message in problems]


# ---------------------------------------------------------------------------
# The contract file
# ---------------------------------------------------------------------------


def read_contract(path: Path) -> list[str]:
    lines = (line.strip() for line in Path(path).read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def write_contract(urls, path: Path) -> None:
    Path(path).write_text(HEADER + "".join(f"{url}\n" for url in sorted(urls)), encoding="utf-8")
