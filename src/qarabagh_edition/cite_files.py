"""BibTeX and RIS files of a citation, written into the built site beside its pages:
cite/<key>.bib|.ris (the article), cite/<key>-edition.bib|.ris (the corrected edition),
cite/<page path>.bib|.ris (each page, credited by its role: qarabagh_edition.cite_this)."""
from __future__ import annotations

from pathlib import Path, PurePosixPath

from qarabagh_edition import cite_this


def page_download(page_url: str) -> str:
    """cite/<the page's path>, without suffix: introduction/ (or introduction.html) -> cite/introduction."""
    return "cite/" + PurePosixPath(page_url.rstrip("/")).with_suffix("").as_posix()


def write(target: Path, what: tuple) -> None:
    """`target`.bib and `target`.ris of cite_this.citation's arguments `what`."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.with_suffix(".bib").write_text(cite_this.bibtex(*what), encoding="utf-8")
    target.with_suffix(".ris").write_bytes(cite_this.ris(*what).encode("utf-8"))
