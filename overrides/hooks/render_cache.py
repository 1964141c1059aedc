"""A page whose render an earlier build kept (qarabagh_edition.render_cache, in
.cache/render/) is not rendered again: its HTML, table of contents, title, anchors and
messages are put back instead, for `build` and for every rebuild of `serve`. The key is
taken from the Markdown as every other plugin and hook has left it, and the HTML is kept
as the render gave it, before any other hook changes it."""
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


@event_priority(-1000)  # last: the page's Markdown as it is rendered
def on_page_markdown(markdown, page, config, files, **kwargs):
    if not render_cache.enabled():
        return markdown
    if _build.get("files") is not files:  # a new build (serve rebuilds in this process)
        folder = Path(config.config_file_path).resolve().parent / render_cache.FOLDER / "pages"
        _build.clear()
        _build.update(files=files, site=_site_key(config, files), folder=folder, misses={})
    key = render_cache.page_key(_build["site"], page.file.src_uri, page.url, markdown)
    kept = render_cache.load(_build["folder"], key)
    render = page.render

    def rendered(config, files):
        with render_cache.recorded_log(*LOGGERS) as log:
            render(config, files)
        _build["misses"][page.file.src_uri] = (key, log)

    def restored(config, files):
        page.content, page.toc, page._title_from_render = kept["content"], get_toc(kept["toc"]), kept["title"]
        page.present_anchor_ids = set(kept["anchors"])
        page.links_to_anchors = {files.get_file_from_path(src): links for src, links in kept["links"].items()}
        render_cache.replay(kept["log"])

    page.render = rendered if kept is None else restored  # for this build's page object only
    return markdown


@event_priority(1000)  # first: the HTML as the render gave it
def on_page_content(html, page, **kwargs):
    key, log = _build.get("misses", {}).pop(page.file.src_uri, (None, None))
    if key is not None:
        links = {to.src_uri: anchors for to, anchors in (page.links_to_anchors or {}).items()}
        render_cache.store(_build["folder"], key, render_cache.entry(
            html, page.toc, page._title_from_render, page.present_anchor_ids or (), links, log))
    return html


def on_post_build(config, **kwargs):
    _build.clear()
    render_cache.prune(Path(config.config_file_path).resolve().parent / render_cache.FOLDER)  # every kind
