"""The offline copy as a zip whose bytes depend on the files in it and nothing else.

`zipfile.ZipFile.write` records each file's modification time (when the nested build
wrote it, or when npm unpacked the Worker shim), its permissions (the umask of whoever
built) and the system it was made on, and takes files in the order given. Here every
entry is made from scratch: the names sorted, one date for all (the build's
SOURCE_DATE_EPOCH), rw-r--r-- regular files, Unix as the maker, deflate at a fixed level.
The same zlib then gives the same bytes; the pinned Python and machine image fix that.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from qarabagh_edition.downloads.build_time import zip_date_time

REGULAR_FILE_RW_R_R = 0o100644
UNIX = 3  # ZipInfo.create_system: what made the entry (0 would be MS-DOS, on Windows)
LEVEL = 6  # zlib's default, named so that a change of Python's default changes nothing


def write_zip(folder: Path, target: Path, prefix: str, epoch: int) -> int:
    """Zips every file under `folder` into `target`, each named `prefix/<relative path>`.
    Returns the number of files."""
    files = sorted((p.relative_to(folder).as_posix(), p) for p in folder.rglob("*") if p.is_file())
    date_time = zip_date_time(epoch)
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w") as archive:
        for relative, path in files:
            entry = zipfile.ZipInfo(f"{prefix}/{relative}", date_time=date_time)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = REGULAR_FILE_RW_R_R << 16
            entry.create_system = UNIX
            archive.writestr(entry, path.read_bytes(), compresslevel=LEVEL)
    return len(files)


OFFLINE_BUILD = "EDITION_OFFLINE_BUILD"  # set for the nested build, which turns the offline plugin on


class OfflineBuildFailed(Exception):
    """The nested build stopped; the message has its output."""


def build_offline_zip(root: Path, config_file: str, target: Path, prefix: str, epoch: int) -> None:
    """Build the site again with Material's offline plugin on (the same configuration and
    SOURCE_DATE_EPOCH, inherited through the environment) and zip it into `target`."""
    with tempfile.TemporaryDirectory() as scratch:
        result = subprocess.run(
            [sys.executable, "-m", "properdocs", "build", "--strict", "-q", "-f", config_file, "-d", f"{scratch}/site"],
            cwd=root,
            env={**os.environ, OFFLINE_BUILD: "true"},
            capture_output=True,
            text=True,
        )
        if result.returncode:
            raise OfflineBuildFailed(f"the offline build for {target.name} failed:\n{result.stdout}{result.stderr}")
        write_zip(Path(scratch) / "site", target, prefix=prefix, epoch=epoch)


def copy_worker_shim(root: Path, target: Path) -> list[str]:
    """Material's offline Worker shim from npm's iframe-worker (the plugin names a CDN)."""
    shim = root / "node_modules" / "iframe-worker" / "shim" / "index.js"
    if not shim.exists():
        return ["node_modules/iframe-worker:1: missing (run scripts/build: it runs npm ci)"]
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(shim, target)
    return []
