"""Tell the edition's Markdown extensions (qarabagh_edition.markdown, listed in
mkdocs.yml) where the project is: the folder of mkdocs.yml, wherever the build runs."""
from __future__ import annotations

from pathlib import Path

READ_THE_PROJECT = {"qarabagh_edition.markdown.citation_links", "qarabagh_edition.markdown.glossary_links"}


def on_config(config, **kwargs):
    root = Path(config.config_file_path).resolve().parent
    for name in READ_THE_PROJECT & set(map(str, config.markdown_extensions)):
        config.mdx_configs.setdefault(name, {})["root"] = str(root)
    if "qarabagh_edition.markdown.glossary_links" in config.markdown_extensions:
        options = config.mdx_configs["qarabagh_edition.markdown.glossary_links"]
        options["docs_dir"] = Path(config.docs_dir).relative_to(root).as_posix()
    return config
