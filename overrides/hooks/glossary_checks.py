"""Stop the build when the glossary or the timeline is wrong, naming `file:line`:
a spelling claimed by two entries, an entry or spelling the paper never uses, a
common English word as a spelling, a timeline event naming an actor or a paragraph that
does not exist, a later fact without its date and source."""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from qarabagh_edition.actors import check_references, load_glossary, load_mentions, load_timeline
from qarabagh_edition.published_layer import ContentError, load_layer, load_pages
from qarabagh_edition.rules.dated_facts import check_dated_facts
from qarabagh_edition.rules.spellings import check_spellings


def on_pre_build(config, **kwargs):
    root = Path(config.config_file_path).resolve().parent
    docs_dir = Path(config.docs_dir).relative_to(root).as_posix()
    # Every loader inside the try: a file that cannot be read at all (data/mentions.yml
    # too) raises ContentError, which MkDocs would print as a traceback.
    try:
        actors = load_glossary(root)
        events = load_timeline(root)
        layer = load_layer(root)
        pages, _ = load_pages(root, docs_dir)
        texts_by_id = {b.id: b.text for blocks in pages.values() for b in blocks if b.id}
        mention_problems = load_mentions(root, actors, texts_by_id)[1]
    except ContentError as error:
        raise PluginError("glossary: " + "\n".join(error.problems)) from None
    # The glossary's spellings are the paper's as printed; later facts are dated and sourced.
    problems = (check_spellings(actors, [entry.text for entry in layer.values()])
                + check_references(events, actors, set(layer)) + mention_problems + check_dated_facts(root))
    if problems:
        raise PluginError("glossary: " + "\n".join(problems))
