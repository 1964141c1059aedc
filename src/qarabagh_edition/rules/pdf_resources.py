"""What the PDF may load while it is typeset: the built site's own files, and nothing else.

WeasyPrint fetches whatever a document or an image names: a web address (a beacon
from the build machine), a file:// anywhere on disk, a data: URL. Its fetcher
(qarabagh_edition.downloads.pdf) asks `site_file` for every URL, so only a file of the
built site is read; any other URL stops the build with this module's message. Images
are judged by their bytes, not their names: WeasyPrint sniffs an image's kind, so a
".png" holding SVG would be parsed as SVG and follow its references; and a small PNG
can declare 13,000 x 13,000 pixels, which it would decode in full. The dimensions are
read from the header (Pillow's Image.open decodes nothing).
"""

from __future__ import annotations

import io
import warnings
from pathlib import Path
from urllib.parse import unquote, urlsplit

# Suffix -> the format Pillow must find in the bytes.
RASTER = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".gif": "GIF", ".webp": "WEBP"}
MAX_PIXELS = 20_000_000  # a 20-megapixel photograph; the edition's own images are icons
TYPES = {
    ".css": "text/css",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
}


class Refused(Exception):
    """A resource the PDF may not load; the message says which and why."""


def site_file(url: str, site: Path, site_url: str) -> Path:
    """The file of the built `site` that `url` names (a file:// URL inside it, or an
    address under the site's own `site_url`); Refused for anything else."""
    parts = urlsplit(url)
    own = urlsplit(site_url.rstrip("/") + "/")
    if parts.scheme == "file":
        path = Path(unquote(parts.path))
    elif (
        parts.scheme in ("http", "https")
        and (parts.scheme, parts.netloc) == (own.scheme, own.netloc)
        and parts.path.startswith(own.path)
    ):
        path = site / unquote(parts.path[len(own.path) :])
    else:
        raise Refused(
            f"the PDF would fetch '{url[:200]}', which is not a file of the built site (the PDF loads "
            "nothing else: remove the reference)"
        )
    site = site.resolve()
    resolved = path.resolve()
    if not resolved.is_relative_to(site) or not resolved.is_file():
        raise Refused(
            f"the PDF would read '{url[:200]}', which is not a file of the built site (the PDF loads "
            "nothing else: remove the reference)"
        )
    if resolved.suffix.lower() not in TYPES:
        raise Refused(f"the PDF would load '{url[:200]}', not a kind of file it loads ({', '.join(sorted(TYPES))})")
    return resolved


def check_resource(path: Path, data: bytes) -> None:
    """Refused unless an image's bytes are of the kind its name says, within MAX_PIXELS."""
    suffix = path.suffix.lower()
    if suffix == ".svg":
        start = data[:512].lstrip()
        if not (start.startswith(b"<svg") or start.startswith(b"<?xml")):
            raise Refused(f"{path.name}: named .svg but its bytes are not SVG text")
        return
    if suffix not in RASTER:
        return
    from PIL import Image  # here: only a PDF with images needs it

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # Pillow warns of a large image: the limit below decides
            with Image.open(io.BytesIO(data)) as image:
                found, (width, height) = image.format, image.size
    except Exception:  # noqa: BLE001 (Pillow raises many kinds; each means "not an image we know")
        found, width, height = None, 0, 0
    if found != RASTER[suffix]:
        raise Refused(
            f"{path.name}: named {suffix} but its bytes are {found or 'not an image Pillow knows'} "
            f"(an image must be the kind its name says)"
        )
    if width * height > MAX_PIXELS:
        raise Refused(
            f"{path.name}: {width:,} x {height:,} pixels, more than the limit of {MAX_PIXELS:,} "
            "(make the image smaller)"
        )
