"""The edition's build, top to bottom: the one place where its stages are called, in order.

MkDocs (through ProperDocs) calls the functions below at its events, in the order they
appear here. Each stage is a function of the engine-free package `qarabagh_edition`
(`qarabagh_mkdocs.bibtex` is the one door to mkdocs-bibtex); this module hands them the
engine's objects, stops the build on their `file:line` problems, and keeps no state.

1. check     on_config, on_pre_build: every rule over the whole project, before any page
             is rendered (a duplicate or deleted ID is a fact about two pages)
2. generate  on_files, on_page_markdown: pages and files made from the data
3. render    Python-Markdown, once per page, with the edition's extensions in the order
             mkdocs.yml lists them: every mark beside or in a paragraph (apparatus
             markers and notes, editorial badges, reading time, tooltips) is made there,
             on the element tree (qarabagh_edition.markdown; ARCHITECTURE.md)
4. judge     on_page_content: the table of contents' editorial badges (data, not the
             content); then the gate: the final content against the allowlist
5. combine   on_env, on_page_context: the whole paper and the syllabus pack, from the
             pages' content, each parsed once (every page is rendered by on_env); each
             page's citation and changes for its template
6. outputs   on_post_build: citation files, record redirects, the search index's
             reading names, the PDFs and the offline zip

A priority says where a stage must stand among other plugins' handlers of its event.
"""

from __future__ import annotations

import os
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from qarabagh_edition import cite_files, cite_this, downloads
from qarabagh_edition.downloads import build_time, offline_zip
from qarabagh_edition.downloads.whole_paper import combine
from qarabagh_edition.errors import ContentError
from qarabagh_edition.pages import corrections, glossary, instructors, references, syllabus_pack
from qarabagh_edition.pages.editorial_marks import editorial_headings, mark_contents
from qarabagh_edition.paper import load_paper_record
from qarabagh_edition.project import Project
from qarabagh_edition.published_layer import check_ids, load_layer, load_pages
from qarabagh_edition.rules.built_pages import check_content, check_markup, source_files
from qarabagh_edition.rules.cache_trust import committed_cache_files
from qarabagh_edition.rules.content_files import check_files
from qarabagh_edition.rules.frozen import check_frozen
from qarabagh_edition.rules.glossary import check_glossary, data_markup
from qarabagh_edition.rules.html_allowlist import check_pages, page_markdown, published_texts
from qarabagh_edition.rules.source_text import check_sources
from qarabagh_edition.site_config import nav_titles
from qarabagh_mkdocs import bibtex
from qarabagh_mkdocs.engine import (
    add_changes_files,
    add_record_pages,
    checked,
    cited,
    docs_of,
    editors_url,
    link_record_pages,
    paper_sections,
    record_redirects_and_search,
    report,
    root_of,
    search_pages,
    set_up_extensions,
    stop,
)

CSL_STYLE = "chicago-author-date"  # in-text citations like the paper's own "(Vaezi, 2008: ...)"
DOWNLOADS = downloads.FILES  # the PDFs and the offline zip
OFFLINE_BUILD = offline_zip.OFFLINE_BUILD  # set for the nested build that makes the offline zip
SHIM = "assets/javascripts/iframe-worker-shim.js"  # Material's offline Worker shim, from npm, not a CDN
COMMAND = "EDITION_COMMAND"  # build or serve: told to on_startup alone, kept in the process's environment
PRINT_PAGE = "print_page.md"  # the whole paper on one page
HOME_TITLE = "Abstract and keywords"  # the home page's section in the whole paper and the pack
TOOLTIP_DATA = "assets/javascripts/glossary-data.js"  # the glossary's descriptions, for tooltips.js
PAGES = {"references": "references.md", "corrections": "corrections.md", "pack": "pack.md"}
# The edition's Markdown extensions that read the project's data: given this build's Project.
PROJECT_EXTENSIONS = ("citation_links", "change_marks", "glossary_links", "reading_markers", "reading_time")


def on_startup(command, dirty, **kwargs):
    os.environ[COMMAND] = command  # on_config is not told; serve skips the downloads


# -- 1. check, and set up the engine -------------------------------------------------------


@event_priority(100)  # before every plugin: they read these settings in their own on_config
def on_config(config, **kwargs):
    root = root_of(config)
    # Before MkDocs or any stage reads a file of docs/, data/, bib/ or published/.
    stop(check_files(root), "The content folders hold files the edition does not accept")
    stop(check_sources(root), "A text file of the project cannot be read as it should")
    if not config.repo_url:  # a local clone: no "Edit this page" links to nowhere
        config.edit_uri = None
    stop(bibtex.set_up(config, root, CSL_STYLE), "bibliography")  # mkdocs-bibtex would crash on broken BibTeX
    config.extra["paper"] = checked("published/paper.yml", lambda: load_paper_record(root))
    config.extra["cite"] = cite = checked(
        "citation",
        lambda: cite_this.cite_data(root, config.extra["paper"], config.site_url, config.extra["edition"]["editors"]),
    )
    # Pandoc's rendering of bib/paper.bib goes into every page's template: judged like content.
    shown = {k: v for k, v in config.extra["cite"].items() if k in ("chicago", "apa", "chicago_base", "apa_base")}
    stop(
        check_markup(shown, "bib/paper.bib", (root / "bib" / "paper.bib").read_text(encoding="utf-8")),
        "HTML not allowed in the paper's citation",
    )
    # The corrected edition's citation, the same wherever it is offered (home page, Cite box, PDF).
    cite["edition_citation"] = cite_this.citation(
        *cited(config, cite_this.READING, config.site_url), editors_url=editors_url(config)
    )
    if os.environ.get(COMMAND) != "serve":  # a preview may show today's date
        build_time.fix_build_time(root)
    if os.environ.get(OFFLINE_BUILD):
        # From disk, pages cannot be fetched: no instant navigation; the Worker shim is ours
        # (set before Material's offline plugin, which then adds no CDN address).
        config.theme["features"] = [f for f in config.theme["features"] if not f.startswith("navigation.instant")]
        config.extra["polyfills"] = [SHIM]
    config.extra["downloads"] = DOWNLOADS
    return config


def on_pre_build(config, **kwargs):
    # The whole site at once (a duplicate or deleted ID is a fact about two pages); one Markdown for every check.
    root, docs, md = root_of(config), docs_of(config), page_markdown(config.markdown_extensions, config.mdx_configs)
    stop(check_frozen(root), "frozen layer")
    stop(committed_cache_files(root), "A cache is part of the repository")
    stop(check_pages(root, docs, md), "HTML not allowed in a page")
    report(published_texts(root, md))
    layer = checked("paragraph IDs", lambda: load_layer(root))
    pages, problems = load_pages(root, docs)
    problems += check_ids(pages, layer)
    stop(problems, f"paragraph IDs: {len(problems)} problem{'s' if len(problems) != 1 else ''}")
    stop(check_glossary(root, layer, pages), "glossary")
    report(data_markup(root, md))
    stop(bibtex.check_citations(config, root, docs, layer), "citations")  # then one Pandoc run for the site
    # The content, read once for the build's stages and pages (qarabagh_edition.project).
    config.extra["project"] = project = checked("content", lambda: Project.read(root, docs, config.nav))
    checked("apparatus", lambda: project.paragraphs)
    set_up_extensions(config, PROJECT_EXTENSIONS, project)


# -- 2. generate: files and pages made from the data ---------------------------------------


def on_files(files, config, **kwargs):
    project = config.extra["project"]
    # The glossary's descriptions, written once for tooltips.js (not a title on every link).
    files.append(File.generated(config, TOOLTIP_DATA, content=glossary.tooltip_script(project.actors)))
    # What each corrected paragraph's marker opens, one file per page, judged like a page.
    changes_urls = add_changes_files(files, config, project.paragraphs)
    # The whole paper on one page: its content is made in on_page_context.
    title = config.extra["whole_paper"]["title"]
    front = f"---\ntitle: {title}\nsearch:\n  exclude: true\n---\n\n# {title} {{ #the-whole-paper }}\n"
    files.append(File.generated(config, PRINT_PAGE, content=front))
    # The record: the paper as published, one page per section, paired with its reading (for the
    # reading switch and readings.js, with what a marker, a link to the record, opens).
    config.extra["record"] = add_record_pages(files, config, changes_urls)
    return files


def on_nav(nav, config, files, **kwargs):  # the record's pages, outside the navigation: Previous/Next
    link_record_pages(files, config.extra["record"]["sources"])


def on_page_markdown(markdown, page, config, files, **kwargs):
    root, docs, source, project = root_of(config), docs_of(config), page.file.src_uri, config.extra["project"]
    added = []
    if source == PAGES["references"]:
        citing, page_of = references.citing_paragraphs(root, docs)
        formatted = bibtex.reference_texts(config, sorted(bibtex.known_keys(config) - {references.PAPER_KEY}))
        added += [references.bibliography(formatted, citing, bibtex.notes(config)), references.audit(root, page_of)]
    if source in (glossary.GLOSSARY_PAGE, glossary.TIMELINE_PAGE) or not (
        page.meta.get("editorial") or page.is_homepage
    ):
        generated = project.glossary_pages
        added.append(
            generated.glossary_markdown()
            if source == glossary.GLOSSARY_PAGE
            else generated.timeline_markdown()
            if source == glossary.TIMELINE_PAGE
            else generated.actors_in_section(source)
        )
    if source == PAGES["corrections"]:
        href = lambda other: files.get_file_from_path(other).url_relative_to(page.file)  # noqa: E731
        added.append(
            corrections.corrections_markdown(project.paragraphs, nav_titles(config.nav), config.repo_url, href)
        )
    if source == instructors.INSTRUCTORS_PAGE:
        added.append(
            instructors.instructors_markdown(
                project.section_stats,
                config.site_url,
                DOWNLOADS,
                config.extra["cite"]["chicago_base"],
            )
        )
    if added:
        markdown = markdown.rstrip("\n") + "\n\n" + "\n".join(added)
    return markdown


# -- 4. the table of contents' badges, then the gate --------------------------------------


@event_priority(-1000)  # last of every plugin's: the gate judges the content as published
def on_page_content(html, page, config, files, **kwargs):
    root, source = root_of(config), page.file.src_uri
    # The table of contents is data beside the content: its editorial headings get a badge.
    mark_contents(page.toc, editorial_headings(page.markdown))
    own = Path(config.docs_dir) / source
    verdict = check_content(
        html, page.url or "/", source_files(root, own.relative_to(root).as_posix() if own.is_file() else None)
    )
    report(verdict.problems)  # the refused markup is already out
    return verdict.content


# -- 5. combine: pages made of other pages' content (all rendered by now) -------------------


def on_env(env, config, files, **kwargs):
    # Every page is rendered, none written: the whole paper and the syllabus pack are made
    # from the pages of the paper, each parsed once (qarabagh_edition.downloads.whole_paper).
    pack, whole = (files.get_file_from_path(name).page for name in (PAGES["pack"], PRINT_PAGE))
    excluded = set(config.extra["whole_paper"].get("exclude") or []) | {PRINT_PAGE}
    editorial = lambda page: bool((page.meta or {}).get("editorial"))  # noqa: E731
    paper = paper_sections(files, HOME_TITLE, lambda p: editorial(p) and p.file.src_uri in excluded)
    try:
        data = syllabus_pack.pack_data(
            [(source, s) for source, s in paper.items() if not editorial(files.get_file_from_path(source).page)],
            pack.url,
            (config.site_url or "").rstrip("/") + "/" if config.site_url else "",
            config.extra["cite"],
            config.extra["edition"]["editors"],
        )
        pack.content = syllabus_pack.with_pack_data(pack.content, data, pack.file.src_uri)
    except syllabus_pack.PackError as error:
        raise PluginError(str(error)) from None
    # Search by paragraph, in both readings: from the same parse (qarabagh_edition.search_entries).
    config.extra["search"] = search_pages(files, paper, config.extra["record"]["readings"])
    sections = [section for source, section in paper.items() if source not in excluded]
    whole.content += f'\n<div id="whole-paper">\n{combine(sections, whole.url)}\n</div>'
    # Jinja's bytecode cache: ~80 templates not compiled every build.
    (folder := root_of(config) / ".cache" / "templates").mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(folder))
    return env


@event_priority(100)  # before Material's search plugin and the template read the page
def on_page_context(context, page, config, nav, **kwargs):
    # Where the page's markers find what they open, for main.html to write where content
    # cannot reach (the context, not the page's front matter): the whole paper, every page's.
    changes, made = config.extra["record"]["changes"], config.extra["record"]["pages"].get(page.file.src_uri)
    context["edition_changes"] = (
        changes if page.file.src_uri == PRINT_PAGE else {made: changes[made]} if made in changes else {}
    )
    # Each page cited by its role: who wrote its words (qarabagh_edition.cite_this.page_role).
    role = context["role"] = cite_this.page_role(page.meta)
    # The home page is the article's front: the paper and the edition are cited, not the page.
    context["page_cite"] = (
        None
        if page.is_homepage
        else cite_files.page_citation(
            cited(config, role, page.canonical_url, page.title), editors_url(config), page.url, Path(config.site_dir)
        )
    )
    return context


# -- 6. outputs ----------------------------------------------------------------------------


@event_priority(-90)  # after Material's search plugin wrote its index, before its offline plugin copies it
def on_post_build(config, **kwargs):
    root, site = root_of(config), Path(config.site_dir)
    cite_files.write_article_and_edition(
        site, config.extra["cite"], config.extra["paper"], cited(config, cite_this.READING, config.site_url)
    )
    record_redirects_and_search(config, site)
    if os.environ.get(OFFLINE_BUILD):
        stop(offline_zip.copy_worker_shim(root, site / SHIM), "offline build")
    elif os.environ.get(COMMAND) != "serve" and not os.environ.get("EDITION_SKIP_DOWNLOADS"):
        try:
            downloads.write_downloads(
                root,
                site,
                config.config_file_path,
                config.extra["paper"],
                config.site_url,
                config.extra["cite"],
                config.extra["edition"],
            )
        except (offline_zip.OfflineBuildFailed, ContentError) as error:  # ContentError: the PDF would fetch
            raise PluginError(str(error)) from None
