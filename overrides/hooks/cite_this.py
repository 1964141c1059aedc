"""Everything a reader or a reference manager needs to cite the paper
(qarabagh_edition.cite_this): `config.extra.cite` for the Cite box, the meta tags and
the JSON-LD, and `cite/<key>.bib` and `cite/<key>.ris` in the built site."""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from qarabagh_edition.cite_this import cite_data, ris
from qarabagh_edition.published_layer import ContentError


def on_config(config, **kwargs):
    root = Path(config.config_file_path).resolve().parent
    try:
        config.extra["cite"] = cite_data(root, config.extra["paper"], config.site_url,
                                        config.extra["edition"]["editors"])
    except ContentError as error:
        raise PluginError("\n".join(error.problems)) from None
    return config


def on_post_build(config, **kwargs):
    folder = Path(config.site_dir) / "cite"
    folder.mkdir(parents=True, exist_ok=True)
    cite = config.extra["cite"]
    (folder / f"{cite['key']}.bib").write_text(cite["bibtex"], encoding="utf-8")
    (folder / f"{cite['key']}.ris").write_bytes(ris(config.extra["paper"]).encode("utf-8"))
