"""Every page of docs/ has a URL of its own, and none that the build writes itself.

MkDocs (use_directory_urls) maps `x.md` and `x/index.md` to one URL, `x/`, and writes
both without a word: the second replaces the first. `README.md` is an index too, but
content names are lower-case (content_files), so only `index.md` is. The build also
writes files of its own; a page at one of their paths would replace them or be replaced
(`docs/sitemap.xml.md` ends the build with a traceback, `docs/as-published/…` puts text
into the search index under the record's title).
"""

from __future__ import annotations

# The first part of every path the build writes that is not a page of docs/ (a test
# compares this with a built site): Material's 404 page, sitemap, search index and
# assets; the edition's record pages and their changes, the whole paper, the Cite box's
# files and the downloads.
RESERVED = {
    "404": "Material's page for a missing page (404.html)",
    "sitemap.xml": "the sitemap MkDocs writes",
    "sitemap.xml.gz": "the compressed sitemap MkDocs writes",
    "search": "the search index (search/search_index.json)",
    "assets": "the theme's and the edition's scripts, styles and images",
    "as-published": "the paper as printed, generated from published/ (overrides/hooks/record_pages.py)",
    "print_page": "the whole paper on one page (overrides/hooks/whole_paper.py)",
    "cite": "the BibTeX and RIS downloads of the Cite box (overrides/hooks/cite_this.py)",
    "downloads": "the PDFs and the offline zip (overrides/hooks/downloads.py)",
}


def page_url(page: str) -> str:
    """The URL (relative to the site) MkDocs gives the page at `page` (a path in docs/)."""
    parent, _, name = page.rpartition("/")
    stem = name.removesuffix(".md")
    parts = [p for p in parent.split("/") if p] + ([] if stem == "index" else [stem])
    return "/".join(parts) + "/" if parts else ""


def check_urls(pages: list[str], docs_dir: str = "docs") -> list[str]:
    """`file:line` problems for pages (paths inside docs/, e.g. 'x/index.md') that share a
    URL, or take one the build writes itself."""
    problems, first = [], {}
    for page in sorted(pages):
        url = page_url(page)
        top = url.split("/")[0]
        if top in RESERVED:
            problems.append(
                f"{docs_dir}/{page}:1: the name '{top}' is the build's own ({RESERVED[top]}): a page "
                f"there would replace it or be replaced (rename the page)"
            )
        elif url in first:
            problems.append(
                f"{docs_dir}/{page}:1: this page has the same URL, /{url}, as {docs_dir}/{first[url]} "
                "(x.md and x/index.md are both x/): the one would replace the other (rename one of them)"
            )
        else:
            first[url] = page
    return problems
