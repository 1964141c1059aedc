"""First of all: the content folders hold only files the edition accepts (no links,
names of a URL's letters, the kinds each folder holds, within the limits, one URL per
page); qarabagh_edition.rules.content_files says why."""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from qarabagh_edition.rules.content_files import check_files


@event_priority(200)  # before any hook or MkDocs itself reads a file of docs/, data/, bib/ or published/
def on_config(config, **kwargs):
    problems = check_files(Path(config.config_file_path).resolve().parent)
    if problems:
        raise PluginError("The content folders hold files the edition does not accept:\n" + "\n".join(problems))
    return config
