"""Stop the build when a page contains raw HTML that could run code in a reader's
browser (<script>, <iframe>, <object>/<embed>, on…= attributes, javascript: URLs)."""
from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

sys.path.insert(0, str(Path(__file__).parent))  # MkDocs loads hooks by path, not as a package
from content_rules import check_unsafe_html  # noqa: E402


def on_pre_build(config, **kwargs):
    root = Path(config.config_file_path).parent
    problems = check_unsafe_html(root, Path(config.docs_dir).relative_to(root).as_posix())
    if problems:
        raise PluginError("unsafe HTML: " + "\n".join(problems))
