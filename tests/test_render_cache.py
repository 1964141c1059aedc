"""The render cache (qarabagh_edition.render_cache, overrides/hooks/render_cache.py and
search_cache.py): a build that uses what an earlier build kept writes the same bytes as
one that renders every page; an edit to the data the Markdown extensions read shows
despite it; a broken anchor is still reported; and the key changes with each of its
inputs."""
from __future__ import annotations

import logging
import os
import shutil
import time
from pathlib import Path

import pytest

from conftest import ROOT, run_build
from qarabagh_edition import render_cache

SKIP_DOWNLOADS = {"EDITION_SKIP_DOWNLOADS": "1"}
# What other builds keep (Pandoc's results, templates): shared to save time, keyed on content.
OTHER_CACHES = ("citations", "cite-this", "templates", "syllabus-pack")


# -- The key and the storage ------------------------------------------------------------

def _project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    for folder in ("data", "published", "bib", "overrides/hooks"):
        (root / folder).mkdir(parents=True)
    (root / "data" / "glossary.yml").write_text("- id: a\n", encoding="utf-8")
    (root / "bib" / "paper.bib").write_text("@article{x}\n", encoding="utf-8")
    (root / "overrides" / "hooks" / "hook.py").write_text("x = 1\n", encoding="utf-8")
    return root


def test_the_site_key_changes_with_each_input(tmp_path):
    root = _project(tmp_path)
    settings = {"markdown_extensions": ["toc"], "mdx_configs": {"toc": {"permalink": "¶"}}}
    files = [("index.md", "", "included"), ("a.md", "a/", "included")]
    first = render_cache.site_key(root, settings, files)
    assert render_cache.site_key(root, dict(settings), list(reversed(files))) == first, "same inputs, same key"
    keys = {first}

    def changed(key: str) -> None:
        assert key not in keys
        keys.add(key)

    changed(render_cache.site_key(root, {**settings, "mdx_configs": {"toc": {"permalink": "#"}}}, files))
    changed(render_cache.site_key(root, settings, [*files, ("b.md", "b/", "included")]))
    changed(render_cache.site_key(root, settings, [files[0], ("a.md", "a.html", "included")]))
    for path, text in (("data/glossary.yml", "- id: b\n"), ("bib/paper.bib", "@article{y}\n"),
                       ("published/new.yml", "page: a\n"), ("overrides/hooks/hook.py", "x = 2\n")):
        target = root / path
        target.write_text(text, encoding="utf-8")
        os.utime(target, ns=(time.time_ns() + 10**9,) * 2)  # a new state even within the clock's resolution
        changed(render_cache.site_key(root, settings, files))


def test_the_page_key_changes_with_the_markdown_the_path_and_the_url():
    key = render_cache.page_key("site", "a.md", "a/", "Text.")
    assert key == render_cache.page_key("site", "a.md", "a/", "Text.")
    others = [render_cache.page_key("site", "a.md", "a/", "Text!"), render_cache.page_key("site", "b.md", "a/", "Text."),
              render_cache.page_key("site", "a.md", "b/", "Text."), render_cache.page_key("other", "a.md", "a/", "Text.")]
    assert len({key, *others}) == 5


def test_settings_that_are_functions_are_named_not_addressed():
    def slugify(value, separator):
        return value

    text = render_cache.settings_text({"toc": {"slugify": slugify}})
    assert "test_render_cache" in text and "slugify" in text and "0x" not in text


def test_entries_are_kept_read_back_and_never_half_read(tmp_path):
    folder = tmp_path / "render"
    assert render_cache.load(folder, "ab" * 32) is None
    render_cache.store(folder, "ab" * 32, {"content": "<p>é</p>"})
    assert render_cache.load(folder, "ab" * 32)["content"] == "<p>é</p>"
    assert [p.name for p in folder.rglob("*")] == ["ab", "ab" * 32 + ".json"], "no temporary file left"
    (folder / "ab" / ("ab" * 32 + ".json")).write_text('{"content": "<p>', encoding="utf-8")  # cut short
    assert render_cache.load(folder, "ab" * 32) is None
    render_cache.store(folder, "cd" * 32, {"content": "x"})
    (folder / "cd" / ("cd" * 32 + ".json")).rename(folder / "cd" / ("ce" * 32 + ".json"))
    assert render_cache.load(folder, "ce" * 32) is None, "an entry under another name is not used"


def test_entries_unused_for_a_week_are_deleted(tmp_path):
    folder = tmp_path / "render"
    render_cache.store(folder / "pages", "aa" * 32, {"v": 1})
    render_cache.store(folder / "search", "bb" * 32, {"v": 2})
    old = time.time() - 8 * 86400
    os.utime(folder / "pages" / "aa" / ("aa" * 32 + ".json"), (old, old))
    assert render_cache.prune(folder) == 1
    assert render_cache.load(folder / "pages", "aa" * 32) is None
    assert render_cache.load(folder / "search", "bb" * 32) == {"v": 2, "key": "bb" * 32}


def test_a_result_is_computed_once_then_read(tmp_path, monkeypatch):
    calls = []
    compute = lambda: calls.append(1) or {"a": [1, 2]}
    assert render_cache.kept(tmp_path, "ef" * 32, compute) == {"a": [1, 2]}
    assert render_cache.kept(tmp_path, "ef" * 32, compute) == {"a": [1, 2]}
    assert len(calls) == 1
    monkeypatch.setenv(render_cache.OFF, "off")
    render_cache.kept(tmp_path, "ef" * 32, compute)
    assert len(calls) == 2, "with the cache off, everything is computed"


class _Item:
    def __init__(self, title, id, level, children=()):
        self.title, self.id, self.level, self.children = title, id, level, list(children)


def test_a_table_of_contents_is_kept_as_tokens():
    toc = [_Item("Intro", "intro", 1, [_Item("<em>A</em>", "a", 2)])]
    assert render_cache.toc_tokens(toc) == [
        {"level": 1, "id": "intro", "name": "Intro",
         "children": [{"level": 2, "id": "a", "name": "<em>A</em>", "children": []}]}]


def test_messages_logged_while_rendering_are_kept_and_logged_again(caplog):
    engine = logging.getLogger("properdocs.structure.pages")
    with caplog.at_level(logging.INFO), render_cache.recorded_log("properdocs") as log:
        engine.warning("Doc file 'a.md' contains a link 'b.md', but the target is not found (%s).", "50%")
        logging.getLogger("markdown").info("an extension's note")
        logging.getLogger("markdown").debug("not kept")
    assert log == [["properdocs.structure.pages", logging.WARNING,
                    "Doc file 'a.md' contains a link 'b.md', but the target is not found (50%)."],
                   ["markdown", logging.INFO, "an extension's note"]]
    caplog.clear()
    with caplog.at_level(logging.INFO):
        render_cache.replay(log)
    assert [(r.name, r.levelno, r.getMessage()) for r in caplog.records] == [tuple(entry) for entry in log]


def _toc(tokens: list[dict]) -> list[dict]:
    return [{"level": t["level"], "id": t["id"], "name": t["name"], "children": _toc(t["children"])} for t in tokens]


def _corrections_like() -> str:
    sections = [f"### Section {n} {{ #s-{n} }}\n\n[Read it](other.md#p-{n}) · text {n}\n{{: .meta }}\n\n"
                f'<p class="diff" data-x>words <del>{n}</del></p>\n\n<ul class="why">\n<li>a reason</li>\n</ul>'
                for n in range(40)]
    return "\n\n".join(["# Title { #title }", "Some prose -- with a dash.", "## Counts { #counts }",
                         "| a | b |\n| --- | --- |\n| 1 | 2 |", "## A list { #a-list }",
                         "\n".join(f"- item {n}: <del>x</del>" for n in range(30)), "## Sections { #sections }",
                         *sections]) + "\n"


def test_a_page_rendered_in_parts_is_the_page_rendered_whole():
    import markdown

    extensions = ["attr_list", "md_in_html", "tables", "smarty", "toc"]
    text = _corrections_like()
    whole = markdown.Markdown(extensions=extensions)
    html = whole.convert(text)
    parts = render_cache.parts("corrections.md", text)
    assert parts is not None and 4 < len(parts) < 20, "split at every h2 and at about one h3 in eight"
    entries = []
    for part in parts:
        md = markdown.Markdown(extensions=extensions)
        entries.append({"content": md.convert(part), "toc": _toc(md.toc_tokens), "title": None, "anchors": [],
                        "links": {}, "log": []})
    joined = render_cache.joined(entries)
    assert joined["content"] == html
    assert joined["toc"] == _toc(whole.toc_tokens)


def test_only_pages_whose_parts_are_independent_are_rendered_in_parts():
    text = _corrections_like()
    assert render_cache.parts("corrections.md", text) is not None
    assert render_cache.parts("introduction.md", text) is None, "not a page listed in IN_PARTS"
    assert render_cache.parts("corrections.md", text.replace("### Section 3 { #s-3 }", "### Section 3")) is None
    assert render_cache.parts("corrections.md", text + "\nA note.[^1]\n\n[^1]: The note.\n") is None
    assert render_cache.parts("corrections.md", text + "\n[ref]: https://example.org\n") is None
    assert render_cache.parts("corrections.md", text + "\n```\n## not a heading\n```\n") is None


# -- Builds ------------------------------------------------------------------------------

def _copy_with_other_caches(project: Path) -> Path:
    for kept in OTHER_CACHES:
        if (ROOT / ".cache" / kept).is_dir():
            shutil.copytree(ROOT / ".cache" / kept, project / ".cache" / kept, dirs_exist_ok=True)
    return project


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _entries(project: Path) -> set[str]:
    return {p.relative_to(project).as_posix() for p in (project / render_cache.FOLDER).rglob("*.json")}


@pytest.fixture(scope="module")
def warm(tmp_path_factory):
    """A copy of the project built twice: with nothing kept (cold), then with what that kept (warm)."""
    base = tmp_path_factory.mktemp("render-cache")
    project = base / "project"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(".git", ".venv", "node_modules", "site", ".cache",
                                                                  "tests", "__pycache__", ".pytest_cache"))
    _copy_with_other_caches(project)
    cold = run_build(project, base / "cold", env=SKIP_DOWNLOADS)
    assert cold.returncode == 0, cold.stdout + cold.stderr
    kept = _entries(project)
    warm_build = run_build(project, base / "warm", env=SKIP_DOWNLOADS)
    assert warm_build.returncode == 0, warm_build.stdout + warm_build.stderr
    return project, base / "cold", base / "warm", kept


def test_a_build_that_renders_every_page_whole_is_the_same_bytes(warm, tmp_path):
    """The cold build rendered the Corrections page in parts (render_cache.IN_PARTS)."""
    project, cold = warm[0], warm[1]
    whole = run_build(project, tmp_path / "whole", env={**SKIP_DOWNLOADS, render_cache.OFF: "off"})
    assert whole.returncode == 0, whole.stdout + whole.stderr
    assert any("/parts/" in e for e in _entries(project)), "nothing was rendered in parts"
    first, second = _files(cold), _files(tmp_path / "whole")
    assert first.keys() == second.keys()
    different = [name for name in first if first[name] != second[name]]
    assert not different, f"rendered in parts and whole, these differ: {different[:20]}"


def test_a_build_from_what_was_kept_is_the_same_bytes_as_one_that_renders_every_page(warm):
    project, cold, warm_site, kept_after_cold = warm
    pages = [e for e in kept_after_cold if "/pages/" in e]
    assert len(pages) >= 20 and any("/search/" in e for e in kept_after_cold), "the cold build kept nothing"
    first, second = _files(cold), _files(warm_site)
    assert first.keys() == second.keys()
    different = [name for name in first if first[name] != second[name]]
    assert not different, f"the warm build differs from the cold one: {different[:20]}"
    # Every page was found: the warm build kept nothing new (a key that changed from build
    # to build, say a path or a time in it, would mean every build renders everything).
    assert _entries(project) == kept_after_cold


def _copy_of(project: Path, target: Path) -> Path:
    shutil.copytree(project, target, symlinks=True)
    return target


def test_an_edit_to_the_data_the_extensions_read_shows_despite_the_cache(warm, tmp_path):
    """bib/citations.yml's `differs` is the editors' note the citation_links extension puts
    after a paragraph: the page's Markdown stays the same, only its render changes."""
    project = _copy_of(warm[0], tmp_path / "project")
    old, new = "Page range printed in reverse order", "Page range printed backwards"
    built = tmp_path / "site" / "roots-of-the-crisis" / "index.html"
    # Built once where it is now (the key names the project's folder, which the copy changed).
    result = run_build(project, tmp_path / "site", env=SKIP_DOWNLOADS)
    assert result.returncode == 0 and old in built.read_text(encoding="utf-8"), result.stdout + result.stderr
    citations = project / "bib" / "citations.yml"
    text = citations.read_text(encoding="utf-8")
    assert old in text
    citations.write_text(text.replace(old, new), encoding="utf-8")
    result = run_build(project, tmp_path / "site", env=SKIP_DOWNLOADS)
    assert result.returncode == 0, result.stdout + result.stderr
    html = built.read_text(encoding="utf-8")
    assert new in html and old not in html


def test_a_broken_anchor_is_reported_when_the_linking_page_is_taken_from_the_cache(warm, tmp_path):
    project = _copy_of(warm[0], tmp_path / "project")
    glossary, timeline = project / "docs" / "glossary.md", project / "docs" / "timeline.md"
    glossary.write_text(glossary.read_text(encoding="utf-8") + "\nA planted target.\n{: #planted-target }\n",
                        encoding="utf-8")
    timeline.write_text(timeline.read_text(encoding="utf-8") + "\n[A planted link](glossary.md#planted-target)\n",
                        encoding="utf-8")
    first = run_build(project, tmp_path / "first", env=SKIP_DOWNLOADS)
    assert first.returncode == 0, first.stdout + first.stderr
    # The target goes; the linking page (the timeline) is unchanged, so its render is the kept one.
    glossary.write_text(glossary.read_text(encoding="utf-8").replace("#planted-target", "#planted-elsewhere"),
                        encoding="utf-8")
    before = _entries(project)
    second = run_build(project, tmp_path / "second", env=SKIP_DOWNLOADS)
    rendered_again = [e for e in _entries(project) - before if "/pages/" in e]
    assert len(rendered_again) == 1, "only the glossary is rendered again"
    assert second.returncode != 0, "the strict build passed with a broken anchor"
    assert "does not contain an anchor '#planted-target'" in second.stdout + second.stderr
