"""Stop the build when the frozen as-published layer (published/) was changed without
a recorded transcription fix (scripts/freeze --reason "..."), naming `file:line`."""
from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

sys.path.insert(0, str(Path(__file__).parent))  # MkDocs loads hooks by path, not as a package
from content_rules import check_frozen  # noqa: E402


def on_pre_build(config, **kwargs):
    problems = check_frozen(Path(config.config_file_path).parent)
    if problems:
        raise PluginError("frozen layer: " + "\n".join(problems))
