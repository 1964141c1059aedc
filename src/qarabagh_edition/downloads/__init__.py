"""What readers and instructors take away, made at every build (not under serve): the PDFs
of both readings and the offline zip, reproducible (dated SOURCE_DATE_EPOCH)."""

from __future__ import annotations

from pathlib import Path

NAME = "sarmadi-2018-qarabagh-crisis"  # the downloads' file names
FILES = {
    "pdf": f"downloads/{NAME}.pdf",
    "zip": f"downloads/{NAME}-offline.zip",
    "record_pdf": f"downloads/{NAME}-as-published.pdf",
}


def write_downloads(
    root: Path, site: Path, config_file: str, paper: dict, site_url: str, cite: dict, edition: dict
) -> None:
    """Both PDFs from the built whole-paper pages, then the offline zip (a second build).
    Raises offline_zip.OfflineBuildFailed when that build stops."""
    from qarabagh_edition.downloads import build_time, offline_zip, pdf

    epoch = build_time.source_date_epoch(root)
    edition = {**edition, "date": cite["edition"]["date"], "citation": cite["edition_citation"]["chicago"].striptags()}
    pdf.write_pdfs(
        site,
        paper,
        site_url,
        epoch,
        stylesheet=root / "overrides" / "assets" / "stylesheets" / "pdf.css",
        targets={"edition": FILES["pdf"], "record": FILES["record_pdf"]},
        edition=edition,
    )
    offline_zip.build_offline_zip(root, config_file, site / FILES["zip"], NAME, epoch)
