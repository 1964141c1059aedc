"""The build trusts what `.cache/` says (pages found clean, renders kept): only a cache
the build wrote itself may be there. A contribution that carries `.cache/` files could
tell the build that a page was checked and found clean, so a committed one is refused.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

CACHE = ".cache"


def committed_cache_files(root: Path) -> list[str]:
    """`file:1: what is wrong (how to fix)` for every file under .cache/ that git tracks.
    Outside a git checkout (a downloaded copy) there is nothing to ask, and nothing found."""
    try:
        listed = subprocess.run(
            ["git", "ls-files", "-z", "--", CACHE], cwd=root, capture_output=True, text=True, check=False
        )
    except OSError:  # no git on this machine
        return []
    if listed.returncode != 0:
        return []
    return [
        f"{name}:1: a file of {CACHE}/ is committed: the build would trust what it says about the "
        f"pages (remove it from the repository: git rm -r --cached {CACHE})"
        for name in listed.stdout.split("\0")
        if name
    ]
