"""When each line of a file was last changed, and which version the site is, from git.

Used by the readings and cite hooks. Outside a git checkout, or
for lines not yet committed, nothing is known and nothing is claimed.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from qarabagh_edition.kept_output import write_whole

UNCOMMITTED = "0" * 40


@dataclass(frozen=True)
class Revision:
    commit: str
    date: str  # YYYY-MM-DD, the commit date
    timestamp: int

    @property
    def short(self) -> str:
        return self.commit[:7]


def _git(root: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout if result.returncode == 0 else None


def checked_out(root: Path) -> str:
    """The commit checked out (what the revisions depend on), read from .git's files: this
    runs for every page, too often for a git process each time. "" before the first commit."""
    git = common = root / ".git"
    if (
        not any((folder / ".git").exists() for folder in (root, *root.resolve().parents))
        and "GIT_DIR" not in os.environ
    ):
        return ""  # not in a repository (a copy of the files): git would say so, a process later
    try:
        if git.is_file():  # a worktree: its own HEAD, the branches in the main checkout's .git
            git = root / git.read_text(encoding="utf-8").removeprefix("gitdir:").strip()
            common = git / (git / "commondir").read_text(encoding="utf-8").strip()
        head = (git / "HEAD").read_text(encoding="utf-8").strip()
        if head.startswith("ref: "):
            name = head[5:]
            if (common / name).exists():
                return (common / name).read_text(encoding="utf-8").strip()
            packed = (common / "packed-refs").read_text(encoding="utf-8").splitlines()
            return next((line.split(" ")[0] for line in packed if line.endswith(" " + name)), "")
        return head
    except OSError:  # not a checkout (or not one laid out as expected): ask git
        return (_git(root, "rev-parse", "HEAD") or "").strip()


def line_revisions(root: Path, path: str, cache: Path | None = None) -> dict[int, Revision]:
    """Line number (1-based) -> the last commit that changed it, for committed lines.

    With `cache`, git's answer is kept there, keyed by the commit checked out and the
    file's content (the two things it depends on), so unchanged files cost no `git blame`."""
    key = None
    head = checked_out(root).strip()
    if not head:
        return {}  # no commit (or no repository): no line is committed
    if cache is not None:
        import hashlib
        import json

        source = root / path
        if source.exists():
            key = cache / (
                hashlib.sha256(head.encode() + b"\0" + path.encode() + b"\0" + source.read_bytes()).hexdigest()
                + ".json"
            )
            if key.exists():
                return {int(line): Revision(*fields) for line, fields in json.loads(key.read_text()).items()}
    output = _git(root, "blame", "--line-porcelain", "--", path)
    if not output:
        return {}
    revisions: dict[int, Revision] = {}
    commit, line, timestamp = None, 0, 0
    for row in output.split("\n"):
        parts = row.split(" ")
        if len(parts) >= 3 and len(parts[0]) == 40 and all(c in "0123456789abcdef" for c in parts[0]):
            commit, line = parts[0], int(parts[2])
        elif row.startswith("committer-time "):
            timestamp = int(row.split(" ", 1)[1])
        elif row.startswith("\t") and commit and commit != UNCOMMITTED:
            import datetime

            date = datetime.datetime.fromtimestamp(timestamp, datetime.timezone.utc).strftime("%Y-%m-%d")
            revisions[line] = Revision(commit, date, timestamp)
    if key is not None:
        write_whole(key, json.dumps({n: [r.commit, r.date, r.timestamp] for n, r in revisions.items()}))
    return revisions


def last_revision(revisions: dict[int, Revision], first: int, last: int) -> Revision | None:
    """The newest commit among lines first..last (None if any line is uncommitted or unknown)."""
    found = [revisions.get(n) for n in range(first, last + 1)]
    if not found or any(r is None for r in found):
        return None
    return max(found, key=lambda r: r.timestamp)


def site_version(root: Path) -> Revision | None:
    output = _git(root, "log", "-1", "--format=%H %cs %ct")
    if not output or not output.strip():
        return None
    commit, date, timestamp = output.split()
    return Revision(commit, date, int(timestamp))
