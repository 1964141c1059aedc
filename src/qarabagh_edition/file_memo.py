"""Results computed from files, kept until one of those files changes.

An engine renders each page with a new Markdown instance and calls each hook once per
page, so the same data (the layer, the glossary, the apparatus) would be read again and
again; `serve` runs many builds in one process, so a result must not outlive its files.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def files_stamp(files: Iterable[Path]) -> tuple:
    """What identifies the files' contents cheaply: path, modification time, size."""
    return tuple((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in files if f.exists())


def remembered(memo: dict, key: tuple, files: Iterable[Path], compute: Callable[[], T]) -> T:
    """compute(), or its result from `memo` while `key` and the `files` are unchanged. The
    memo keeps one result: the newest (a build needs one state of the files)."""
    stamp = (key, files_stamp(files))
    if stamp not in memo:
        memo.clear()
        memo[stamp] = compute()
    return memo[stamp]
