"""Two builds of the same commit are the same bytes, the PDF and the offline zip
included (issue 14): every date in them is the last commit's (SOURCE_DATE_EPOCH,
qarabagh_edition.downloads.build_time), never the time, zone or order of a build.

One more full build, compared with the session's: seconds later, into another folder,
in another time zone, with another string hash seed and another umask, so that a wall
clock, a local time, a set's order or a file's permissions that reached a file would
show as a difference. A date of a day's resolution (the sitemap's) would not, on the
day of the commit: the dates in the files are therefore checked against the commit.
"""

from __future__ import annotations

import datetime
import gzip
import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

from conftest import ROOT

DOWNLOADS = ["downloads/sarmadi-2018-qarabagh-crisis.pdf", "downloads/sarmadi-2018-qarabagh-crisis-offline.zip"]
TEST_FILES = {".build-log"}  # what conftest's `site` fixture adds beside the build


def files(site: Path) -> dict[str, Path]:
    return {
        p.relative_to(site).as_posix(): p
        for p in site.rglob("*")
        if p.is_file() and p.relative_to(site).as_posix() not in TEST_FILES
    }


def commit_epoch() -> int:
    """What the build should date itself by, found here without the edition's code."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return int(os.environ["SOURCE_DATE_EPOCH"])
    log = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True)
    return int(log.stdout) if log.returncode == 0 and log.stdout.strip() else 315532800  # no git: 1980-01-01


def test_two_builds_of_one_commit_are_byte_identical(site, tmp_path):
    # Zip entries count time in two-second steps: let at least that pass since the first build.
    time.sleep(max(0.0, 2.5 - (time.time() - (site / ".build-log").stat().st_mtime)))
    other = tmp_path / "second-build"
    environment = {
        **os.environ,
        "TZ": "Pacific/Kiritimati",  # UTC+14: another date than UTC for half the day
        "PYTHONHASHSEED": "1" if os.environ.get("PYTHONHASHSEED") != "1" else "2",
    }
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "properdocs",
            "build",
            "-f",
            str(ROOT / "mkdocs.yml"),
            "--strict",
            "--site-dir",
            str(other),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=environment,
        preexec_fn=lambda: os.umask(0o077),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    first, second = files(site), files(other)
    assert set(DOWNLOADS) <= set(first), "the downloads are part of what is compared"
    only = sorted(set(first) ^ set(second))
    different = sorted(p for p in set(first) & set(second) if first[p].read_bytes() != second[p].read_bytes())
    assert not only and not different, (
        f"two builds of one commit differ: {len(different)} of {len(first)} files, "
        f"e.g. {different[:20]}; in one build only: {only[:20]}"
    )


def test_the_dates_in_the_build_are_the_last_commits(site):
    from pypdf import PdfReader

    epoch = commit_epoch()
    when = datetime.datetime.fromtimestamp(epoch, datetime.timezone.utc)
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert sitemap.count("<lastmod>") > 10 and sitemap.count(f"<lastmod>{when:%Y-%m-%d}</lastmod>") == sitemap.count(
        "<lastmod>"
    )
    with gzip.open(site / "sitemap.xml.gz") as compressed:
        compressed.read()
        midnight = when.replace(hour=0, minute=0, second=0)
        assert compressed.mtime == int(midnight.timestamp()), "sitemap.xml.gz's header time"
    info = PdfReader(str(site / DOWNLOADS[0])).metadata
    assert info["/CreationDate"] == info["/ModDate"] == f"D:{when:%Y%m%d%H%M%S}Z"
    with zipfile.ZipFile(site / DOWNLOADS[1]) as archive:
        entries = archive.infolist()
    stamp = max(when, datetime.datetime(1980, 1, 1, tzinfo=datetime.timezone.utc))  # zip's first date
    assert {e.date_time for e in entries} == {(*stamp.timetuple()[:5], stamp.second // 2 * 2)}
    assert [e.filename for e in entries] == sorted(e.filename for e in entries)
    assert {e.external_attr >> 16 for e in entries} == {0o100644}


def lock_entries() -> dict[str, tuple[str, list[str]]]:
    """requirements.txt: normalised name -> (pinned version, sha256 hashes)."""
    import re

    text = (ROOT / "requirements.txt").read_text(encoding="utf-8").replace("\\\n", " ")
    entries = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            pin = re.match(r"([A-Za-z0-9._-]+)==(\S+)", line)
            assert pin, f"requirements.txt: not an exact pin: {line[:80]}"
            name = re.sub(r"[-_.]+", "-", pin.group(1)).lower()
            entries[name] = (pin.group(2), re.findall(r"--hash=sha256:([0-9a-f]{64})\b", line))
    return entries


def test_the_lock_pins_every_installed_package_with_hashes():
    import re
    from importlib import metadata

    entries = lock_entries()
    assert len(entries) > 50 and not [n for n, (_, hashes) in entries.items() if not hashes], "a pin without hashes"
    installed = {re.sub(r"[-_.]+", "-", d.metadata["Name"]).lower(): d.version for d in metadata.distributions()}
    # pip comes with the venv; the edition itself is installed editable, apart (no hashes for a folder).
    unlocked = {
        n: v for n, v in installed.items() if n not in ("pip", "qarabagh-edition") and entries.get(n, ("",))[0] != v
    }
    assert not unlocked, f"installed, but not at the lock's version: {unlocked} (scripts/lock, then reinstall)"
    assert "--require-hashes" in (ROOT / "scripts" / "_environment.sh").read_text(encoding="utf-8")
