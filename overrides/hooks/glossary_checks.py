"""Stop the build when the glossary or the timeline is wrong, naming `file:line`:
a spelling claimed by two entries, an entry or spelling the paper never uses, a
timeline event naming an actor or a paragraph that does not exist."""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from qarabagh_edition.actors import check_occurrences, check_references, load_glossary, load_mentions, load_timeline
from qarabagh_edition.published_layer import ContentError, load_layer, load_pages


def on_pre_build(config, **kwargs):
    root = Path(config.config_file_path).resolve().parent
    docs_dir = Path(config.docs_dir).relative_to(root).as_posix()
    try:
        actors = load_glossary(root)
        events = load_timeline(root)
        layer = load_layer(root)
    except ContentError as error:
        raise PluginError("glossary: " + "\n".join(error.problems)) from None
    pages, _ = load_pages(root, docs_dir)
    # The paper's text in both readings: as published, and as the pages show it.
    texts = [entry.text for entry in layer.values()] + [b.text for blocks in pages.values() for b in blocks]
    problems = check_occurrences(actors, texts) + check_references(events, actors, set(layer))
    problems += load_mentions(root, actors, {b.id: b.text for blocks in pages.values() for b in blocks if b.id})[1]
    if problems:
        raise PluginError("glossary: " + "\n".join(problems))
