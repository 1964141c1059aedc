"""The glossary's descriptions, for the tooltips of the links to it (the links are made
by qarabagh_edition.markdown.glossary_links, listed in mkdocs.yml).

The descriptions are written once, to assets/javascripts/glossary-data.js, not into a
`title` on every link: the longest section mentions some 250 actors, and a title on
each cost 5 KB compressed per page and had Material set up 250 tooltips at load.
assets/javascripts/tooltips.js fetches the data on the first hover or focus
and shows one shared tooltip. Without JavaScript the link still leads to the entry.
"""
from __future__ import annotations

import json
from pathlib import Path

from mkdocs.structure.files import File

from qarabagh_edition.actors import load_glossary

TOOLTIP_DATA = "assets/javascripts/glossary-data.js"  # beside tooltips.js, which loads it


def on_files(files, config, **kwargs):
    actors = load_glossary(Path(config.config_file_path).resolve().parent)
    # Sorted, so the file (and any cache of it) changes only when a description does.
    tooltips = {ident: actors[ident].tooltip for ident in sorted(actors)}
    data = json.dumps(tooltips, ensure_ascii=False, indent=0)  # a JSON object is a JavaScript literal
    files.append(File.generated(config, TOOLTIP_DATA, content=f"window.editionGlossary = {data};\n"))
    return files
