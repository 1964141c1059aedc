"""Two readings of the paper (qarabagh_edition.pages.two_readings): the apparatus checked
before the build; beside each corrected paragraph a marker linking to the record, whose
changes are written once per page as JSON; the Corrections page."""
from __future__ import annotations

import json
import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from qarabagh_edition import render_cache
from qarabagh_edition.pages.corrections import corrections_markdown
from qarabagh_edition.pages.record import record_uri
from qarabagh_edition.pages.two_readings import changes_data, changes_file, reading_paragraphs, with_apparatus
from qarabagh_edition.published_layer import ContentError, nav_titles
from qarabagh_edition.rules.built_pages import check_changes, source_files

CORRECTIONS_PAGE = "corrections.md"
log = logging.getLogger("mkdocs.hooks.two_readings")


def _paragraphs(config):
    root = Path(config.config_file_path).resolve().parent
    return reading_paragraphs(root, Path(config.docs_dir).relative_to(root).as_posix())


@event_priority(-60)  # after the ID and citation checks, whose messages say more
def on_pre_build(config, **kwargs):
    try:
        _paragraphs(config)
    except ContentError as error:
        raise PluginError("apparatus: " + "\n".join(error.problems)) from None


def _kept(config, compute, *inputs):
    """compute() (word diffs: the slow part), kept in .cache/render/ while its inputs and the code are the same."""
    root = Path(config.config_file_path).resolve().parent
    key = render_cache.key(render_cache.code_digest(root), *map(repr, inputs))
    return render_cache.kept(root / render_cache.FOLDER / "generated", key, compute)


def on_files(files, config, **kwargs):
    root = Path(config.config_file_path).resolve().parent
    paragraphs = _paragraphs(config)
    for page in sorted({p.page for p in paragraphs}):
        here = [p for p in paragraphs if p.page == page]  # all a page's changes depend on: an edit redoes one page's
        data = _kept(config, lambda: json.dumps(changes_data(page, here, config.repo_url), ensure_ascii=False,
                                                sort_keys=True), "changes", here, config.repo_url)
        # What readings.js will put into the page passes the page's allowlist too (clean ones kept by hash).
        verdict = check_changes(data, changes_file(page), lambda: source_files(root, None), root / ".cache/built-pages")
        for problem in verdict.problems:
            log.error(problem)
        files.append(File.generated(config, changes_file(page), content=verdict.content))
    return files


def on_page_markdown(markdown_text, page, config, files, **kwargs):
    if page.file.src_uri != CORRECTIONS_PAGE:
        return markdown_text  # conjectures are marked in the text by qarabagh_edition.markdown.conjecture_marks
    paragraphs, titles = _paragraphs(config), nav_titles(config.nav)
    return markdown_text.rstrip("\n") + "\n\n" + _kept(
        config, lambda: corrections_markdown(paragraphs, titles, config.repo_url),
        "corrections", paragraphs, titles, config.repo_url)


@event_priority(50)  # before the whole-paper page takes the page (whole_paper.py)
def on_page_content(content, page, config, files, **kwargs):
    record = files.get_file_from_path(record_uri(page.file.src_uri))
    changes = files.get_file_from_path(changes_file(page.file.src_uri))
    if record is None or changes is None:
        return with_apparatus(content, page.file.src_uri, [], "", "")
    return with_apparatus(content, page.file.src_uri, _paragraphs(config), get_relative_url(record.url, page.url),
                          get_relative_url(changes.url, page.url))
