"""The record at its own pages (qarabagh_edition.pages.record): the paper as the journal
published it, one page per section under as-published/, its front and abstract at
as-published/, and the whole paper as published on one page. Templates get the pairs of
pages (config.extra.record) for the reading switch and the metadata."""
from __future__ import annotations

import json
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from mkdocs.utils import get_relative_url

from qarabagh_edition.pages.record import WHOLE_PAPER, name_the_readings, record_pages, record_redirects, redirect_stub
from qarabagh_edition.published_layer import nav_titles


def on_files(files, config, **kwargs):
    root = Path(config.config_file_path).resolve().parent
    docs_dir = Path(config.docs_dir).relative_to(root).as_posix()
    pairs = {}
    for page in record_pages(root, docs_dir, nav_titles(config.nav), config.extra["paper"]):
        record = File.generated(config, page.src_uri, content=page.markdown)
        files.append(record)
        reading = files.get_file_from_path(page.reading)
        if reading is not None:
            pairs[reading] = record
    site = (config.site_url or "").rstrip("/") + "/"
    config.extra["record"] = {
        # Reading page -> its record, and back (files inside docs/), for the reading switch.
        "pages": {reading.src_uri: record.url for reading, record in pairs.items()},
        "readings": {record.src_uri: reading.url for reading, record in pairs.items()},
        # Site paths of the pairs, for the script that keeps the site's links in one reading.
        "urls": {reading.url: record.url for reading, record in pairs.items()},
        "fulltext": site + next((r.url for r in pairs.values() if r.src_uri == WHOLE_PAPER), ""),
        "sources": {reading.src_uri: record.src_uri for reading, record in pairs.items()},
    }
    return files


@event_priority(-90)  # after Material's search plugin has written its index, before its offline plugin copies it
def on_post_build(config, **kwargs):
    # A reading page moved with a redirect (mkdocs-redirects): its record moves with it.
    redirects = config.plugins.get("redirects")
    maps = dict(redirects.config.get("redirect_maps") or {}) if redirects else {}
    for old, new in record_redirects(maps, config.extra["record"]["sources"]).items():
        stub, target = File.generated(config, old, content=""), config.extra["record"]["pages"][new]
        path = Path(config.site_dir) / stub.dest_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(redirect_stub(get_relative_url(target, stub.url)), encoding="utf-8")
    index = Path(config.site_dir) / "search" / "search_index.json"
    if index.exists():
        named = name_the_readings(json.loads(index.read_text(encoding="utf-8")), config.extra["record"]["urls"])
        index.write_text(json.dumps(named, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
