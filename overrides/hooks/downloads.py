"""The editions readers and instructors take away, made at every `mkdocs build`:

* downloads/<name>.pdf — the whole paper (the whole-paper page's content, under the
  paper's title block) typeset by WeasyPrint with assets/stylesheets/pdf.css;
* downloads/<name>-offline.zip — the site as files that work opened from disk,
  search included: a second build with Material's offline plugin, whose Worker shim
  (iframe-worker) comes from npm's node_modules instead of the CDN the plugin names.

Skipped under `mkdocs serve` (they take seconds and are not needed to preview).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

NAME = "sarmadi-2018-qarabagh-crisis"
OFFLINE_BUILD = "EDITION_OFFLINE_BUILD"  # set for the nested build that makes the zip
SHIM = "assets/javascripts/iframe-worker-shim.js"
_state = {"command": "build"}


def pdf_name() -> str:
    return f"downloads/{NAME}.pdf"


def zip_name() -> str:
    return f"downloads/{NAME}-offline.zip"


def on_startup(command, dirty, **kwargs):
    _state["command"] = command


@event_priority(-100)  # after Material's offline plugin has added its CDN polyfill
def on_config(config, **kwargs):
    if os.environ.get(OFFLINE_BUILD):
        # From disk, pages cannot be fetched: no instant navigation; the Worker shim is ours.
        config.theme["features"] = [f for f in config.theme["features"] if not f.startswith("navigation.instant")]
        polyfills = config.extra.get("polyfills", [])
        config.extra["polyfills"] = [SHIM if "iframe-worker" in p else p for p in polyfills]
    config.extra["downloads"] = {"pdf": pdf_name(), "zip": zip_name()}
    return config


@event_priority(-200)  # last: after the offline plugin have written their files
def on_post_build(config, **kwargs):
    root = Path(config.config_file_path).resolve().parent
    site = Path(config.site_dir)
    if os.environ.get(OFFLINE_BUILD):
        shim = root / "node_modules" / "iframe-worker" / "shim" / "index.js"
        if not shim.exists():
            raise PluginError("node_modules/iframe-worker is missing: run scripts/build (it runs npm ci)")
        (site / SHIM).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(shim, site / SHIM)
        return
    if _state["command"] == "serve" or os.environ.get("EDITION_SKIP_DOWNLOADS"):
        return  # previews and the build benchmark's core figure do without them
    (site / "downloads").mkdir(exist_ok=True)
    write_pdf(config, site / pdf_name())
    write_offline_zip(config, site / zip_name())


def write_pdf(config, target: Path) -> None:
    from bs4 import BeautifulSoup
    import weasyprint

    page = BeautifulSoup((Path(config.site_dir) / "print_page" / "index.html").read_text(encoding="utf-8"), "lxml")
    # The whole-paper page's content (overrides/hooks/whole_paper.py): every anchor there
    # exists, so the PDF's internal links work. What only works on screen is left out.
    body = page.select_one("#whole-paper")
    for unwanted in body.select("nav.whole-paper__contents, details, .paragraph-tools, .headerlink, "
                                ".reading-switch, .cite-this, .md-source-file"):
        unwanted.decompose()
    paper = config.extra["paper"]
    authors = ", ".join(a["name"] for a in paper["authors"])
    contents = "".join(f"<li>{h.get_text(' ', strip=True).replace('¶', '').strip()}</li>"
                       for h in body.select("section.whole-paper__section h1"))
    document = f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{paper['title']}</title></head><body>
<header class="pdf-title"><h1>{paper['title']}</h1><p class="pdf-authors">{authors}</p>
<p class="pdf-record"><i>{paper['journal']}</i> {paper['volume']}({paper['issue']}), {paper['year']},
pp. {paper['first_page']}–{paper['last_page']}. ISSN {paper['issn']}.</p>
<p class="pdf-edition">Online edition: {config.site_url} — corrected English reading; the text as
published is on the site beside every corrected paragraph.</p>
<h2>Contents</h2><ol class="pdf-contents">{contents}</ol></header>
{body.decode_contents()}</body></html>"""
    css = Path(config.config_file_path).resolve().parent / "overrides" / "assets" / "stylesheets" / "pdf.css"
    # Footnote anchors repeat from page to page in the combined document; WeasyPrint's
    # notices about it are not problems of the edition.
    import logging

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    target.parent.mkdir(parents=True, exist_ok=True)
    weasyprint.HTML(string=document, base_url=str(Path(config.site_dir) / "print_page") + "/").write_pdf(
        target, stylesheets=[weasyprint.CSS(filename=str(css))])


def write_offline_zip(config, target: Path) -> None:
    root = Path(config.config_file_path).resolve().parent
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "site"
        environment = {**os.environ, OFFLINE_BUILD: "true"}
        result = subprocess.run([sys.executable, "-m", "properdocs", "build", "--strict", "-q", "-f",
                                 config.config_file_path, "-d", str(out)],
                                cwd=root, env=environment, capture_output=True, text=True)
        if result.returncode:
            raise PluginError(f"the offline build for {zip_name()} failed:\n{result.stdout}{result.stderr}")
        target.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(out.rglob("*")):
                if path.is_file():
                    archive.write(path, Path(NAME) / path.relative_to(out))
