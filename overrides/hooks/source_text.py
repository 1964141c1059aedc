"""Before anything reads the project's text: every file is UTF-8, without a byte order
mark or invisible controls (qarabagh_edition.rules.source_text says why)."""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from qarabagh_edition.rules.source_text import check_sources


@event_priority(200)  # first of all: the other hooks read these files from on_config on
def on_config(config, **kwargs):
    problems = check_sources(Path(config.config_file_path).resolve().parent)
    if problems:
        raise PluginError("A text file of the project cannot be read as it should:\n" + "\n".join(problems))
    return config
