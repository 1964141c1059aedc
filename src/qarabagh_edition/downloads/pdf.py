"""The PDF of the whole paper: the whole-paper page's content (/print_page/, made by
`qarabagh_edition.downloads.whole_paper`) under the paper's title block, typeset by
WeasyPrint with assets/stylesheets/pdf.css.

Every anchor of the whole-paper page exists, so the PDF's internal links work. Its only
dates are the build's SOURCE_DATE_EPOCH: WeasyPrint (70) writes CreationDate and ModDate
only from <meta name="dcterms.created|modified"> and derives the file /ID from the
content, so two builds of one commit give the same bytes.
"""

from __future__ import annotations

import logging
from html import escape
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from qarabagh_edition.downloads.build_time import w3c_datetime
from qarabagh_edition.downloads.pdf_apparatus import KEY, add_apparatus, changes_entries
from qarabagh_edition.errors import ContentError

# What only works on screen: the contents list (the title block has its own), the
# apparatus and the published wording behind their markers, tools, permalinks, switches.
ON_SCREEN_ONLY = (
    "nav.whole-paper__contents, details, .reading-marker, .paragraph-tools, .headerlink, "
    ".reading-switch, .cite-this, .md-source-file"
)


def running_head(paper: dict, short_title: str) -> str:
    """The article's running head, "Sarmadi et al. (2018), The Qarabagh Crisis"."""
    name = paper["authors"][0]["name"]
    # "Noormohamadi Nazariian, Morteza": the family name as the BibTeX entry splits it (cite_this).
    surname = paper.get("_surname_first", {}).get(name, name.split()[-1]).split(",")[0]
    return f"{surname}{' et al.' if len(paper['authors']) > 1 else ''} ({paper['year']}), {short_title}"


def pdf_document(
    print_page_html: str, paper: dict, site_url: str, epoch: int, edition: dict, changes: dict | None = None
) -> str:
    """The HTML WeasyPrint typesets, from the built /print_page/index.html and the
    paper's record (published/paper.yml, as config.extra.paper). `edition` says whose
    edition it is: "editors", "date" (of the version), "citation" (its citation, plain
    text) and "short_title"; its running head and metadata name the edition, the title
    block names the article and its authors as what it is based on. `changes`: paragraph
    ID -> what its marker opens (downloads.pdf_apparatus), for the notes."""
    from bs4 import BeautifulSoup  # here, not above: a build without downloads need not import it (60 ms)

    page = BeautifulSoup(print_page_html, "lxml")
    body = page.select_one("#whole-paper")
    for unwanted in body.select(ON_SCREEN_ONLY):
        unwanted.decompose()
    add_apparatus(body, changes or {})
    # A link to a page the PDF does not hold (a conjecture's mark, to the Corrections page)
    # leads to the site, not to the build's folder, which differs from build to build.
    for link in body.select("a[href]"):
        if not link["href"].startswith("#") and not urlsplit(link["href"]).scheme:
            link["href"] = urljoin(site_url.rstrip("/") + "/print_page/", link["href"])
    authors = ", ".join(a["name"] for a in paper["authors"])
    contents = "".join(
        f"<li>{escape(h.get_text(' ', strip=True).replace('¶', '').strip(), quote=False)}</li>"
        for h in body.select("section.whole-paper__section h1")
    )
    when, editors = w3c_datetime(epoch), edition["editors"]
    year = (edition.get("date") or "n.d.")[:4]
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{escape(paper["title"])} (corrected English edition)</title>
<meta name="author" content="{escape(f"{editors} (eds.); the article by {authors}")}">
<meta name="dcterms.created" content="{when}"><meta name="dcterms.modified" content="{when}">
</head><body>
<header class="pdf-title" data-running-head="{escape(f"{editors}, eds. ({year}), {edition['short_title']}, corrected English edition")}">
<h1>{escape(paper["title"])}</h1><p class="pdf-authors">{escape(authors)}</p>
<p class="pdf-editors">Corrected English edition by {escape(editors.lower())}.</p>
<p class="pdf-record">First published in <i>{paper["journal"]}</i> {paper["volume"]}({paper["issue"]}), {paper["year"]},
pp. {paper["first_page"]}–{paper["last_page"]}. ISSN {paper["issn"]}.</p>
<p class="pdf-edition">Cite this edition as: {escape(edition["citation"], quote=False)} The text as
published is on the site's record pages ({site_url.rstrip("/")}/as-published/).</p>
<h2>Contents</h2><ol class="pdf-contents">{contents}</ol>{KEY}</header>
{body.decode_contents()}</body></html>"""


def write_pdf(document: str, base_url: str, stylesheet: Path, target: Path, site: Path, site_url: str) -> None:
    """Typesets `document`; relative URLs in it (images, links) resolve against `base_url`.
    It loads only files of the built `site` (qarabagh_edition.rules.pdf_resources):
    ContentError for any other URL it names."""
    import weasyprint  # imported when a PDF is made: it takes a while to load

    # Footnote anchors repeat from page to page in the combined document; WeasyPrint's
    # notices about it are not problems of the edition.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    target.parent.mkdir(parents=True, exist_ok=True)
    fetcher = site_fetcher(site, site_url)
    try:
        weasyprint.HTML(string=document, base_url=base_url, url_fetcher=fetcher).write_pdf(
            target,
            stylesheets=[weasyprint.CSS(string=stylesheet.read_text(encoding="utf-8"), url_fetcher=fetcher)],
            pdf_tags=True,  # tagged: its structure (headings, paragraphs, lists) for screen readers and reflow
        )
    except weasyprint.urls.FatalURLFetchingError as error:
        target.unlink(missing_ok=True)
        raise ContentError([f"{target.name}: {error.__cause__}"]) from None


def site_fetcher(site: Path, site_url: str):
    """WeasyPrint's fetcher, serving the built site's files only; anything else stops the PDF."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    from qarabagh_edition.rules.pdf_resources import TYPES, check_resource, site_file

    class SiteFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            path = site_file(url, site, site_url)
            data = path.read_bytes()
            check_resource(path, data)
            return URLFetcherResponse(path.as_uri(), data, {"Content-Type": TYPES[path.suffix.lower()]})

    return SiteFetcher(fail_on_errors=True)  # a refusal stops the PDF, it is not a warning


# What only works on screen on the record's whole-paper page (as-published/whole-paper/),
# and the source line a browser prints (the PDF's title block says where it comes from).
# The editors' queries too: the record's PDF is the text as published, verbatim.
RECORD_ON_SCREEN_ONLY = (
    ".reading-switch, .cite-this, .record-banner, .headerlink, .md-source-file, .print-source, .editorial-query"
)


def record_pdf_document(record_page_html: str, paper: dict, site_url: str, epoch: int, short_title: str) -> str:
    """The HTML of the record's PDF: the article as published (the built
    as-published/whole-paper/ page, which starts with the printed title and byline)."""
    from bs4 import BeautifulSoup  # see pdf_document

    page = BeautifulSoup(record_page_html, "lxml")
    body = page.select_one("article")
    for unwanted in body.select(RECORD_ON_SCREEN_ONLY):
        unwanted.decompose()
    when = w3c_datetime(epoch)
    record = site_url.rstrip("/") + "/as-published/"
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{escape(paper["title"])} (as published)</title>
<meta name="author" content="{escape(", ".join(a["name"] for a in paper["authors"]))}">
<meta name="dcterms.created" content="{when}"><meta name="dcterms.modified" content="{when}">
</head><body>
<header class="pdf-title" data-running-head="{escape(running_head(paper, short_title))}"><p class="pdf-record"><i>{paper["journal"]}</i> {paper["volume"]}({paper["issue"]}),
{paper["year"]}, pp. {paper["first_page"]}–{paper["last_page"]}. ISSN {paper["issn"]}.</p>
<p class="pdf-edition">The text as published, verbatim, from the online edition's record: {record}</p></header>
{body.decode_contents()}</body></html>"""


def write_pdfs(
    site: Path, paper: dict, site_url: str, epoch: int, stylesheet: Path, targets: dict[str, str], edition: dict
) -> None:
    """Both PDFs into the built `site`: `targets` names them ("edition", "record");
    `edition` is as pdf_document takes it."""
    page = (site / "print_page" / "index.html").read_text(encoding="utf-8")
    changes = changes_entries(site / "as-published" / "changes")
    document = pdf_document(page, paper, site_url, epoch, edition, changes)
    write_pdf(document, f"{site / 'print_page'}/", stylesheet, site / targets["edition"], site, site_url)
    whole = site / "as-published" / "whole-paper"
    record = record_pdf_document(
        (whole / "index.html").read_text(encoding="utf-8"), paper, site_url, epoch, edition["short_title"]
    )
    # Its printed citations link to the references online: resolved against the site's
    # address (not the build's folder, which differs from build to build).
    write_pdf(
        record,
        site_url.rstrip("/") + "/as-published/whole-paper/",
        stylesheet,
        site / targets["record"],
        site,
        site_url,
    )
