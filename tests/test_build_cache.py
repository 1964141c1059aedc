"""What builds keep in .cache/ (Pandoc's results and Jinja's compiled templates: the output
of external programs only) never hides an edit: a rebuild after a change shows it."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from bs4 import BeautifulSoup


def test_a_rebuild_after_edits_shows_them_despite_what_the_first_build_kept(project_copy, build_copy, tmp_path):
    first = build_copy(project_copy)
    assert first.returncode == 0, first.output
    cache = project_copy / ".cache"
    for kept in ("templates", "citations"):
        assert any((cache / kept).iterdir()), f"the first build kept nothing in .cache/{kept}"

    # A contributor's correction, and an edit to one of our templates.
    page = project_copy / "docs" / "conclusion.md"
    text = page.read_text(encoding="utf-8")
    # The reading's words and the apparatus line that records them change together.
    assert text.count("But is this change feasible?") == 2
    page.write_text(text.replace("But is this change feasible?", "Yet is this change feasible?"), encoding="utf-8")
    switch = project_copy / "overrides" / "partials" / "reading-switch.html"
    template = switch.read_text(encoding="utf-8")
    assert template.count('aria-label="Reading"') == 2
    switch.write_text(template.replace('aria-label="Reading"', 'aria-label="Which text"'), encoding="utf-8")

    second = build_copy(project_copy)
    assert second.returncode == 0, second.output
    site = tmp_path / "site-of-copy"
    conclusion = BeautifulSoup((site / "conclusion" / "index.html").read_text(encoding="utf-8"), "lxml")
    assert "Yet is this change feasible?" in conclusion.find(id="conclusion-1").get_text()
    assert conclusion.select_one("nav.reading-switch")["aria-label"] == "Which text"
    pack = BeautifulSoup((site / "pack" / "index.html").read_text(encoding="utf-8"), "lxml")
    data = json.loads(pack.select_one("div#pack-data[hidden]").string)
    paragraph = next(p for p in data["paragraphs"] if p["id"] == "conclusion-1")
    assert "Yet is this change feasible?" in paragraph["html"] and "But is this" not in paragraph["html"]


# `serve` rebuilds in one process, loading mkdocs.yml again each time
# (properdocs.commands.serve): nothing a build read may stand in for the files in the next.
SERVE_TWICE = """
import sys
from pathlib import Path

import properdocs.replacement  # noqa: F401 (mkdocs.* is properdocs.*, as for the command line)
from properdocs.commands.build import build
from properdocs.config import load_config

site = sys.argv[1]
first = load_config(config_file="mkdocs.yml", site_dir=site)
first.plugins.on_startup(command="serve", dirty=False)
build(first)
glossary = Path("data/glossary.yml")
glossary.write_text(glossary.read_text(encoding="utf-8").replace("whose first name differs", "whose given name differs", 1))
build(load_config(config_file="mkdocs.yml", site_dir=site))
"""


def test_a_rebuild_in_the_same_process_reads_the_content_again(project_copy, tmp_path):
    site = tmp_path / "served"
    result = subprocess.run(
        [sys.executable, "-c", SERVE_TWICE, str(site)],
        cwd=project_copy,
        capture_output=True,
        text=True,
        env={**os.environ, "EDITION_SKIP_DOWNLOADS": "1"},
    )
    assert result.returncode == 0, result.stderr
    glossary = (site / "glossary" / "index.html").read_text(encoding="utf-8")
    assert "whose given name differs" in glossary and "whose first name differs" not in glossary
    assert "whose given name differs" in (site / "assets" / "javascripts" / "glossary-data.js").read_text(
        encoding="utf-8"
    )
