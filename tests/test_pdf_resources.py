"""The PDF fetches nothing but the built site's own files (qarabagh_edition.rules.
pdf_resources), and judges images by their bytes: WeasyPrint's fetcher tested on its own."""

from __future__ import annotations

import pytest
from conftest import ROOT
from test_content_files import SVG_BEACON, png_header

from qarabagh_edition.downloads import pdf
from qarabagh_edition.errors import ContentError

STYLESHEET = ROOT / "overrides" / "assets" / "stylesheets" / "pdf.css"
SITE_URL = "https://edition.example.org/qarabagh/"


def typeset(site, html: str, base_url: str | None = None):
    pdf.write_pdf(f"<p>Text.</p>{html}", base_url or f"{site}/", STYLESHEET, site / "out.pdf", site, SITE_URL)


@pytest.mark.parametrize(
    "source, why",
    [
        ("http://example.invalid/beacon", "not a file of the built site"),
        ("https://edition.example.org/elsewhere/x.png", "not a file of the built site"),
        ("file:///etc/hostname", "not a file of the built site"),
        ("data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg'/>", "not a file of the built site"),
        ("../outside.png", "not a file of the built site"),
        ("beacon.png", "named .png but its bytes are not an image"),
        ("huge.png", "13,000 x 13,000 pixels, more than the limit"),
        ("fake.svg", "named .svg but its bytes are not SVG"),
    ],
)
def test_the_pdf_refuses_what_is_not_the_sites_own(tmp_path, source, why):
    from PIL import Image

    site = tmp_path / "site"
    site.mkdir()
    (tmp_path / "outside.png").write_bytes(png_header(1, 1))
    (site / "beacon.png").write_bytes(SVG_BEACON)
    # 20 KB that decode to 13,000 x 13,000 pixels (169 million; Pillow itself only warns).
    Image.new("1", (13_000, 13_000)).save(site / "huge.png")
    (site / "fake.svg").write_bytes(png_header(1, 1))
    with pytest.raises(ContentError) as refused:
        typeset(site, f'<img src="{source}">')
    assert "out.pdf: " in str(refused.value) and why in str(refused.value), refused.value
    assert not (site / "out.pdf").exists()


def test_a_stylesheet_cannot_fetch_either(tmp_path):
    with pytest.raises(ContentError, match="http://example.invalid/font"):
        typeset(
            tmp_path,
            "<style>@font-face { font-family: x; src: url(http://example.invalid/font) }p { font-family: x }</style>",
        )


def test_the_sites_own_files_are_served(tmp_path):
    from PIL import Image

    (tmp_path / "assets").mkdir()
    Image.new("RGB", (4, 4), "red").save(tmp_path / "assets" / "dot.png")
    (tmp_path / "assets" / "mark.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>')
    typeset(tmp_path, '<img src="assets/dot.png"><img src="assets/mark.svg">')
    assert (tmp_path / "out.pdf").exists()
    # The record's PDF resolves against the site's address: under it, the site's files.
    typeset(tmp_path, '<img src="../../assets/dot.png">', base_url=SITE_URL + "as-published/whole-paper/")
