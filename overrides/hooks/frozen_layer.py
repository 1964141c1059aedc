"""Stop the build when the frozen as-published layer (published/) was changed without
a recorded transcription fix (scripts/freeze --reason "..."), naming `file:line`."""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from qarabagh_edition.rules.content import check_frozen


def on_pre_build(config, **kwargs):
    problems = check_frozen(Path(config.config_file_path).resolve().parent)
    if problems:
        raise PluginError("frozen layer: " + "\n".join(problems))
