"""BibTeX and RIS files of a citation, written into the built site beside its pages:
cite/<key>.bib|.ris (the article), cite/<key>-edition.bib|.ris (the corrected edition),
cite/<page path>.bib|.ris (each page, credited by its role: qarabagh_edition.cite_this)."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from qarabagh_edition import cite_formats, cite_this


def page_download(page_url: str) -> str:
    """cite/<the page's path>, without suffix: introduction/ (or introduction.html) -> cite/introduction."""
    return "cite/" + PurePosixPath(page_url.rstrip("/")).with_suffix("").as_posix()


def write(target: Path, what: tuple) -> None:
    """`target`.bib and `target`.ris of cite_this.citation's arguments `what`."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.with_suffix(".bib").write_text(cite_formats.bibtex(*what), encoding="utf-8")
    target.with_suffix(".ris").write_bytes(cite_formats.ris(*what).encode("utf-8"))


def write_article_and_edition(site: Path, cite: dict, paper: dict, edition: tuple) -> None:
    """cite/<key>.bib|.ris, the article (its BibTeX as bib/paper.bib gives it), and
    cite/<key>-edition.bib|.ris, the corrected edition (`edition`: as for write)."""
    (site / "cite").mkdir(parents=True, exist_ok=True)
    (site / "cite" / f"{cite['key']}.bib").write_text(cite["bibtex"], encoding="utf-8")
    (site / "cite" / f"{cite['key']}.ris").write_bytes(
        cite_formats.ris(cite_this.RECORD, cite, paper, "", paper["url"]).encode("utf-8")
    )
    write(site / "cite" / f"{cite['key']}-edition", edition)


def page_citation(cited: tuple, editors_url: str | None, page_url: str, site: Path) -> dict:
    """A page's citation for its Cite box (cite_this.citation of `cited`, with where its
    BibTeX and RIS are), its files written into the built `site` as they are made."""
    write(site / page_download(page_url), cited)
    return {**cite_this.citation(*cited, editors_url=editors_url), "download": page_download(page_url)}
