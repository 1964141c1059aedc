"""Every citation key on the pages of docs/ (the reading pages and the editors' own pages,
such as the glossary) must exist in the bibliography.

mkdocs-bibtex only warns "Citing unknown reference key x", without saying where;
this hook names `docs/page.md:line` and suggests the nearest known key. It then
hands mkdocs-bibtex all citations of the site at once (qarabagh_mkdocs.bibtex), so
Pandoc runs once per build instead of once per page, and not at all when nothing
changed (disk cache).
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from qarabagh_edition.citation_keys import cited_keys, unknown_keys
from qarabagh_edition.published_layer import ContentError, load_citations, load_layer
from qarabagh_mkdocs import bibtex


@event_priority(-50)  # after mkdocs-bibtex has read the bibliography
def on_pre_build(config, **kwargs):
    known = bibtex.known_keys(config)
    if known is None:
        return
    root = Path(config.config_file_path).resolve().parent
    docs_dir = Path(config.docs_dir).relative_to(root).as_posix()
    problems = []
    try:  # bib/citations.yml must quote the published text exactly
        load_citations(root, load_layer(root))
    except ContentError as error:
        problems += error.problems
    cited = list(cited_keys(root, docs_dir))
    problems += unknown_keys(cited, known, bibtex.bib_file(config))
    if problems:
        raise PluginError("citations: " + "\n".join(problems))
    bibtex.format_all(config, [text for _, _, text in cited], root)
