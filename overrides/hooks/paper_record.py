"""Make the paper's bibliographic record (`published/paper.yml`, read by
qarabagh_edition.paper) available to templates as `config.extra.paper`."""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from qarabagh_edition.paper import load_paper_record
from qarabagh_edition.published_layer import ContentError


def on_config(config, **kwargs):
    try:
        config.extra["paper"] = load_paper_record(Path(config.config_file_path).resolve().parent)
    except ContentError as error:
        raise PluginError("\n".join(error.problems)) from None
    return config
