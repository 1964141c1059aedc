"""Everything a reader or a reference manager needs to cite the paper
(qarabagh_edition.cite_this): `config.extra.cite` for the Cite box, the meta tags and
the JSON-LD, and `cite/<key>.bib` and `cite/<key>.ris` in the built site."""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from qarabagh_edition.cite_this import cite_data, ris
from qarabagh_edition.published_layer import ContentError
from qarabagh_edition.rules.built_pages import check_markup


def on_config(config, **kwargs):
    root = Path(config.config_file_path).resolve().parent
    try:
        config.extra["cite"] = cite_data(root, config.extra["paper"], config.site_url,
                                        config.extra["edition"]["editors"])
    except ContentError as error:
        raise PluginError("\n".join(error.problems)) from None
    # Pandoc's rendering of bib/paper.bib goes into every page's template: the allowlist
    # judges it as it judges the pages' content.
    problems = check_markup({k: v for k, v in config.extra["cite"].items() if k in ("chicago", "apa", "chicago_base", "apa_base")},
                            "bib/paper.bib", (root / "bib" / "paper.bib").read_text(encoding="utf-8"))
    if problems:
        raise PluginError("HTML not allowed in the paper's citation:\n" + "\n".join(problems))
    return config


def on_post_build(config, **kwargs):
    folder = Path(config.site_dir) / "cite"
    folder.mkdir(parents=True, exist_ok=True)
    cite = config.extra["cite"]
    (folder / f"{cite['key']}.bib").write_text(cite["bibtex"], encoding="utf-8")
    (folder / f"{cite['key']}.ris").write_bytes(ris(config.extra["paper"]).encode("utf-8"))
