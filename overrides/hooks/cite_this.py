"""Everything a reader or a reference manager needs to cite the paper
(qarabagh_edition.cite_this): `config.extra.cite` for the Cite box, the meta tags and
the JSON-LD; each page's own citation by its role (`role`, `page_cite` in the templates'
context); and BibTeX and RIS in the built site: cite/<key>.bib|.ris (the article),
cite/<key>-edition.bib|.ris (the corrected edition), cite/<page>.bib|.ris (each page)."""
from __future__ import annotations

from pathlib import Path, PurePosixPath

from mkdocs.exceptions import PluginError

from qarabagh_edition import cite_this
from qarabagh_edition.published_layer import ContentError
from qarabagh_edition.rules.built_pages import check_markup


def on_config(config, **kwargs):
    root = Path(config.config_file_path).resolve().parent
    try:
        config.extra["cite"] = cite = cite_this.cite_data(root, config.extra["paper"], config.site_url,
                                                          config.extra["edition"]["editors"])
    except ContentError as error:
        raise PluginError("\n".join(error.problems)) from None
    # Pandoc's rendering of bib/paper.bib goes into every page's template: the allowlist
    # judges it as it judges the pages' content.
    problems = check_markup({k: v for k, v in cite.items() if k in ("chicago", "apa", "chicago_base", "apa_base")},
                            "bib/paper.bib", (root / "bib" / "paper.bib").read_text(encoding="utf-8"))
    if problems:
        raise PluginError("HTML not allowed in the paper's citation:\n" + "\n".join(problems))
    cite["edition_citation"] = cite_this.citation(*_what(config, cite_this.READING, config.site_url),
                                                  editors_url=_editors_url(config))
    return config


def _what(config, role: str, url: str, part: str = "") -> tuple:
    """What cite_this's citation, bibtex and ris are given: the same data for all three."""
    return role, config.extra["cite"], config.extra["paper"], config.extra["edition"]["editors"], url, part


def _editors_url(config) -> str | None:
    return f"{config.repo_url}/graphs/contributors" if config.repo_url else None


def _write_downloads(target: Path, what: tuple) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.with_suffix(".bib").write_text(cite_this.bibtex(*what), encoding="utf-8")
    target.with_suffix(".ris").write_bytes(cite_this.ris(*what).encode("utf-8"))


def _download(page) -> str:
    """cite/<the page's path>: introduction/ (or introduction.html) -> cite/introduction."""
    return "cite/" + PurePosixPath(page.url.rstrip("/")).with_suffix("").as_posix()


def on_page_context(context, page, config, **kwargs):
    context["role"] = role = cite_this.page_role(page.meta)
    context["page_cite"] = None
    if not page.is_homepage:  # the home page is the article's front: the paper and the edition are cited
        what = _what(config, role, page.canonical_url, page.title)
        context["page_cite"] = {**cite_this.citation(*what, editors_url=_editors_url(config)),
                                "download": _download(page)}
        _write_downloads(Path(config.site_dir) / _download(page), what)
    return context


def on_post_build(config, **kwargs):
    folder, cite, paper = Path(config.site_dir) / "cite", config.extra["cite"], config.extra["paper"]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{cite['key']}.bib").write_text(cite["bibtex"], encoding="utf-8")
    (folder / f"{cite['key']}.ris").write_bytes(
        cite_this.ris(cite_this.RECORD, cite, paper, "", paper["url"]).encode("utf-8"))
    _write_downloads(folder / f"{cite['key']}-edition", _what(config, cite_this.READING, config.site_url))
