"""The one time a build writes into its files: when its source was last committed.

Two builds of the same commit must give the same bytes (issue 14), so nothing built may
carry the time it was built at. The convention every tool here follows is
SOURCE_DATE_EPOCH (https://reproducible-builds.org/specs/source-date-epoch/): MkDocs and
ProperDocs take the sitemap's `lastmod` dates and the gzip header of sitemap.xml.gz from
it; the PDF's dates and the offline zip's entry times are taken from it here. A build
sets it once, from the last commit, unless the caller gave one (a packager may).
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Mapping, MutableMapping
from pathlib import Path

from qarabagh_edition.history import site_version

VARIABLE = "SOURCE_DATE_EPOCH"

# Outside a git checkout (a source tarball, a copy of the files) there is no commit to
# date the build by, and the wall clock would make every build differ: 1980-01-01
# 00:00:00 UTC instead, the earliest time a zip entry can hold. Such builds agree with
# each other, and the date claims nothing about the text (the pages show no version then).
WITHOUT_GIT = 315532800

ZIP_EPOCH = WITHOUT_GIT  # zip's date fields start at 1980


def source_date_epoch(root: Path, environ: Mapping[str, str] = os.environ) -> int:
    """SOURCE_DATE_EPOCH if given, else the time of the last commit of `root`'s checkout."""
    given = environ.get(VARIABLE, "").strip()
    if given:
        try:
            return int(given)
        except ValueError:
            raise ValueError(f"{VARIABLE}={given!r}: expected whole seconds since 1970-01-01 UTC") from None
    version = site_version(root)
    return version.timestamp if version else WITHOUT_GIT


def fix_build_time(root: Path, environ: MutableMapping[str, str] = os.environ) -> int:
    """Sets SOURCE_DATE_EPOCH in `environ` (the process's own, by default) unless it is
    given, and returns it: the engine reads it from there, and the nested offline build,
    started with this environment, inherits the same value instead of asking git again."""
    epoch = source_date_epoch(root, environ)
    environ[VARIABLE] = str(epoch)
    return epoch


def utc(epoch: int) -> datetime.datetime:
    # UTC, never the local zone: TZ must not change a byte of the build.
    return datetime.datetime.fromtimestamp(epoch, datetime.timezone.utc)


def w3c_datetime(epoch: int) -> str:
    """e.g. 2026-12-01T05:11:25Z, the form WeasyPrint reads from <meta name="dcterms.*">."""
    return utc(epoch).strftime("%Y-%m-%dT%H:%M:%SZ")


def zip_date_time(epoch: int) -> tuple[int, int, int, int, int, int]:
    """The (year, month, day, hour, minute, second) a zip entry records, in UTC. Zip
    counts seconds in twos and starts at 1980; earlier times are held at its start."""
    return utc(max(epoch, ZIP_EPOCH)).timetuple()[:6]
