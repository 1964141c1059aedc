"""The Glossary and Timeline pages and every section's "Actors in this section", made by
qarabagh_edition.pages.glossary from data/glossary.yml, data/timeline.yml and the text."""
from __future__ import annotations

from pathlib import Path

from qarabagh_edition.pages.glossary import GLOSSARY_PAGE, TIMELINE_PAGE, glossary_pages
from qarabagh_edition.published_layer import nav_titles


def on_page_markdown(markdown, page, config, **kwargs):
    source = page.file.src_uri
    if source not in (GLOSSARY_PAGE, TIMELINE_PAGE) and (page.meta.get("editorial") or page.is_homepage):
        return markdown
    root = Path(config.config_file_path).resolve().parent
    generated = glossary_pages(root, Path(config.docs_dir).relative_to(root).as_posix(), nav_titles(config.nav))
    if source == GLOSSARY_PAGE:
        added = generated.glossary_markdown()
    elif source == TIMELINE_PAGE:
        added = generated.timeline_markdown()
    else:
        added = generated.actors_in_section(source)
    return markdown.rstrip("\n") + "\n\n" + added
