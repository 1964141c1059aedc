"""Keep Material's compiled page templates between builds, in .cache/templates/.

Jinja compiles every template it loads (some 80 for Material's page layout) to Python
on each build, about a quarter of a second here, for `mkdocs build` and for every
rebuild of `mkdocs serve`. Jinja's own bytecode cache keeps the result on disk, keyed
by each template's name and source checksum, so an edited template (ours or an
upgraded Material's) is compiled afresh. .cache/ is git-ignored, like the Pandoc
results kept there; deleting it only makes the next build slower.
"""
from __future__ import annotations

from pathlib import Path

from jinja2 import FileSystemBytecodeCache


def on_env(env, config, **kwargs):
    folder = Path(config.config_file_path).resolve().parent / ".cache" / "templates"
    folder.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(folder))
    return env
