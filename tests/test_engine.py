"""The site is built with ProperDocs, the maintained continuation of MkDocs 1.6. MkDocs
itself (which Material and the plugins still import) builds the same site: every file
is the same but for the generator named in each page's <meta name="generator">."""

import filecmp
import re

from conftest import ROOT

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def test_properdocs_builds_what_mkdocs_builds_apart_from_the_generator_tag(tmp_path):
    import os
    import subprocess
    import sys

    mkdocs_site = tmp_path / "mkdocs-site"
    # Without the downloads: the offline zip holds pages that name their generator too
    # (tests/test_reproducible.py compares the downloads of two builds).
    environment = {**os.environ, "EDITION_SKIP_DOWNLOADS": "1"}
    for engine, target in (("mkdocs", mkdocs_site), ("properdocs", tmp_path / "properdocs-site")):
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                engine,
                "build",
                "-f",
                str(ROOT / "mkdocs.yml"),
                "--strict",
                "--site-dir",
                str(target),
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            env=environment,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        if engine == "properdocs":
            assert "MkDocs 2.0" not in result.stdout + result.stderr, "an end-of-life banner"
            assert "should be renamed" not in result.stdout + result.stderr, "a notice about the file's name"
    compared, different = 0, []
    for path in sorted((tmp_path / "properdocs-site").rglob("*")):
        if not path.is_file():
            continue
        relative = path.relative_to(tmp_path / "properdocs-site")
        other = mkdocs_site / relative
        assert other.exists(), f"only ProperDocs wrote {relative}"
        compared += 1
        if path.suffix == ".html":
            if GENERATOR.sub(b"", path.read_bytes()) != GENERATOR.sub(b"", other.read_bytes()):
                different.append(str(relative))
        elif not filecmp.cmp(path, other, shallow=False):  # sitemap.xml.gz too: one build date
            different.append(str(relative))
    assert compared > 50 and different == []
    assert len([p for p in mkdocs_site.rglob("*") if p.is_file()]) == compared, "only MkDocs wrote some files"
    page = (tmp_path / "properdocs-site" / "index.html").read_bytes()
    assert b"ProperDocs" in GENERATOR.search(page).group(0)
