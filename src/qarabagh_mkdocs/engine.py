"""What the build module (overrides/hooks/edition.py) needs of MkDocs' objects, kept out of
it so that it reads as the list of the build's stages: where the project is, how a stage's
problems stop or are reported, the data a citation is made from, and the record's
redirects. The engine-free package (qarabagh_edition) never sees these objects."""

from __future__ import annotations

import json
import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from qarabagh_edition import search_entries
from qarabagh_edition.downloads.whole_paper import Section
from qarabagh_edition.errors import ContentError
from qarabagh_edition.pages import record

log = logging.getLogger("mkdocs.hooks.edition")


def root_of(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def docs_of(config) -> str:  # docs/, as the package's functions name it: relative to the project
    return Path(config.docs_dir).relative_to(root_of(config)).as_posix()


def stop(problems: list[str], what: str) -> None:
    if problems:
        raise PluginError(f"{what}:\n" + "\n".join(problems))


def report(problems: list[str]) -> None:
    for problem in problems:  # logged: --strict stops the build at its end, with every page's problems
        log.error(problem)


def checked(what: str, load):
    """load(), with a ContentError turned into the build's stop (not a traceback)."""
    try:
        return load()
    except ContentError as error:
        stop(error.problems, what)


def set_up_extensions(config, names: tuple[str, ...], project) -> None:
    """Hand the edition's Markdown extensions in mkdocs.yml (`names`, in
    qarabagh_edition.markdown) this build's Project: every page reads the data from it."""
    for name in names:
        if f"qarabagh_edition.markdown.{name}" in map(str, config.markdown_extensions):
            config.mdx_configs.setdefault(f"qarabagh_edition.markdown.{name}", {})["project"] = project


def cited(config, role: str, url: str, part: str = "") -> tuple:
    """What cite_this's citation, bibtex and ris are given: the same data for all three."""
    return role, config.extra["cite"], config.extra["paper"], config.extra["edition"]["editors"], url, part


def editors_url(config) -> str | None:
    return f"{config.repo_url}/graphs/contributors" if config.repo_url else None


def record_redirects_and_search(config, site: Path) -> None:
    # A reading page moved with a redirect (mkdocs-redirects): its record moves with it.
    redirects = config.plugins.get("redirects")
    maps = dict(redirects.config.get("redirect_maps") or {}) if redirects else {}
    for old, new in record.record_redirects(maps, config.extra["record"]["sources"]).items():
        stub, target = File.generated(config, old, content=""), config.extra["record"]["pages"][new]
        path = site / stub.dest_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(record.redirect_stub(get_relative_url(target, stub.url)), encoding="utf-8")
    # Search by paragraph (qarabagh_edition.search_entries), each result naming its reading:
    # "Social Impacts (as published)".
    if (index := site / "search" / "search_index.json").exists():
        entries = search_entries.by_paragraph(json.loads(index.read_text(encoding="utf-8")), config.extra["search"])
        named = record.name_the_readings(entries, config.extra["record"]["urls"])
        index.write_text(json.dumps(named, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def search_pages(files, paper: dict[str, Section], records: dict[str, str]) -> dict:
    """Each page with paragraphs, of either reading, as search_entries.page_entries: the
    reading pages from their parse for the whole paper, the record's (`records`: record
    page -> its reading) parsed here."""
    sections = list(paper.values())
    for source in records:
        page = files.get_file_from_path(source).page
        sections.append(Section(page.url, page.title, page.content))
    return {
        section.path: search_entries.page_entries(section.path, section.root)
        for section in sections
        if search_entries.has_paragraphs(section.root)
    }


def add_changes_files(files, config, paragraphs) -> dict[str, str]:
    """as-published/changes/<page>.json for each page with corrected paragraphs: what its
    markers open, judged like a page's content. Returns reading page -> the file's URL."""
    from qarabagh_edition.pages import two_readings
    from qarabagh_edition.rules.built_pages import check_changes, source_files

    urls = {}
    for page in sorted({p.page for p in paragraphs}):
        changes = two_readings.changes_json(page, paragraphs, config.repo_url)
        verdict = check_changes(changes, two_readings.changes_file(page), source_files(root_of(config), None))
        report(verdict.problems)
        made = File.generated(config, two_readings.changes_file(page), content=verdict.content)
        files.append(made)
        urls[page] = made.url
    return urls


def add_record_pages(files, config, changes_urls: dict[str, str]) -> dict:
    """The record's pages (the paper as published), each paired with its reading page."""
    from qarabagh_edition.site_config import nav_titles

    pairs = []
    for page in record.record_pages(root_of(config), docs_of(config), nav_titles(config.nav), config.extra["paper"]):
        made = File.generated(config, page.src_uri, content=page.markdown)
        files.append(made)
        if (reading := files.get_file_from_path(page.reading)) is not None:
            pairs.append((reading.src_uri, reading.url, made.src_uri, made.url))
    return record.pairs_data(pairs, config.site_url, changes_urls)


def paper_sections(files, home_title: str, leave_out) -> dict[str, Section]:
    """The navigation's pages as sections to combine (in its order, from the home page on),
    but those `leave_out(page)` names, each page's content parsed once."""
    sections, page = {}, files.get_file_from_path("index.md").page
    while page is not None:
        if not leave_out(page):
            sections[page.file.src_uri] = Section(
                page.url, home_title if page.is_homepage else page.title, page.content
            )
        page = page.next_page
    return sections


def link_record_pages(files, sources: dict[str, str]) -> None:
    """Previous/Next on the record's pages, which the navigation does not list: along the
    record, as their readings' go along the reading (a neighbour with no record page, an
    editorial page, is linked as it is). `sources`: reading page -> its record page."""

    def record_of(page):
        return (
            files.get_file_from_path(sources[page.file.src_uri]).page if page and page.file.src_uri in sources else page
        )

    for reading, made in ((files.get_file_from_path(r), files.get_file_from_path(m)) for r, m in sources.items()):
        if reading and made and reading.page and made.page:
            made.page.previous_page = record_of(reading.page.previous_page)
            made.page.next_page = record_of(reading.page.next_page)
