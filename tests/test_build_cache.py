"""What builds keep in .cache/ (Pandoc's results and Jinja's compiled templates: the output
of external programs only) never hides an edit: a rebuild after a change shows it."""

from __future__ import annotations

import json

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
    data = json.loads(pack.select_one("script#pack-data").string)
    paragraph = next(p for p in data["paragraphs"] if p["id"] == "conclusion-1")
    assert "Yet is this change feasible?" in paragraph["html"] and "But is this" not in paragraph["html"]
