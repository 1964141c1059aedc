"""A page rendered by an earlier build (qarabagh_edition.render_cache, .cache/render/) is
not rendered again: its HTML, table of contents, title, anchors and messages are put back,
for `build` and every rebuild of `serve`. The key is the Markdown as every other hook has
left it; the HTML is kept as rendered. A page of independent sections (render_cache.IN_PARTS)
is rendered and kept in parts: an edit to one section renders one part again."""
from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.toc import get_toc

from qarabagh_edition import render_cache

LOGGERS = ("properdocs", "mkdocs")  # the engine's loggers, which do not hand messages on to the root
_build: dict = {}  # this build's files, its key for what all pages share, and the renders to keep


def _site_key(config, files) -> str:
    settings = {name: config[name] for name in ("markdown_extensions", "mdx_configs", "validation",
                                                 "use_directory_urls", "site_url", "docs_dir")}
    return render_cache.site_key(Path(config.config_file_path).resolve().parent, settings,
                                 [(f.src_uri, f.url, str(f.inclusion)) for f in files])


def _entry(page, html, log) -> dict:
    links = {to.src_uri: anchors for to, anchors in (page.links_to_anchors or {}).items()}
    return render_cache.entry(html, page.toc, page._title_from_render, page.present_anchor_ids or (), links, log)


def _restore(page, kept, files) -> None:
    page.content, page.toc, page._title_from_render = kept["content"], get_toc(kept["toc"]), kept["title"]
    page.present_anchor_ids, page.links_to_anchors = set(kept["anchors"]), {
        files.get_file_from_path(src): links for src, links in kept["links"].items()}
    render_cache.replay(kept["log"])


@event_priority(-1000)  # last: the page's Markdown as it is rendered
def on_page_markdown(markdown, page, config, files, **kwargs):
    if not render_cache.enabled():
        return markdown
    if _build.get("files") is not files:  # a new build (serve rebuilds in this process)
        _build.clear()
        _build.update(files=files, site=_site_key(config, files), misses={},
                      folder=Path(config.config_file_path).resolve().parent / render_cache.FOLDER)
    key = render_cache.page_key(_build["site"], page.file.src_uri, page.url, markdown)
    kept, render = render_cache.load(_build["folder"] / "pages", key), page.render

    def rendered_part(text: str, config, files) -> dict:
        page.markdown = text
        with render_cache.recorded_log(*LOGGERS) as log:
            render(config, files)
        return _entry(page, page.content, log)

    def rendered(config, files):
        parts = [render_cache.kept(_build["folder"] / "parts", render_cache.page_key(_build["site"], page.file.src_uri,
                 page.url, part), lambda: rendered_part(part, config, files))
                 for part in render_cache.parts(page.file.src_uri, markdown) or ()]
        page.markdown, whole = markdown, parts and render_cache.joined(parts)
        if whole:
            _restore(page, whole, files)
            render_cache.store(_build["folder"] / "pages", key, whole)
        else:  # rendered whole, and kept once every hook has seen the page (on_page_content)
            _build["misses"][page.file.src_uri] = (key, rendered_part(markdown, config, files)["log"])

    page.render = rendered if kept is None else (lambda config, files: _restore(page, kept, files))
    return markdown


@event_priority(1000)  # first: the HTML as the render gave it
def on_page_content(html, page, **kwargs):
    key, log = _build.get("misses", {}).pop(page.file.src_uri, (None, None))
    if key is not None:
        render_cache.store(_build["folder"] / "pages", key, _entry(page, html, log))
    return html


def on_post_build(config, **kwargs):
    _build.clear()
    render_cache.prune(Path(config.config_file_path).resolve().parent / render_cache.FOLDER)  # every kind
