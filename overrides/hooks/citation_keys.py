"""Every citation key on the reading pages must exist in the bibliography.

mkdocs-bibtex only warns "Citing unknown reference key x", without saying where;
this hook names `docs/page.md:line` and suggests the nearest known key. It then
hands mkdocs-bibtex all citations of the site at once, so Pandoc runs once per
build instead of once per page, and not at all when nothing changed (disk cache).
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from qarabagh_edition.citation_keys import cited_keys, unknown_keys
from qarabagh_edition.published_layer import ContentError, load_citations, load_layer


@event_priority(-50)  # after mkdocs-bibtex has read the bibliography
def on_pre_build(config, **kwargs):
    plugin = config.plugins.get("bibtex")
    if plugin is None or plugin.registry is None:
        return
    root = Path(config.config_file_path).resolve().parent
    docs_dir = Path(config.docs_dir).relative_to(root).as_posix()
    known = set(plugin.registry.bib_data.entries.keys())
    problems = []
    try:  # bib/citations.yml must quote the published text exactly
        load_citations(root, load_layer(root))
    except ContentError as error:
        problems += error.problems
    cited = list(cited_keys(root, docs_dir))
    problems += unknown_keys(cited, known, plugin.config.bib_file)
    blocks = [text for _, _, text in cited]
    if problems:
        raise PluginError("citations: " + "\n".join(problems))

    from mkdocs_bibtex.citation import Citation, CitationBlock

    # One Pandoc run for the whole site; pages then find their citations cached.
    # Every entry is included, for the References page's full bibliography.
    parsed = [b for text in dict.fromkeys(blocks) for b in CitationBlock.from_markdown(text)]
    parsed += [CitationBlock(citations=[Citation(key=key)]) for key in sorted(known)]
    format_with_cache(plugin.registry, parsed, root / CACHE_DIR)


# mkdocs-bibtex keeps Pandoc's results in memory only, so every `mkdocs build`
# starts Pandoc again. Its two result tables are saved here, keyed by everything
# that can change them (BibTeX, CSL style, the citations), and handed back to it
# when nothing changed: the only place this project reaches into the plugin.
CACHE_DIR = ".cache/citations"


def format_with_cache(registry, blocks, cache: Path) -> None:
    import hashlib
    import json

    if not blocks:
        return
    digest = hashlib.sha256("\n".join([
        registry.bib_data_bibtex,
        Path(registry.csl_file).read_text(encoding="utf-8"),
        *sorted(str(b) for b in blocks),
    ]).encode()).hexdigest()
    cached = cache / f"{digest}.json"
    if cached.exists():
        saved = json.loads(cached.read_text(encoding="utf-8"))
        registry._inline_cache.update(saved["inline"])
        registry._reference_cache.update(saved["reference"])
    registry.validate_citation_blocks(blocks)  # formats only what the cache did not hold
    if not cached.exists():
        cache.mkdir(parents=True, exist_ok=True)
        cached.write_text(json.dumps({"inline": registry._inline_cache, "reference": registry._reference_cache}),
                          encoding="utf-8")
