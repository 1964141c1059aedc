"""Material's palette style sheet without its switching rule (why: qarabagh_edition.palette_css)."""
from __future__ import annotations

import logging
import re

from mkdocs.structure.files import File

from qarabagh_edition.palette_css import PaletteRuleMissing, without_switching_rule

log = logging.getLogger("mkdocs.hooks.palette_css")
PALETTE = re.compile(r"assets/stylesheets/palette\.[0-9a-f]+\.min\.css")


def on_files(files, config, **kwargs):
    found = [file for file in files if PALETTE.fullmatch(file.src_uri)]
    if not found:
        log.warning("palette_css: Material's palette style sheet is not among the site's files "
                    "(is the palette still set in mkdocs.yml?)")
    for file in found:
        try:
            css = without_switching_rule(file.content_string, file.abs_src_path or file.src_uri)
        except PaletteRuleMissing as problem:
            log.warning(str(problem))  # --strict stops the build
            continue
        files.remove(file)
        files.append(File.generated(config, file.src_uri, content=css))
    return files
