"""The Syllabus pack page (qarabagh_edition.pages.syllabus_pack): every paragraph of the
paper, as built, inline in the pack page, written once the whole site is built."""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from qarabagh_edition.pages.syllabus_pack import HOME_SECTION, PackError, PaperPage, pack_data, with_pack_data

CACHE_DIR = ".cache/syllabus-pack"  # git-ignored, like the Pandoc results

# This build's navigation and pack pages, from on_nav and on_page_content to
# on_post_build, which is given neither: this hook's own record of the build, reset
# when the next one starts (on_nav).
_build: dict = {"nav": None, "pack_pages": []}


def on_nav(nav, **kwargs):
    _build.update(nav=nav, pack_pages=[])
    return nav


def on_page_content(html, page, **kwargs):
    if 'id="pack-root"' in html:
        _build["pack_pages"].append(page)
    return html


@event_priority(-100)  # after every other hook has written its files
def on_post_build(config, **kwargs):
    nav = _build["nav"]
    if nav is None or not _build["pack_pages"]:
        return
    site_dir = Path(config.site_dir)
    site_url = config.site_url or ""
    if site_url and not site_url.endswith("/"):
        site_url += "/"
    pages = [PaperPage(p.file.src_uri, p.url, HOME_SECTION if p.is_homepage else p.title, site_dir / p.file.dest_uri)
             for p in nav.pages if not (p.meta or {}).get("editorial")]
    cache = Path(config.config_file_path).resolve().parent / CACHE_DIR
    try:
        for pack in _build["pack_pages"]:
            data = pack_data(pages, pack.url, site_url, config.extra.get("cite", {}),
                             config.extra["edition"]["editors"], cache)
            target = site_dir / pack.file.dest_uri
            target.write_text(with_pack_data(target.read_text(encoding="utf-8"), data, pack.file.src_uri),
                              encoding="utf-8")
    except PackError as error:
        raise PluginError(str(error)) from None
