"""Writing what the build keeps of an external program's output (.cache/: Pandoc, git).

Two builds of one project may run at once (the tests run on every core, a contributor
may build while `serve` runs), and a reader must never find a file half written: each
file is written beside its place and then renamed into it, which is atomic on one file
system. The file is whole, or it is not there yet and the program is run again.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_whole(path: Path, text: str) -> None:
    """Write `text` to `path` (UTF-8), so that no reader sees part of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, scratch = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(scratch, path)
    except BaseException:
        Path(scratch).unlink(missing_ok=True)
        raise
