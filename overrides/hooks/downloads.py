"""The editions readers and instructors take away, made at every `mkdocs build`: the PDFs
of the whole paper, corrected and as published (`qarabagh_edition.downloads.pdf`), and
the site as an offline zip that works from disk, search included
(`qarabagh_edition.downloads.offline_zip`): a second build with Material's offline
plugin, whose Worker shim (iframe-worker) comes from npm's node_modules instead of the
CDN the plugin names. All are reproducible: the build's one date is SOURCE_DATE_EPOCH,
the last commit's time (`...downloads.build_time`).
Skipped under `mkdocs serve` (they take seconds and are not needed to preview).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from qarabagh_edition.downloads import build_time, offline_zip, pdf

NAME = "sarmadi-2018-qarabagh-crisis"
PDF, ZIP = f"downloads/{NAME}.pdf", f"downloads/{NAME}-offline.zip"
RECORD_PDF = f"downloads/{NAME}-as-published.pdf"
OFFLINE_BUILD = "EDITION_OFFLINE_BUILD"  # set for the nested build that makes the zip
SHIM = "assets/javascripts/iframe-worker-shim.js"
# Which command runs (build, serve, gh-deploy) is told to on_startup alone, once per
# process, before there is a config to keep it in. Hooks keep no module state (issue 14;
# such state lasts only because the engine happens to cache hook modules), so it goes
# where the build's other switches are: the process's own environment.
COMMAND = "EDITION_COMMAND"


def on_startup(command, dirty, **kwargs):
    os.environ[COMMAND] = command


@event_priority(-100)  # after Material's offline plugin has added its CDN polyfill
def on_config(config, **kwargs):
    # Not under serve, where a value set in the environment would stay for every rebuild
    # of the session, commits or not: a preview may show today's date.
    if os.environ.get(COMMAND) != "serve":
        build_time.fix_build_time(Path(config.config_file_path).resolve().parent)
    if os.environ.get(OFFLINE_BUILD):
        # From disk, pages cannot be fetched: no instant navigation; the Worker shim is ours.
        config.theme["features"] = [f for f in config.theme["features"] if not f.startswith("navigation.instant")]
        polyfills = config.extra.get("polyfills", [])
        config.extra["polyfills"] = [SHIM if "iframe-worker" in p else p for p in polyfills]
    config.extra["downloads"] = {"pdf": PDF, "zip": ZIP, "record_pdf": RECORD_PDF}
    return config


@event_priority(-200)  # last: after the offline plugin has written its files
def on_post_build(config, **kwargs):
    root, site = Path(config.config_file_path).resolve().parent, Path(config.site_dir)
    if os.environ.get(OFFLINE_BUILD):
        shim = root / "node_modules" / "iframe-worker" / "shim" / "index.js"
        if not shim.exists():
            raise PluginError("node_modules/iframe-worker is missing: run scripts/build (it runs npm ci)")
        (site / SHIM).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shim, site / SHIM)
        return
    if os.environ.get(COMMAND) == "serve" or os.environ.get("EDITION_SKIP_DOWNLOADS"):
        return  # previews and the build benchmark's core figure do without them
    epoch = build_time.source_date_epoch(root)
    try:
        pdf.write_pdfs(site, config.extra["paper"], config.site_url, epoch, stylesheet=root / "overrides" / "assets" /
                       "stylesheets" / "pdf.css", targets={"edition": PDF, "record": RECORD_PDF})
    except pdf.ContentError as error:  # it would load what is not the site's own
        raise PluginError(str(error)) from None
    with tempfile.TemporaryDirectory() as scratch:
        # The same configuration and SOURCE_DATE_EPOCH (inherited), the offline plugin on.
        result = subprocess.run([sys.executable, "-m", "properdocs", "build", "--strict", "-q", "-f",
                                 config.config_file_path, "-d", f"{scratch}/site"],
                                cwd=root, env={**os.environ, OFFLINE_BUILD: "true"}, capture_output=True, text=True)
        if result.returncode:
            raise PluginError(f"the offline build for {ZIP} failed:\n{result.stdout}{result.stderr}")
        offline_zip.write_zip(Path(scratch) / "site", site / ZIP, prefix=NAME, epoch=epoch)
